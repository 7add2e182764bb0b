"""One language's MkDocs build that renders again only what changed (issue 13).

briefing.publish.site runs this module once per language, in a process of its own, where it ran
`mkdocs build --strict`:

    python -m briefing.publish.mkdocs_run CONFIG [--previous SITE --cache-key KEY]

Without `--previous` it is that full build. With it, the pages and files that are the same
as when the previous site (SITE, the folder about to be replaced) was built are hard-linked
from it, and MkDocs renders only the others. The output is the full build's, byte for byte
(tests/test_site_incremental.py), because a page is rendered again when anything it shows
may differ:

- its Markdown or file changed (its bytes are hashed);
- the last Git change of the files its editors' block names (briefing/publish/mkdocs_hooks.py);
- its previous output is not there as written (deleted, edited by hand: size, inode and
  time are compared);
- and everything is rendered again when the configuration, the theme, the code or the
  edit link changed, or a page was removed (a page that linked to it must warn).

MkDocs' own `--dirty` is not used as such: it trusts file times, keeps no anchors of the
pages it skips, and warns (so `--strict` fails). Here MkDocs' dirty mode is driven by that
list instead, and the skipped pages' anchors and links come from the manifest of the
previous build, so anchors are checked across the whole site as in a full build. Pages
that are not rendered again cannot have new links: their Markdown is the same, and every
link they had was checked when they were rendered.

The manifest is kept with the cache (briefing.cache, kind `sites`); without a cache every
build is a full one.
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import cache
from . import mkdocs_hooks
from ..output import link_or_copy, signature

#: Raised by MkDocs' dirty mode, which is used here on a list it does not keep itself.
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Output:
    """One file of the built site: its source's hash and where it went, as written."""

    sha: str
    dest: str  #: relative to the site's folder
    stat: tuple[int, int, int]  #: inode, size, modification time (ns) when written


@dataclass
class PageFacts:
    """What other pages' checks need of a page that is not rendered again."""

    anchors: frozenset[str]
    links: dict[str, dict[str, str]]  #: {target page: {anchor: link as written}}
    sources: tuple[str, ...] | None  #: the files its editors' block names
    change: str | None  #: their last change in Git, as the block shows it


@dataclass
class Manifest:
    fingerprint: str
    outputs: dict[str, Output] = field(default_factory=dict)  #: by source path
    pages: dict[str, PageFacts] = field(default_factory=dict)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("--previous", type=Path)
    parser.add_argument("--cache-key")
    args = parser.parse_args(argv)
    from mkdocs import exceptions

    _log_as_mkdocs_does()
    try:
        build(Path(args.config), args.previous, args.cache_key)
    except exceptions.Abort as error:
        print(f"Aborted: {error}", file=sys.stderr)
        return 1
    except exceptions.ConfigurationError as error:
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1
    return 0


def build(config_file: Path, previous: Path | None, key: str | None) -> None:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.structure.files import File

    config = load_config(config_file=str(config_file), strict=True)
    site = Path(config.site_dir)
    fingerprint = _fingerprint(config_file, config)
    old = cache.load(key, "sites", Manifest) if key and previous else None
    if old is not None and old.fingerprint != fingerprint:
        old = None

    files = _all_files(config)
    rebuild = _to_render(files, old, previous)
    if old is not None:
        for src, output in old.outputs.items():
            if src in files and src not in rebuild:
                link_or_copy(previous / output.dest, site / output.dest)

    captured = {}
    populate = mkdocs_build._populate_page
    nav_pages = _nav_pages(config.nav)

    def populate_or_restore(page, config, files, dirty=False):
        captured["files"] = files
        if page.file.src_uri in rebuild:
            return populate(page, config, files, dirty)
        facts = old.pages[page.file.src_uri]
        page.present_anchor_ids = set(facts.anchors)
        page.links_to_anchors = {files.get_file_from_path(target): dict(links)
                                 for target, links in facts.links.items()}
        if page.file.src_uri in nav_pages:  # other pages' navigation shows its title
            page.read_source(config)

    # MkDocs' dirty mode, on this list rather than on file times.
    File.is_modified = lambda self: self.src_uri in rebuild
    mkdocs_build._populate_page = populate_or_restore
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith(DIRTY_WARNING))
    config.plugins.on_startup(command="build", dirty=True)
    try:
        mkdocs_build.build(config, dirty=True)
    finally:
        config.plugins.on_shutdown()
    if key:
        cache.store(key, _manifest(fingerprint, captured["files"], files, old, rebuild, site),
                    "sites")


def _all_files(config) -> dict[str, tuple[str, str, bool]]:
    """{source path: (hash, destination, is a page)} of every file MkDocs will write but its
    theme's templates (404.html, sitemap.xml: always rendered)."""
    from mkdocs.commands.build import get_files

    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    found = {}
    for f in files:
        if f.generated_by or f.abs_src_path is None:  # made by a plugin: always rendered
            continue
        with open(f.abs_src_path, "rb") as handle:
            sha = hashlib.sha256(handle.read()).hexdigest()
        found[f.src_uri] = (sha, f.dest_uri, f.is_documentation_page())
    return found


def _to_render(files: dict, old: Manifest | None, previous: Path | None) -> set[str]:
    """The files to render (or copy) again; all of them without a usable previous build."""
    if old is None or any(src not in files for src in old.pages):
        return set(files)
    rebuild = set()
    for src, (sha, dest, is_page) in files.items():
        output = old.outputs.get(src)
        if (output is None or output.sha != sha or output.dest != dest
                or signature(previous / dest) != output.stat):
            rebuild.add(src)
        elif is_page:
            facts = old.pages.get(src)
            if facts is None or (facts.sources is not None
                                 and mkdocs_hooks.last_change(facts.sources) != facts.change):
                rebuild.add(src)
    return rebuild


def _manifest(fingerprint: str, built, files: dict, old: Manifest | None, rebuild: set,
              site: Path) -> Manifest:
    manifest = Manifest(fingerprint)
    for f in built.documentation_pages():
        src = f.src_uri
        if src not in files:
            continue
        if src in rebuild:
            page = f.page
            sources = mkdocs_hooks.page_sources(page.meta)
            manifest.pages[src] = PageFacts(
                frozenset(page.present_anchor_ids or ()),
                {target.src_uri: dict(links)
                 for target, links in (page.links_to_anchors or {}).items()},
                sources, mkdocs_hooks.last_change(sources) if sources else None)
        else:
            manifest.pages[src] = old.pages[src]
    for src, (sha, dest, _) in files.items():
        written = signature(site / dest)
        if written is not None:
            manifest.outputs[src] = Output(sha, dest, written)
    return manifest


def _fingerprint(config_file: Path, config) -> str:
    """What every page shows: the settings (but the folders, which are staging folders),
    the theme's own files, the code and pinned libraries, and the edit link."""
    digest = hashlib.sha256(cache.code_version().encode())
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    settings.pop("docs_dir", None)
    settings.pop("site_dir", None)
    digest.update(repr(sorted(settings.items())).encode())
    digest.update(str(mkdocs_hooks.edit_url_base(config)).encode())
    custom = Path(config.theme.custom_dir or ".")
    for path in sorted(custom.rglob("*")) if config.theme.custom_dir else []:
        if path.is_file():
            digest.update(path.relative_to(custom).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _nav_pages(nav) -> set[str]:
    found = set()
    for item in nav or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found |= _nav_pages(value)
            elif isinstance(value, str):
                found.add(value)
    return found


def _log_as_mkdocs_does() -> None:
    """`mkdocs build`'s own output: `LEVEL   -  message` on standard error, INFO and up."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter())
    logger.addHandler(handler)


class _Formatter(logging.Formatter):
    def format(self, record):
        return f"{record.levelname:<8}-  {super().format(record)}"


if __name__ == "__main__":
    sys.exit(main())
