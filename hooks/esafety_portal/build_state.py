"""The one state of a build: the content, the renderer, the downloads, the open data and the
generated pages, made once from the checked content (hooks/load_content.py) and read by every
hook through `build_state(config)`. Each part is made on first use and kept, so no hook depends
on another having run first: the template pages ask for the downloads' sizes, and get them
whichever hook asked first."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mkdocs.exceptions import PluginError

from .families import FAMILIES
from .model import Content
from .registry import function
from .render import Renderer

KEY = "esafety"  # the one config key the state is kept under
DOCUMENTS_CACHE = Path(".cache") / "documents"


class BuildStateMissing(PluginError):
    pass


@dataclass(eq=False, repr=False)
class BuildState:
    project_dir: Path
    content: Content
    renderer: Renderer
    use_directory_urls: bool = True
    docs_dir: Path = Path("docs")  # the hand-written pages (mkdocs.yml's docs_dir)
    final_site_dir: str = ""  # set by hooks/publish_atomically.py while the build writes elsewhere

    def __repr__(self) -> str:
        # Short: the macros plugin writes the whole config (this state in it) to its debug log on
        # every build, whatever the log level; the content's own repr made that a twentieth of a rebuild.
        return f"BuildState({str(self.project_dir)!r})"

    @cached_property
    def documents(self) -> dict[str, bytes]:
        """Every template's downloads and the .zip pack, by file name (made or from the cache)."""
        from .documents.cache import all_documents

        return all_documents(self.content.templates, self.content.site.council, self.project_dir / DOCUMENTS_CACHE)

    @cached_property
    def download_sizes(self) -> dict[str, int]:
        return {name: len(data) for name, data in self.documents.items()}

    @cached_property
    def open_data(self) -> list:
        """Every family's open data (open_data.OpenData), in the registry's order."""
        from .open_data import published

        return published(self.content)

    @cached_property
    def pages(self) -> list:
        """Every generated page (generated_pages.PageSpec) and file beside them (Asset), family by family."""
        return [spec for family in FAMILIES if family.pages for spec in function(family.pages)(self, family)]

    @cached_property
    def data_of_pages(self) -> dict[str, list[str]]:
        """Docs page -> the data files behind it, for "Edit this page" and review dates."""
        from .pages import data_of_pages

        return data_of_pages(self.content)


def make_state(config, content: Content) -> BuildState:
    from .jinja_cache import bytecode_cache

    renderer = Renderer(content, Path(config.theme.custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(config, "markdown"))
    return BuildState(Path(config.config_file_path).parent, content, renderer, config["use_directory_urls"],
                      Path(config["docs_dir"]))


def build_state(config) -> BuildState:
    """The state hooks/load_content.py made for this build. Missing, it is an error: a hook
    listed before load_content in mkdocs.yml, or load_content left out."""
    state = config.get(KEY)
    if not isinstance(state, BuildState):
        raise BuildStateMissing(
            "the content has not been loaded for this build: hooks/load_content.py must be listed in "
            "mkdocs.yml's hooks: (it loads data/ before any other hook reads it)")
    return state
