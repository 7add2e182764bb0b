"""MkDocs hooks (mkdocs.yml `hooks:`): every page ends with a folded block for editors
that names the files it comes from, links "edit this page" to the first of them (an
editorial file, never the generated Markdown), and shows their last change in Git.

Generated pages carry `edit_path` and `sources` in their front matter (briefing.render).
The edit link is `extra.edit_url_base` + path; without that setting it is derived from the
Git remote `origin` when that is a web host (https or git@), for the current branch.
Nothing here contacts a host: links only. Dates come from `git log` when the site is built,
so docs/ stays byte-identical whatever the history.
"""
from __future__ import annotations

import html
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs import utils as mkdocs_utils

ROOT = Path(__file__).resolve().parents[2]
STRINGS = ROOT / "templates" / "strings.yml"


def on_template_context(context, template_name, config):
    """An error page's links start from `extra.error_page_base` where the configuration
    sets one (briefing.publish.site.language_config: a site without site_url), not from
    the server's root: the English error page's navigation leads to English pages."""
    base = (config.extra or {}).get("error_page_base")
    if base and mkdocs_utils.is_error_template(template_name):
        context["base_url"] = base
    return context


def on_page_markdown(markdown, page, config, files):
    sources = page_sources(page.meta)
    if not sources:
        return markdown
    t = strings(config.theme["language"])
    return markdown.rstrip("\n") + "\n\n" + editors_block(
        t, page.meta["edit_path"], list(sources), last_change(sources), edit_url_base(config))


def page_sources(meta: dict) -> tuple[str, ...] | None:
    """The files a generated page comes from (its front matter), or None for a page
    without an editors' block.

    >>> page_sources({"edit_path": "seeds/a.yml", "sources": "seeds/a.yml seeds/a.txt"})
    ('seeds/a.yml', 'seeds/a.txt')
    >>> page_sources({}) is None
    True
    """
    path = meta.get("edit_path")
    return tuple(str(meta.get("sources") or path).split()) if path else None


def editors_block(t: dict, path: str, sources: list[str], change: str | None,
                  base: str | None) -> str:
    """The editors' information, folded at the end of the page, out of the reading flow
    (issue 11): the edit link (or the file to edit), the files the page comes from, and
    their last change in Git.

    >>> t = {"editors_block": "For editors", "edit_page": "Edit this page", "colon": ": ",
    ...      "edit_file": "This page comes from", "editors_sources": "Source files",
    ...      "list_sep": ", ", "last_change": "Last change", "not_in_git": "not in Git"}
    >>> print(editors_block(t, "a.yml", ["a.yml", "b<.md"], None, None))
    <details class="briefing-editors">
    <summary>For editors</summary>
    <ul class="briefing-editors-list">
    <li class="briefing-edit-file">This page comes from: <code>a.yml</code></li>
    <li class="briefing-sources">Source files: <code>a.yml</code>, <code>b&lt;.md</code></li>
    <li class="briefing-last-change">not in Git</li>
    </ul>
    </details>
    <BLANKLINE>
    """
    edit = (f'<a class="briefing-edit" href="{html.escape(base + path)}" rel="edit">'
            f'{t["edit_page"]}</a>' if base else t["edit_file"])
    when = (t["last_change"] + t["colon"] + html.escape(change) if change
            else t["not_in_git"])
    files = t["list_sep"].join(f"<code>{html.escape(f)}</code>" for f in sources)
    return (f'<details class="briefing-editors">\n<summary>{t["editors_block"]}</summary>\n'
            f'<ul class="briefing-editors-list">\n'
            f'<li class="briefing-edit-file">{edit}{t["colon"]}<code>{html.escape(path)}</code>'
            f'</li>\n<li class="briefing-sources">{t["editors_sources"]}{t["colon"]}{files}</li>\n'
            f'<li class="briefing-last-change">{when}</li>\n</ul>\n</details>\n')


@lru_cache(maxsize=None)
def strings(language: str) -> dict:
    return yaml.safe_load(STRINGS.read_text(encoding="utf-8"))["en" if language == "en"
                                                                else "zh"]


def edit_url_base(config) -> str | None:
    configured = (config.extra or {}).get("edit_url_base")
    return configured or origin_edit_base()


@lru_cache(maxsize=1)
def origin_edit_base() -> str | None:
    return edit_base_from_remote(_git("remote", "get-url", "origin"),
                                 _git("rev-parse", "--abbrev-ref", "HEAD"))


def edit_base_from_remote(url: str | None, branch: str | None) -> str | None:
    """Where files are edited on the web host of a Git remote, for a branch; GitLab-style
    hosts take `-/edit/`. None for a local path or another protocol.

    >>> edit_base_from_remote("git@github.com:group/briefing.git", "main")
    'https://github.com/group/briefing/edit/main/'
    >>> edit_base_from_remote("https://git.example.org/group/briefing.git", "main")
    'https://git.example.org/group/briefing/-/edit/main/'
    >>> edit_base_from_remote("/srv/git/briefing.git", "main") is None
    True
    """
    if not url or not branch or branch == "HEAD":
        return None
    match = re.fullmatch(r"git@([\w.-]+):(.+?)(?:\.git)?", url) or \
        re.fullmatch(r"https://(?:[^@/]+@)?([\w.-]+(?::\d+)?)/(.+?)(?:\.git)?/?", url)
    if not match:
        return None  # a local path or another protocol: no page to edit on
    host, repo = match.groups()
    action = "edit" if host == "github.com" else "-/edit"
    return f"https://{host}/{repo}/{action}/{branch}/"


@lru_cache(maxsize=None)
def last_change(paths: tuple[str, ...]) -> str | None:
    """`2026-11-23 (abc1234)`: the last commit touching any of the files, or None."""
    changes = file_changes()
    found = [changes[path] for path in paths if path in changes]
    return min(found)[1] if found else None


@lru_cache(maxsize=1)
def file_changes() -> dict[str, tuple[int, str]]:
    """Per file of the history, its last commit: (age, `2026-11-23 (abc1234)`), age 0 for
    the newest commit. One `git log` for the whole site: a build of thousands of pages
    started one per page. (`-c`: a merge counts for the files it changed against every
    parent, as `git log -- path` counts it, not for those it only brings in.)"""
    log = _git("-c", "core.quotePath=false", "log", "-c", "--format=%x00%cs (%h)",
               "--name-only")
    changes: dict[str, tuple[int, str]] = {}
    for age, commit in enumerate((log or "").split("\0")[1:]):
        when, *files = commit.strip("\n").split("\n")
        for path in files:
            if path:
                changes.setdefault(path, (age, when))
    return changes


def _git(*args: str) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None
