// Material saves the colour scheme in localStorage on every page load, unasked. The portal
// stores nothing a reader has not asked for: keep the scheme only once the reader has chosen
// one with the toggle. Loaded after Material's inline helpers define __md_set, before its bundle.
(function () {
  var save = window.__md_set;
  var chosen = false;
  document.addEventListener("change", function (event) {
    if (event.target && event.target.name === "__palette") chosen = true;
  }, true);
  window.__md_set = function (key, value, storage, scope) {
    if (key === "__palette" && !chosen) return;
    return save(key, value, storage, scope);
  };
})();
