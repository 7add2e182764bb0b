"""Zensical, Material for MkDocs' successor, builds the committed docs/ with the project's
configuration (briefing/publish/zensical.py), --strict, and the sites it makes hold what
the MkDocs ones do, less what only MkDocs' hooks add (README, "Zensical")."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing.errors import ToolError
from briefing.publish import zensical
from briefing.publish.records import load_corpus

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = {"zh": "", "en": "en/"}
#: What `build` writes after the site generator (briefing/commands.py): the PDFs and the
#: study sessions' calendars. Links to them are checked by tests/test_build.py.
AFTER_SITE = (".pdf", ".ics")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(zensical.missing_reason() is not None,
                                 reason=zensical.missing_reason() or "")]


@pytest.fixture(scope="module")
def zsite(tmp_path_factory) -> Path:
    """Both languages of docs/ built by Zensical (a ToolError here names its warnings)."""
    site = tmp_path_factory.mktemp("zensical") / "site"
    zensical.build_sites(DOCS, site)
    return site


def documents() -> list[dict]:
    return load_corpus(DOCS)["documents"]


class Page(HTMLParser):
    """A built page's ids, its links (href of <a> and <link>, src of <script>, <img>) and
    its <article>'s text."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.text: list[str] = []
        self.depth = 0  # inside <article> when > 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if "id" in found:
            self.ids.add(found["id"])
        if tag in ("a", "link") and found.get("href"):
            self.links.append(found["href"])
        if tag in ("script", "img") and found.get("src"):
            self.links.append(found["src"])
        if tag == "article" or self.depth:
            self.depth += tag == "article"

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)

    def article_text(self) -> str:
        return squeeze("".join(self.text))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_document_has_its_page_in_the_language(zsite, lang):
    for doc in documents():
        page = zsite / f"{LANGS[lang]}documents/{doc['id']}.html"
        assert page.is_file(), page
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_pages_hold_every_paragraph_of_the_corpus_under_its_id(zsite, lang):
    """Each paragraph of corpus.json, in its original and its translation, is in the page's
    text, and the page has its #pN anchor (headings included)."""
    for doc in documents():
        page = Page(zsite / f"{LANGS[lang]}documents/{doc['id']}.html")
        text = page.article_text()
        for para in doc["paragraphs"]:
            assert para["id"] in page.ids, (lang, doc["id"], para["id"])
            versions = [para["text"]] + [t["text"] for t in [para.get("translation") or {}]
                                         if t.get("text")]
            for version in versions:
                assert squeeze(version) in text, (lang, doc["id"], para["id"], version[:60])


def test_every_internal_link_and_anchor_resolves(zsite):
    """Every link between pages (documents, corpus pages, the other language, assets) leads
    to a built file, and every fragment (#p5, #summary, a glossary term) to an id there."""
    pages: dict[Path, Page] = {}

    def page(path: Path) -> Page:
        if path not in pages:
            pages[path] = Page(path)
        return pages[path]

    checked = 0
    # 404.html is served from anywhere, so its links are from the site's root ("/").
    for path in sorted(p for p in zsite.rglob("*.html") if p.name != "404.html"):
        for link in page(path).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or parts.path.endswith(AFTER_SITE):
                continue  # nothing but "edit this page" leaves the site, and that is not here
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            where = f"{path.relative_to(zsite)}: {link}"
            assert target.is_file(), where
            if parts.fragment and target.suffix == ".html":
                assert unquote(parts.fragment) in page(target).ids, where
            checked += 1
    assert checked > 1000  # every page was read, not none


def test_the_sites_have_their_own_search_index_and_not_zensicals(zsite):
    for sub in LANGS.values():
        meta = (zsite / f"{sub}search/meta.js").read_text(encoding="utf-8")
        for doc in documents():
            assert f"documents/{doc['id']}.html" in meta
        index = json.loads((zsite / f"{sub}search.json").read_text(encoding="utf-8"))
        assert index["items"] == []  # Zensical's own search is off (README: what differs)


def test_hooks_do_not_run_so_pages_have_no_editors_block(zsite):
    """The known loss, said in README: Zensical ignores MkDocs hooks, so the editors' block
    (edit link, source files, last change) that briefing/publish/mkdocs_hooks.py adds is missing.
    When Zensical runs them, this fails: update README and zensical.language_config."""
    for doc in documents():
        for sub in LANGS.values():
            built = (zsite / f"{sub}documents/{doc['id']}.html").read_text(encoding="utf-8")
            assert "briefing-editors" not in built


def test_a_missing_anchor_fails_the_strict_build(tmp_path):
    """--strict is real: a link to a paragraph that does not exist stops the build and
    the error shows Zensical's warning."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    doc = documents()[0]["id"]
    with (docs / "zh" / "index.md").open("a", encoding="utf-8") as index:
        index.write(f"\n[missing](documents/{doc}.md#p9999)\n")
    with pytest.raises(ToolError, match="anchor does not exist") as failure:
        zensical.build_sites(docs, tmp_path / "site")
    assert "zh site" in str(failure.value) and "p9999" in str(failure.value)
    assert not (tmp_path / "site").exists()  # a failed build leaves no site behind


def test_pages_not_generated_are_named_with_what_to_do(tmp_path, capsys):
    (tmp_path / "docs" / "zh").mkdir(parents=True)
    assert zensical.main(["--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "s")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("Error: ")
    assert "en: no pages here; run: python build.py generate" in error
    assert "zh:" not in error and not (tmp_path / "s").exists()


def test_problem_lines_keep_warnings_and_drop_the_traceback():
    output = ("Build started\n\x1b[33mWarning:\x1b[0m anchor does not exist\n"
              " 76 \u2502 <a href=\"#p2\">\nTraceback (most recent call last):\n"
              "  File \"main.py\", line 81\nRuntimeError: Aborted because --strict flag is set\n")
    assert zensical.problem_lines(output) == [
        "Warning: anchor does not exist", ' 76 \u2502 <a href="#p2">',
        "RuntimeError: Aborted because --strict flag is set"]


def test_zensical_is_the_pinned_version():
    lock = (ROOT / zensical.LOCK).read_text(encoding="utf-8")
    assert f"zensical=={zensical.VERSION}" in lock.splitlines()
    shown = subprocess.run([str(zensical.ZENSICAL), "--version"], capture_output=True,
                           text=True, check=True).stdout.strip()
    assert shown == zensical.VERSION


CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
browser_needed = pytest.mark.skipif(not CHROMIUM.exists() or not AXE.exists(),
                                    reason="chromium or axe-core missing: run make test")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--headless", "--no-sandbox", "--disable-gpu",
                                           "--no-first-run", "--disable-background-networking"])
        yield launched
        launched.close()


@browser_needed
@pytest.mark.browser
@pytest.mark.parametrize("width", [1366, 390])
def test_axe_finds_no_serious_violation_on_zensicals_pages(zsite, browser, width):
    """Zensical's header differs from Material's (templates/theme/partials/palette.html
    keeps out its focusable hidden palette input; briefing-zensical.css its empty source
    box): the home page and a document, both languages, as tests/test_accessibility.py
    checks the MkDocs site."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    doc = documents()[0]["id"]
    found = {}
    for rel in ("index.html", f"documents/{doc}.html", "en/index.html",
                f"en/documents/{doc}.html"):
        page.goto((zsite / rel).as_uri())
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = page.evaluate("async () => await axe.run(document, "
                               "{resultTypes: ['violations']})")
        bad = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            found[rel] = bad
        # At the header's end, as on Material's (85 px from the edge at 1366, 12 at 390),
        # not 234 px further in, where Zensical's empty box for the repository's facts
        # put it (briefing-zensical.css hides that).
        box = page.get_by_role("searchbox").bounding_box()
        assert width - (box["x"] + box["width"]) < 120, (rel, box)
    page.close()
    assert not found, found


@browser_needed
@pytest.mark.browser
def test_the_sites_own_search_finds_documents_on_zensicals_pages(zsite, browser):
    """From file://, as a reader opens the offline copy: a Chinese phrase gives results,
    documents among them, each leading to an anchor of a built page."""
    page = browser.new_page()
    page.goto((zsite / "index.html").as_uri())
    page.get_by_role("searchbox").fill("算力")
    page.wait_for_function("q => document.querySelector('form.briefing-search')"
                           ".dataset.done === q", arg="算力")
    hrefs = page.locator("a.briefing-search__title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    page.close()
    assert any(re.match(r"\./documents/[\w-]+\.html#p\d+$", h) for h in hrefs), hrefs
    for href in hrefs:
        path, _, anchor = href.partition("#")
        assert anchor in Page(zsite / path).ids, href
