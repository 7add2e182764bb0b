"""Zensical, the successor of Material for MkDocs (end of life 2027-05-05), builds the same
docs/ with the same configuration (mkdocs.yml, mkdocs.en.yml): issue #13.

Zensical 0.0.73 lives in its own virtual environment, .venv-zensical/ (scripts/bootstrap.sh,
requirements-zensical.lock): 0.0.74 and later need `zensical-ui`, which the package index
does not have. It reads MkDocs configurations, with these differences, each handled here:

- Its INHERIT appends lists instead of replacing them (the English site would get both
  languages' nav and four language links), so each language's settings are derived the
  way briefing/publish/site.py derives them for MkDocs, and written out whole.
- docs_dir must be relative (an absolute one panics: `invariant: Id(Format(Path(RootDir)))`)
  and, like site_dir, inside the folder of the configuration file. So each language is
  built in a work folder of its own holding its configuration, a hard-linked copy of its
  pages, its site and Zensical's cache (.cache/): kept, it makes rebuilds incremental.
- MkDocs hooks are ignored: briefing/publish/mkdocs_hooks.py does not run, so pages have no
  editors' block (edit link, source files, last change in Git). `hooks` is dropped.
- Its header keeps an empty box for the repository's facts: hidden (briefing-zensical.css),
  and it renders a focusable, hidden palette input: kept out by templates/theme/partials/
  palette.html (which MkDocs never includes for the one palette of mkdocs.yml).
- Its own search is on by default (a search.json of every page): turned off, and the
  site's own index (briefing/publish/search.py) is written after each language, as after MkDocs.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from . import search, site
from ..errors import BriefingError, InputError, Problem, ToolError, display_path

#: The only version the package index can install (see above); pinned in the lock too.
VERSION = "0.0.73"
ZENSICAL = site.ROOT / ".venv-zensical" / "bin" / "zensical"
LOCK = "requirements-zensical.lock"
#: Zensical's lines that say all went well; anything else it prints is a problem.
QUIET = ("Build started", "No issues found", "Build finished in")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: What only a Zensical site needs (in templates/theme, beside the MkDocs site's CSS).
EXTRA_CSS = "assets/stylesheets/briefing-zensical.css"


class ZensicalMissing(ToolError):
    """Zensical is not installed where the build looks for it."""


def missing_reason(command: Path = ZENSICAL) -> str | None:
    """Why Zensical cannot run here, or None when it can."""
    if not os.access(command, os.X_OK):
        return (f"Zensical is not installed ({command} is missing): run `scripts/bootstrap.sh "
                f"test`, which installs {LOCK} into .venv-zensical/")
    return None


def language_config(lang: str, check_links: bool = True) -> dict:
    """One language's Zensical settings, relative to its work folder (`docs/<lang>`,
    `site/`): MkDocs' own (briefing.publish.site.language_config), without hooks and Zensical's
    search.
    `check_links=False` turns off its check of links and anchors, two thirds of its CPU
    time at 250 pages and not cached (benchmarks/zensical.py)."""
    settings = site.language_config(lang, Path("docs"), Path("site"))
    settings["docs_dir"] = f"docs/{lang}"
    settings["site_dir"] = "site"
    settings.pop("hooks", None)  # ignored by Zensical: the editors' block is lost
    settings["plugins"] = {"search": {"enabled": False}}  # the site's own search instead
    # Material's look, which briefing.css's colours were checked against (its "modern"
    # variant has other fonts, icons and spacing).
    settings["theme"]["variant"] = "classic"
    settings["extra_css"] = settings.get("extra_css", []) + [EXTRA_CSS]
    if not check_links:
        settings["validation"] = {"invalid_links": False, "invalid_link_anchors": False}
    return settings


def build_sites(docs_dir: Path, site_dir: Path, work_dir: Path | None = None,
                check_links: bool = True) -> None:
    """Build both languages of `docs_dir` with Zensical, --strict, into `site_dir` (Chinese)
    and `site_dir/en` (English), each with the site's own search index, as
    briefing.publish.site.build_sites does with MkDocs. `site_dir` is replaced. A `work_dir` is
    kept between builds (Zensical's cache); without one a temporary folder is used.
    `check_links`: see language_config.
    Raises ZensicalMissing when Zensical is not installed, ToolError when a build fails
    or warns."""
    reason = missing_reason()
    if reason:
        raise ZensicalMissing(reason)
    missing = [Problem(display_path(Path(docs_dir) / lang), None,
                       "no pages here; run: python build.py generate")
               for lang in site.CONFIGS if not (Path(docs_dir) / lang).is_dir()]
    if missing:
        raise InputError(missing)
    if work_dir is None:
        with tempfile.TemporaryDirectory(prefix="briefing-zensical-") as work:
            build_in(Path(work), Path(docs_dir), Path(site_dir), check_links)
    else:
        Path(work_dir).mkdir(parents=True, exist_ok=True)
        build_in(Path(work_dir), Path(docs_dir), Path(site_dir), check_links)


def build_in(work: Path, docs_dir: Path, site_dir: Path, check_links: bool = True) -> None:
    """The build in a work folder, one folder per language (`work/zh`, `work/en`: the two
    builds would evict each other's entries from one cache): its pages linked in, built
    and indexed in its site/; then both sites are copied to `site_dir` and `site_dir/en`."""
    for lang in site.CONFIGS:
        root = work / lang
        shutil.rmtree(root / "docs", ignore_errors=True)
        shutil.copytree(docs_dir / lang, root / "docs" / lang, copy_function=link_or_copy)
        config = root / "mkdocs.yml"
        config.write_text(yaml.safe_dump(language_config(lang, check_links),
                                         allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
        run_zensical(config, lang)
        search.write_index(root / "site", docs_dir / "jieba-userdict.txt")
    shutil.rmtree(site_dir, ignore_errors=True)
    for lang, (_, sub) in site.CONFIGS.items():
        shutil.copytree(work / lang / "site", site_dir / sub if sub else site_dir,
                        dirs_exist_ok=True)


def link_or_copy(source: str, target: str) -> None:
    """A hard link (a build at thousands of documents copies nothing), or a copy where
    the two folders are on different file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def run_zensical(config: Path, lang: str) -> None:
    """`zensical build --strict` on one language's configuration; its warnings (a missing
    anchor, a broken link) fail the build, as MkDocs' do."""
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([str(ZENSICAL), "build", "--strict", "-f", config.name],
                          cwd=config.parent, env=env, capture_output=True, text=True)
    problems = problem_lines(proc.stdout + proc.stderr)
    if proc.returncode != 0 or problems:
        shown = "\n".join(problems[-30:]) or f"exit status {proc.returncode}"
        raise ToolError(f"Zensical could not build the {lang} site cleanly:\n{shown}")


def problem_lines(output: str) -> list[str]:
    """What Zensical printed, less colours, its all-is-well lines and the Python traceback
    that follows a failed --strict build.

    >>> problem_lines("Build started\\n\\x1b[33mWarning:\\x1b[0m anchor does not exist\\n"
    ...               "Traceback (most recent call last):\\n  File x\\nRuntimeError: Aborted")
    ['Warning: anchor does not exist', 'RuntimeError: Aborted']
    """
    lines = [ANSI.sub("", line) for line in output.splitlines()]
    return [line for line in lines if line.strip() and not line.startswith(QUIET)
            and not line.startswith(("Traceback", "  "))]


def main(argv: list[str] | None = None) -> int:
    """`python -m briefing.publish.zensical [--docs DOCS] [--site SITE]`: both sites, as
    `build` makes them with MkDocs (without the PDFs), by Zensical."""
    parser = argparse.ArgumentParser(
        description="Build both sites from the generated pages with Zensical.")
    parser.add_argument("--docs", type=Path, default=site.ROOT / "docs",
                        help="generated pages (default: docs/)")
    parser.add_argument("--site", type=Path, default=site.ROOT / "build-output" / "zensical",
                        help="output folder, replaced (default: build-output/zensical/)")
    args = parser.parse_args(argv)
    try:
        build_sites(args.docs, args.site)
    except BriefingError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(f"built with Zensical {VERSION}: {args.site}/ (zh), {args.site}/en/ (en)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
