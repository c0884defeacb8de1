// The shared storage module, on a fake localStorage and event target: saves merge with what
// another tab stored, other tabs hear of changes, and a browser that keeps nothing says so.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const StoredRecord = require("../../docs/assets/javascripts/stored-record.js");

function memoryArea() {
  const data = new Map();
  return {
    data,
    getItem: (key) => (data.has(key) ? data.get(key) : null),
    setItem: (key, value) => { data.set(key, String(value)); },
    removeItem: (key) => { data.delete(key); },
  };
}

// A record of notes keyed by name, each with a time; the newer note of each name wins.
const options = (area, events) => ({
  key: "test:notes", area, events,
  read: (data) => new Map(Object.entries(data)),
  write: (record) => Object.fromEntries(record),
  merge: (stored, mine) => {
    const result = new Map(stored);
    mine.forEach((note, name) => { if (!result.has(name) || note.at >= result.get(name).at) result.set(name, note); });
    return result;
  },
});

test("a save keeps what another tab stored since this one read", () => {
  const area = memoryArea();
  const one = StoredRecord.open(options(area));
  const two = StoredRecord.open(options(area));
  assert.equal(one.load(), null);
  one.save(new Map([["a", {text: "from one", at: 1}]]));
  const result = two.save(new Map([["b", {text: "from two", at: 2}]]));
  assert.equal(result.saved, true);
  assert.deepEqual([...one.load().keys()].sort(), ["a", "b"]);
  assert.deepEqual(result.record, one.load());
});

test("replace stores exactly the record, and null removes it", () => {
  const area = memoryArea();
  const store = StoredRecord.open(options(area));
  store.save(new Map([["a", {text: "x", at: 5}]]));
  assert.equal(store.replace(new Map([["b", {text: "y", at: 1}]])), true);
  assert.deepEqual([...store.load().keys()], ["b"]);
  assert.equal(store.replace(null), true);
  assert.equal(area.data.size, 0);
});

test("other tabs hear of a change to this key only", () => {
  const events = new EventTarget();
  const area = memoryArea();
  const heard = [];
  const unsubscribe = StoredRecord.open(options(area, events)).subscribe((record) => heard.push(record));
  const storage = (key, newValue) => Object.assign(new Event("storage"), {key, newValue, storageArea: area});
  events.dispatchEvent(storage("other", "{}"));
  events.dispatchEvent(storage("test:notes", JSON.stringify({a: {text: "x", at: 1}})));
  events.dispatchEvent(storage("test:notes", null));
  events.dispatchEvent(storage(null, null));  // localStorage.clear() in another tab
  unsubscribe();
  events.dispatchEvent(storage("test:notes", "{}"));
  assert.equal(heard.length, 3);
  assert.equal(heard[0].get("a").text, "x");
  assert.equal(heard[1], null);
  assert.equal(heard[2], null);
});

test("a browser that refuses to store is told apart, and nothing claims to be saved", (t) => {
  t.mock.method(console, "error", () => {});
  const full = memoryArea();
  full.setItem = () => { throw new Error("QuotaExceededError"); };
  const store = StoredRecord.open(options(full));
  assert.equal(store.available(), false);
  assert.equal(store.save(new Map([["a", {text: "x", at: 1}]])).saved, false);
  assert.equal(store.replace(null), true);  // removing still works on a full disk
  const blocked = StoredRecord.open(options(null));
  assert.equal(blocked.available(), false);
  assert.equal(blocked.load(), null);
  assert.equal(blocked.save(new Map()).saved, false);
  assert.equal(console.error.mock.callCount(), 2);  // both refused writes are logged
});

test("checking that storage works leaves nothing behind", () => {
  const area = memoryArea();
  const store = StoredRecord.open(options(area));
  assert.equal(store.available(), true);
  assert.equal(area.data.size, 0);
  store.save(new Map([["a", {text: "x", at: 1}]]));
  const before = area.getItem("test:notes");
  assert.equal(store.available(), true);
  assert.deepEqual([...area.data.keys()], ["test:notes"]);
  assert.equal(area.getItem("test:notes"), before);
});

test("an unreadable stored value is logged and read as nothing", (t) => {
  t.mock.method(console, "error", () => {});
  const area = memoryArea();
  area.setItem("test:notes", "{not json");
  assert.equal(StoredRecord.open(options(area)).load(), null);
  assert.equal(console.error.mock.callCount(), 1);
});
