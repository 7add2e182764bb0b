"""Hostile input (issue 6): seeds come from the web and editorial files from many hands.

Two promises are tested here:

* text from a seed never becomes markup or script: every line of a seed made of HTML, XSS
  filter-evasion shapes, Markdown, Jinja, Python-Markdown extension syntax and Unicode
  troublemakers (tests/data/hostile.txt, and tests/data/hostile/hostile-zh.txt for the
  Chinese cleaner) is shown on the built pages as the very text it was, and no element,
  attribute or URL of the pages comes from it;
* a bad file never crashes the build with a traceback: each bad seed or editorial file
  gives one line naming the file (and line), the documented exit status, and, when the
  problem is fatal, nothing written.

The page tests build the whole site once (slow); the bad-file tests run `generate` only.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefing import editorial, pipeline
from briefing.errors import BriefingError, EditorialError
from briefing.scaffold import translation_yaml
from conftest import ROOT, SEEDS, copy_project, run_cli
from briefing.publish.records import load_corpus

DATA = Path(__file__).resolve().parent / "data"
HOSTILE = DATA / "hostile.txt"
#: The same shapes in a Chinese seed: the Chinese cleaner (full-width punctuation, curly
#: quotes, run-together paragraphs) is a different path from the English one.
HOSTILE_ZH = DATA / "hostile" / "hostile-zh.txt"
#: Document id -> seed file, as the hostile build has them.
HOSTILE_SEEDS = {"hostile": HOSTILE, "hostile-zh": HOSTILE_ZH}
LANGS = ("zh", "en")


# --- reading built pages ------------------------------------------------------------------

class Page(HTMLParser):
    """One HTML page, parsed with the standard library: every start tag with its
    attributes, the text of the <article> (character references decoded), the contents of
    <script>, <style> and <title>, and any comment or declaration inside the article."""

    RAW = ("script", "style", "title")

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []  # the whole page
        self.article_tags: list[tuple[str, dict]] = []
        self.article_text: list[str] = []
        self.article_markup: list[str] = []  # comments, CDATA, processing instructions
        self.raw: dict[str, list[str]] = {name: [] for name in self.RAW}
        self.comments: list[str] = []
        self._article = 0
        self._raw: tuple[str, list[str]] | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attrs))
        if self._article:
            self.article_tags.append((tag, attrs))
        if tag == "article":
            self._article += 1
        if tag in self.RAW:
            self._raw = (tag, [])

    def handle_startendtag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attrs))
        if self._article:
            self.article_tags.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "article" and self._article:
            self._article -= 1
        if self._raw and self._raw[0] == tag:
            self.raw[tag].append("".join(self._raw[1]))
            self._raw = None

    def handle_data(self, data):
        if self._article:
            self.article_text.append(data)
        if self._raw:
            self._raw[1].append(data)

    def handle_comment(self, data):
        self.comments.append(data)
        if self._article:
            self.article_markup.append(f"<!--{data}-->")

    def unknown_decl(self, data):
        if self._article:
            self.article_markup.append(f"<![{data}]>")

    def handle_pi(self, data):
        if self._article:
            self.article_markup.append(f"<?{data}>")

    @property
    def text(self) -> str:
        return "".join(self.article_text)

    @property
    def title(self) -> str:
        return "".join(self.raw["title"])


def fold(text: str) -> str:
    """Text on one line with single spaces: how headings and titles are printed."""
    return " ".join(text.split())


def nonempty_lines(path: Path) -> dict[int, str]:
    """The seed's non-blank lines by line number (1-based), as the reader numbers them."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return {n: line for n, line in enumerate(lines, start=1) if line.strip()}


#: Elements that must never come from a seed (the brief's list of active content).
FORBIDDEN_TAGS = {"script", "iframe", "svg", "img", "object", "embed", "style", "meta", "base",
                  "link", "form", "input", "math", "body", "details", "video", "audio",
                  "source", "frame", "frameset", "template"}
#: Elements that only Markdown or extension syntax in a seed could produce on a document
#: page (the template itself writes h1, h2, p, div, dl, dt, dd, code, a, strong, ins).
MARKDOWN_TAGS = {"em", "b", "i", "ul", "ol", "li", "blockquote", "pre", "table", "thead",
                 "tbody", "tr", "th", "td", "hr", "h3", "h4", "h5", "h6", "sup", "sub", "mark",
                 "del", "abbr", "kbd", "textarea", "button", "select", "option"}
SIDE_BY_SIDE = ("input", {"type": "checkbox", "id": "briefing-side-by-side"})
#: The editors' block at the end of every page (briefing/publish/mkdocs_hooks.py), the hook's own.
EDITORS_BLOCK = ("details", {"class": "briefing-editors"})
URL_ATTRIBUTES = ("href", "src", "action", "data", "formaction", "xlink:href", "poster",
                  "background", "srcset")
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
#: An href inside an article: the site's own pages or an anchor of this page.
OWN_HREF = re.compile(r"#[^\s]*|\.\./(?:themes|glossary)(?:/[\w-]+)?\.html(?:#[\w-]+)?|\.\./documents/[\w.-]+\.html(?:#[\w-]*)?")
#: What the payloads of the hostile seeds have in common: found in an attribute value, a
#: script, a style sheet or a comment, a payload became markup or script. (Handler names
#: such as `onerror` are not among them: heading ids are slugs of the heading's words, and
#: a word in an id is harmless; attributes named on… are checked by name.)
PAYLOAD = re.compile(r"alert\(|evil\.example|display:\s*none", re.I)


def squeeze_url(value: str) -> str:
    """A URL as a browser reads its scheme: without white space or control characters."""
    return re.sub(r"[\x00-\x20]+", "", html.unescape(value)).lower()


# --- the hostile build ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    """The project copied, with the hostile seeds as its only seeds (themes kept, no
    editorial files), built by `build.py build` as a user would."""
    root = copy_project(tmp_path_factory.mktemp("hostile") / "briefing")
    for seed in (root / "seeds").glob("*.txt"):
        seed.unlink()
    shutil.rmtree(root / "seeds" / "editorial", ignore_errors=True)
    shutil.rmtree(root / "seeds" / "translations", ignore_errors=True)
    # The editors' files that name the real documents (sessions, document types) go too.
    shutil.rmtree(root / "seeds" / "sessions", ignore_errors=True)
    (root / "seeds" / "document_types.yml").unlink(missing_ok=True)
    for doc_id, path in HOSTILE_SEEDS.items():
        shutil.copyfile(path, root / "seeds" / f"{doc_id}.txt")
    write_hostile_curation(root / "seeds")
    result = subprocess.run([sys.executable, "build.py", "build"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return root


def hostile_lines() -> list[str]:
    return [line for path in HOSTILE_SEEDS.values() for line in nonempty_lines(path).values()]


def write_hostile_curation(seeds: Path) -> None:
    """Editorial and translation files made of hostile lines: every document translated
    (each paragraph's translation a hostile line), with a hostile summary, key points and
    questions. Editors' text is as untrusted as seeds."""
    lines = hostile_lines()
    (seeds / "editorial").mkdir(exist_ok=True)
    (seeds / "translations").mkdir(exist_ok=True)
    for n, doc in enumerate(pipeline.analyse_corpus(seeds).pages()):
        texts = {p.id: lines[(n * 7 + i) % len(lines)] for i, p in enumerate(doc.paragraphs)}
        (seeds / "translations" / f"{doc.id}.yml").write_text(
            translation_yaml(doc, texts), encoding="utf-8")
        pick = [lines[(n * 5 + k) % len(lines)] for k in range(12)]
        curation = {"summary": {"zh": pick[0], "en": pick[1]},
                    "key_points": [{"zh": pick[2 + 2 * k], "en": pick[3 + 2 * k]}
                                   for k in range(3)],
                    "questions": [{"zh": pick[8 + 2 * k], "en": pick[9 + 2 * k]}
                                  for k in range(2)]}
        (seeds / "editorial" / f"{doc.id}.yml").write_text(
            yaml.safe_dump(curation, allow_unicode=True), encoding="utf-8")


def corpus_doc(root: Path, doc_id: str) -> dict:
    corpus = load_corpus(root / "docs")
    return next(d for d in corpus["documents"] + corpus["compilations"] if d["id"] == doc_id)


def site_page(root: Path, lang: str, rel: str) -> Path:
    return root / "site" / ("" if lang == "zh" else "en") / rel


def doc_pages(root: Path, doc_id: str) -> dict[str, Page]:
    return {lang: Page(site_page(root, lang, f"documents/{doc_id}.html")
                       .read_text(encoding="utf-8")) for lang in LANGS}


def test_hostile_seed_has_enough_lines():
    lines = list(nonempty_lines(HOSTILE).values())
    assert len(lines) >= 70 + 8
    assert sum(line.endswith(".") for line in lines) >= 70
    assert sum(not line.endswith((".", "。")) for line in lines) >= 8  # headings
    for line in lines:  # tabs and control characters would make the seed "binary"
        assert not re.search(r"[\x00-\x1f\x7f\u2028\u2029]", line), line


# 2b: every line is on the page, as text

@pytest.mark.slow
@pytest.mark.parametrize("doc_id", HOSTILE_SEEDS)
def test_nothing_of_the_hostile_seed_is_dropped(hostile_project, doc_id):
    """The cleaner may change a line (logged fixes) but never drop one: every non-blank
    line of the seed is the title or (part of) a paragraph."""
    doc = corpus_doc(hostile_project, doc_id)
    lines = nonempty_lines(HOSTILE_SEEDS[doc_id])
    title = doc["title"][doc["language"]]
    covered = {n for p in doc["paragraphs"] for n in range(p["lines"][0], p["lines"][1] + 1)}
    if title:
        covered.add(min(lines))  # a heading-like first line is the title
    dropped = {n: lines[n] for n in sorted(set(lines) - covered)}
    assert not dropped, f"lines dropped by the cleaner: {dropped}"
    assert len(doc["paragraphs"]) + bool(title) == len(lines)


@pytest.mark.slow
@pytest.mark.parametrize("doc_id", HOSTILE_SEEDS)
def test_the_cleaner_keeps_every_payload_as_text(hostile_project, doc_id):
    """corpus.json is the reference of the page tests, so it must not be "sanitised"
    either: each payload word of a seed line is still in its paragraph (the line with its
    entities decoded, as the cleaner's documented entity fix does)."""
    doc = corpus_doc(hostile_project, doc_id)
    lines = nonempty_lines(HOSTILE_SEEDS[doc_id])
    words = ("alert", "script", "javascript", "onerror", "onload", "onclick", "onmouseover",
             "ontoggle", "evil.example", "iframe", "svg", "style", "{{", "{%", "{#", "!!!",
             "???", "--8<--", "<!--", "cdata", "%3c", "==", "^^", "~~", "++", "$$", "[toc]")
    for para in doc["paragraphs"]:
        raw = html.unescape(" ".join(lines.get(n, "") for n in range(para["lines"][0],
                                                                      para["lines"][1] + 1)))
        for word in words:
            assert para["text"].lower().count(word) == raw.lower().count(word), \
                (word, raw, para["text"])


@pytest.mark.slow
@pytest.mark.parametrize("doc_id", HOSTILE_SEEDS)
def test_every_hostile_line_is_text_on_both_pages(hostile_project, doc_id):
    """Each paragraph of corpus.json (the seed line after the cleaner's logged fixes) and
    the title appear verbatim in the text of the <article> of both language pages: had any
    of it been taken for markup, its characters would be missing from the text."""
    doc = corpus_doc(hostile_project, doc_id)
    title = doc["title"][doc["language"]]
    for lang, page in doc_pages(hostile_project, doc_id).items():
        text = page.text
        if title:
            assert fold(title) in text, (lang, title)
        missing = [p["text"] for p in doc["paragraphs"]
                   if (fold(p["text"]) if p["kind"] == "heading" else p["text"]) not in text]
        assert not missing, f"{lang}: not on the page as text: {missing}"


@pytest.mark.slow
@pytest.mark.parametrize("doc_id", HOSTILE_SEEDS)
def test_hostile_translations_and_curation_are_text_on_the_page(hostile_project, doc_id):
    """Translations, summaries, key points and questions from editorial files: verbatim as
    text, in the reader's language column (the checks below cover their markup too)."""
    doc = corpus_doc(hostile_project, doc_id)
    pages = doc_pages(hostile_project, doc_id)
    translated = pages[doc["translation_language"]].text
    missing = [p["translation"]["text"] for p in doc["paragraphs"]
               if p["kind"] == "text" and p["translation"]["text"] not in translated]
    assert not missing, missing
    for lang, page in pages.items():
        items = [doc["summary"][lang]] + [i[lang] for i in doc["key_points"] + doc["questions"]]
        assert all(item in page.text for item in items), lang


# 2c: no element, attribute or URL comes from the seed

@pytest.mark.slow
@pytest.mark.parametrize("doc_id", HOSTILE_SEEDS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_element_attribute_or_url_in_the_article_comes_from_the_seed(hostile_project,
                                                                        doc_id, lang):
    page = doc_pages(hostile_project, doc_id)[lang]
    assert page.article_tags, "no <article> on the page"
    for tag, attrs in page.article_tags:
        if (tag, attrs) in (SIDE_BY_SIDE, EDITORS_BLOCK):
            continue  # the page's own controls, the same on every page
        assert tag not in FORBIDDEN_TAGS, (tag, attrs)
        # The page's own lists carry a class (Markdown never writes one): only those.
        own = attrs.get("class", "").startswith("briefing-")
        assert tag not in MARKDOWN_TAGS or own, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in URL_ATTRIBUTES:
                assert not squeeze_url(value).startswith(BAD_SCHEMES), (tag, name, value)
            assert not PAYLOAD.search(value), (tag, name, value)
        if tag == "a" and "href" in attrs:
            assert OWN_HREF.fullmatch(attrs["href"]), attrs["href"]
        if tag in ("a", "img"):
            assert not any("evil.example" in attrs.get(n, "") for n in URL_ATTRIBUTES), attrs
    # `<!-- x -->` and `<![CDATA[` of the seed must stay text too.
    assert not page.article_markup


def whole_page_problems(page: Page) -> list:
    """What of a whole page (theme included) would be seed text turned into markup."""
    problems = []
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(("event handler", tag, name, value))
            if name in URL_ATTRIBUTES and squeeze_url(value).startswith(BAD_SCHEMES):
                problems.append(("scheme", tag, name, value))
            if PAYLOAD.search(value):
                problems.append(("payload in attribute", tag, name, value))
        if tag in ("iframe", "object", "embed", "img", "base", "frame", "frameset", "video",
                   "audio", "source", "math", "template"):
            problems.append(("element", tag, attrs))
    for kind in ("script", "style"):
        problems += [(kind, body) for body in page.raw[kind] if PAYLOAD.search(body)]
    problems += [("comment", c) for c in page.comments if PAYLOAD.search(c)]
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("rel", ["documents/hostile.html", "documents/hostile-zh.html",
                                 "index.html", "themes.html"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_script_or_handler_anywhere_on_the_page(hostile_project, lang, rel):
    """Not only the article: the header, the navigation, the table of contents and the
    <title> print seed text (titles, headings) too, and so do the home page's lists."""
    path = site_page(hostile_project, lang, rel)
    page = Page(path.read_text(encoding="utf-8"))
    assert not whole_page_problems(page), f"{path}: {whole_page_problems(page)}"
    assert not any("alert(" in body for body in page.raw["script"])


@pytest.mark.slow
@pytest.mark.parametrize("doc_id", HOSTILE_SEEDS)
def test_the_page_title_is_the_hostile_title_as_text(hostile_project, doc_id):
    doc = corpus_doc(hostile_project, doc_id)
    title = fold(doc["title"][doc["language"]])
    assert "</title>" in title or "<script>" in title  # the seed's title is hostile
    for lang, config in (("zh", "mkdocs.yml"), ("en", "mkdocs.en.yml")):
        site_name = yaml.safe_load((hostile_project / config).read_text(encoding="utf-8"))[
            "site_name"]
        page = doc_pages(hostile_project, doc_id)[lang]
        assert len(page.raw["title"]) == 1
        assert page.title == f"{title} - {site_name}"


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_search_index_holds_seed_text_as_text(hostile_project, lang):
    """The search index (briefing/publish/search.py) is JSON handed to a script, which shows it
    with text nodes only (tests/test_search.py): a hostile title is in it as the reader
    reads it, and no "<" reaches the files, where it could close the script."""
    folder = site_page(hostile_project, lang, "search")
    files = sorted(folder.rglob("*.js"))
    assert files
    for path in files:
        assert "<" not in path.read_text(encoding="utf-8"), path
    meta = json.loads(re.fullmatch(r"briefingSearch\.meta\((.*)\);\n",
                                   (folder / "meta.js").read_text(encoding="utf-8"),
                                   re.S).group(1))
    titles = {url: title for url, title, _ in meta["pages"]}
    site_name = yaml.safe_load((hostile_project / ("mkdocs.yml" if lang == "zh" else
                                                   "mkdocs.en.yml")).read_text(
        encoding="utf-8"))["site_name"]
    for doc_id in HOSTILE_SEEDS:
        shown = doc_pages(hostile_project, doc_id)[lang].title
        assert titles[f"documents/{doc_id}.html"] == shown.removesuffix(f" - {site_name}")
    assert any("<" in title for title in titles.values())


# 2d: the generated Markdown holds no syntax from the seed at the start of a line

@pytest.mark.slow
@pytest.mark.parametrize("doc_id", HOSTILE_SEEDS)
@pytest.mark.parametrize("lang", LANGS)
def test_generated_markdown_has_no_extension_or_template_syntax(hostile_project, doc_id,
                                                                lang):
    page = (hostile_project / "docs" / lang / "documents" / f"{doc_id}.md").read_text(
        encoding="utf-8")
    for number, line in enumerate(page.split("\n"), start=1):
        assert not line.startswith(("!!!", "???", "--8<--", "{%", "{{")), (number, line)
        assert "{:" not in line, (number, line)


# --- 2e: bad files ----------------------------------------------------------------------------

GOOD_SEED = "人工智能产业规模持续增长，应用场景不断拓展。\n"
SKIPPED = "(skipped; the build goes on)"


def assert_one_error(tmp_path: Path, seeds: Path, path: Path, line, message: str) -> None:
    """`generate` fails with exactly one `Error:` line naming `path` (and line), and writes
    nothing."""
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 1
    lines = problem_lines(result)
    assert len(lines) == 1, lines
    assert re.match(rf"Error: {where(path, line)}: .*{re.escape(message)}", lines[0]), lines[0]
    assert not out.exists()


def problem_lines(result) -> list[str]:
    """stderr as its lines, after checking that nothing crashed."""
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    return result.stderr.splitlines()


def where(path: Path, line: int | bool | None) -> str:
    """The `file:line` a message starts with: that line; any line (True); or, where the
    brief does not ask for one (None), with or without a line."""
    if line is None:
        return re.escape(str(path)) + r"(?::\d+)?"
    return re.escape(str(path)) + (r":\d+" if line is True else f":{line}")


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
#: name, bytes, what the message says, line number (True: any line; None: not asked for).
BAD_SEEDS = [
    pytest.param("image.txt", PNG, "binary", None, id="png"),
    pytest.param("empty.txt", b"", "is empty", None, id="empty"),
    pytest.param("blank.txt", " \n\t\n\u3000 \n".encode(), "is empty", None, id="whitespace"),
    pytest.param("latin.txt", bytes(range(128, 256)) * 4, "cannot be decoded", 1,
                 id="undecodable"),
    # NUL bytes in UTF-8 text, an even number of bytes (which may pass for UTF-16) ...
    pytest.param("nul.txt", "Hello world.\nNUL\x00 here.\n".encode(), "NUL", 2, id="nul-even"),
    pytest.param("nul-zh.txt", "人工智能。\n新质\x00生产力。\n".encode(), "NUL", 2,
                 id="nul-chinese"),
    # ... and an odd number.
    pytest.param("nul-odd.txt", "Hello.\nNUL\x00.\n".encode(), "NUL", 2, id="nul-odd"),
    pytest.param("bell.txt", "人工智能。\n第二行\x07响铃。\n".encode(), "control characters", 2,
                 id="control"),
]


@pytest.mark.parametrize("name, data, message, line", BAD_SEEDS)
def test_a_bad_seed_among_good_ones_is_skipped_with_one_warning(tmp_path, name, data,
                                                                message, line):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD_SEED, encoding="utf-8")
    (seeds / name).write_bytes(data)
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = problem_lines(result)
    assert len(lines) == 1, lines
    assert re.fullmatch(rf"Warning: {where(seeds / name, line)}: .*{re.escape(message)}.* "
                        rf"{re.escape(SKIPPED)}", lines[0]), lines[0]
    assert (out / "zh" / "documents" / "good.md").is_file()

    # --strict: the warning is an error, and nothing is written.
    strict_out = tmp_path / "strict-out"
    strict = run_cli("generate", "--strict", "--seeds", str(seeds), "--out", str(strict_out))
    assert strict.returncode == 1
    lines = problem_lines(strict)
    assert len(lines) == 1, lines
    assert re.match(rf"Error: {where(seeds / name, line)}: .*{re.escape(message)}", lines[0]), \
        lines[0]
    assert not strict_out.exists()


@pytest.mark.parametrize("name, data, message, line", BAD_SEEDS)
def test_a_bad_seed_alone_is_an_error(tmp_path, name, data, message, line):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / name).write_bytes(data)
    assert_one_error(tmp_path, seeds, seeds / name, line, message)


def test_a_huge_seed_is_refused_from_its_size_without_reading_it(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD_SEED, encoding="utf-8")
    line = "人工智能。\n".encode()
    huge = seeds / "huge.txt"
    huge.write_bytes(line * (50 * 2**20 // len(line) + 1))
    assert huge.stat().st_size > 50 * 2**20
    started = time.monotonic()
    # run_cli's command, with a timeout: reading and cleaning 50 MB would take minutes.
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "generate", "--seeds",
                             str(seeds), "--out", str(tmp_path / "out")], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    lines = problem_lines(result)
    assert len(lines) == 1, lines
    assert re.fullmatch(rf"Warning: {re.escape(str(huge))}: is larger than 20 MB .*; split it "
                        rf"into several seeds {re.escape(SKIPPED)}", lines[0]), lines[0]
    assert elapsed < 10, f"{elapsed:.1f} s: the file was read"


@pytest.mark.parametrize("name", ["new report.txt", "报告 一.txt", "a..b.txt"])
def test_unusual_file_names_build(tmp_path, name):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / name).write_text(GOOD_SEED, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert problem_lines(result) == []
    corpus = load_corpus(out)
    (doc,) = [d for d in corpus["documents"] if d["source"] == name]
    # The id makes a file name and a URL: nothing but lower-case letters, digits, hyphens.
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", doc["id"]), doc["id"]
    for lang in LANGS:
        assert (out / lang / "documents" / f"{doc['id']}.md").is_file()


def test_two_seeds_with_one_id_keep_the_first_and_warn(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    first, second = seeds / "a b.txt", seeds / "a-b.txt"  # in name order
    first.write_text(GOOD_SEED, encoding="utf-8")
    second.write_text("新质生产力加快发展。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = problem_lines(result)
    assert lines == [f"Warning: {second}: has the same id 'a-b' as {first}; rename one of "
                     f"them {SKIPPED}"]
    corpus = load_corpus(out)
    assert [(d["id"], d["source"]) for d in corpus["documents"]] == [("a-b", "a b.txt")]

    strict_out = tmp_path / "strict-out"
    strict = run_cli("generate", "--strict", "--seeds", str(seeds), "--out", str(strict_out))
    assert strict.returncode == 1
    lines = problem_lines(strict)
    assert len(lines) == 1 and lines[0].startswith(f"Error: {second}: has the same id"), lines
    assert not strict_out.exists()


@pytest.mark.parametrize("target", ["temp file", "/etc/passwd"])
def test_a_link_to_a_file_outside_the_seeds_is_skipped(tmp_path, target):
    """A link would publish whatever it points at (a file of the build machine)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD_SEED, encoding="utf-8")
    if target == "temp file":
        outside = tmp_path / "private.txt"
        outside.write_text("机密文件，不应发布。\n", encoding="utf-8")
    else:
        outside = Path(target)
        if not outside.is_file():
            pytest.skip(f"{target} does not exist here")
    link = seeds / "link.txt"
    link.symlink_to(outside)
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert problem_lines(result) == [
        f"Warning: {link}: is a symbolic link to a file outside the seeds folder; copy the "
        f"file in instead {SKIPPED}"]
    corpus = "".join(p.read_text(encoding="utf-8")
                     for p in [out / "corpus.json", *(out / "corpus").iterdir()])
    assert "link.txt" not in corpus and "机密" not in corpus


def test_a_link_to_a_file_inside_the_seeds_is_read(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "archive").mkdir(parents=True)
    (seeds / "archive" / "inner.txt").write_text(GOOD_SEED, encoding="utf-8")
    (seeds / "linked.txt").symlink_to(seeds / "archive" / "inner.txt")
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = problem_lines(result)  # the folder is no seed, and says so (issue 14, item 12)
    assert len(lines) == 1 and lines[0].startswith(f"Warning: {seeds / 'archive'}: "), lines
    corpus = load_corpus(out)
    assert [d["source"] for d in corpus["documents"]] == ["linked.txt"]


def billion_laughs() -> str:
    """The "billion laughs" of YAML: nine levels of nine aliases each (9**9 strings)."""
    keys = "abcdefghi"
    text = "a: &a [" + ", ".join(['"lol"'] * 9) + "]\n"
    for previous, key in zip(keys, keys[1:]):
        text += f"{key}: &{key} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    return text


THEME = ("themes:\n  - id: a\n    name: {zh: 甲, en: A}\n    description: {zh: 甲, en: A}\n"
         "    phrases: {zh: [甲], en: [a]}\n")
TERM = "terms:\n  - id: a\n    zh: 甲\n    en: A\n    note: {zh: 甲, en: A}\n"
#: file, content, what the message says, line (True: any line; None: not asked for).
BAD_EDITORIAL = [
    pytest.param("editorial/news.yml", "title:\n\tzh: 标题\n", "invalid YAML", 2, id="doc-tab"),
    pytest.param("editorial/news.yml", "title:\n  zh: 甲\n  zh: 乙\n", "duplicate key 'zh'", 3,
                 id="doc-duplicate-key"),
    pytest.param("editorial/news.yml", "title: [1, 2]\n", "title must be a mapping", 1,
                 id="doc-wrong-type"),
    pytest.param("editorial/news.yml", "title:\n  zh: 标题\nsummry: 摘要\n",
                 "unknown key 'summry'", 3, id="doc-unknown-key"),
    pytest.param("editorial/news.yml", billion_laughs(), "alias", 2, id="doc-alias-bomb"),
    pytest.param("editorial/news.yml", "title: {zh: [\n", "invalid YAML", True,
                 id="doc-unparseable"),
    pytest.param("editorial/news.yml", "title:\n  zh: 标题\n".encode("gb18030"), "UTF-8", None,
                 id="doc-not-utf8"),
    pytest.param("editorial/news.yml", b"# " + b"x" * 1_100_000 + b"\n", "larger than", None,
                 id="doc-too-large"),
    pytest.param("themes.yml", "themes:\n\t- id: a\n", "invalid YAML", 2, id="themes-tab"),
    pytest.param("themes.yml", THEME.replace("    name:", "    id: b\n    name:"),
                 "duplicate key 'id'", 3, id="themes-duplicate-key"),
    pytest.param("themes.yml", THEME.replace("id: a", "id: [1, 2]"), "id must be", 2,
                 id="themes-wrong-type"),
    pytest.param("themes.yml", THEME + "    summry: x\n", "unknown key 'summry'", 6,
                 id="themes-unknown-key"),
    pytest.param("themes.yml", billion_laughs(), "alias", 2, id="themes-alias-bomb"),
    pytest.param("themes.yml", "themes: [\n", "invalid YAML", True, id="themes-unparseable"),
    pytest.param("themes.yml", THEME.encode("gb18030"), "UTF-8", None, id="themes-not-utf8"),
    pytest.param("themes.yml", b"# " + b"x" * 1_100_000 + b"\n", "larger than", None,
                 id="themes-too-large"),
    pytest.param("glossary.yml", "terms:\n\t- id: a\n", "invalid YAML", 2, id="glossary-tab"),
    pytest.param("glossary.yml", TERM + TERM.removeprefix("terms:\n"), "'a' is used twice", 6,
                 id="glossary-duplicate-id"),
    pytest.param("glossary.yml", TERM.replace("id: a", "id: 'a\" onmouseover=\"x'"),
                 "must be lower-case", 2, id="glossary-id-not-a-slug"),
    pytest.param("glossary.yml", TERM + "    variants: {en: big model}\n",
                 "variants.en must be a list", 6, id="glossary-wrong-type"),
    pytest.param("glossary.yml", TERM + "    renderin: B\n", "unknown key 'renderin'", 6,
                 id="glossary-unknown-key"),
    pytest.param("glossary.yml", billion_laughs(), "alias", 2, id="glossary-alias-bomb"),
    pytest.param("editorial/news.yml", "references:\n  - name: 北京\n    target: nowhere\n",
                 "reference target 'nowhere' is not a document id", 2, id="doc-bad-reference"),
]


def seeds_with_editorial(tmp_path: Path, rel: str, content: str | bytes) -> Path:
    """A seed `news.txt` (id `news`), the project's themes, and one editorial file."""
    seeds = tmp_path / "seeds"
    (seeds / "editorial").mkdir(parents=True)
    (seeds / "news.txt").write_text(GOOD_SEED, encoding="utf-8")
    shutil.copyfile(SEEDS / "themes.yml", seeds / "themes.yml")
    path = seeds / rel
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return seeds


@pytest.mark.parametrize("rel, content, message, line", BAD_EDITORIAL)
def test_a_bad_editorial_file_is_one_error_line(tmp_path, rel, content, message, line):
    seeds = seeds_with_editorial(tmp_path, rel, content)
    assert_one_error(tmp_path, seeds, seeds / rel, line, message)


@pytest.mark.parametrize("rel", ["editorial/news.yml", "themes.yml"])
def test_the_alias_bomb_fails_fast(tmp_path, rel):
    seeds = seeds_with_editorial(tmp_path, rel, billion_laughs())
    started = time.monotonic()
    with pytest.raises(EditorialError):
        editorial.load_yaml(seeds / rel)
    assert time.monotonic() - started < 0.5


def test_an_unknown_theme_in_an_editorial_file_lists_the_valid_ones(tmp_path):
    seeds = seeds_with_editorial(tmp_path, "editorial/news.yml",
                                 "themes: {add: [no-such-theme]}\n")
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 1
    lines = problem_lines(result)
    assert len(lines) == 1, lines
    path = seeds / "editorial" / "news.yml"
    assert lines[0].startswith(f"Error: {path}:1: unknown theme id 'no-such-theme'"), lines[0]
    theme_ids = re.findall(r"^  - id: (\S+)$", (SEEDS / "themes.yml").read_text(
        encoding="utf-8"), re.M)
    assert theme_ids and all(theme_id in lines[0] for theme_id in theme_ids), lines[0]
    assert not out.exists()


# --- 2f: any text at all --------------------------------------------------------------------

#: Pieces of hostile syntax, mixed with arbitrary text so that examples hit them often.
FRAGMENTS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</p>", "<br>",
             "<p>", "&lt;", "&#60;", "&#x3C;", "&amp;", "&", "<", ">", '"', "'", "{{ 7*7 }}",
             "{% x %}", "{#", "{:", "{: .c }", "!!! note", "??? note", "--8<--", "# ", "## ",
             "- ", "1. ", "> ", "| a | b |", "|---|", "[x](javascript:alert(1))",
             "![](x.png)", "<https://evil.example>", "`", "```", "~~~", "*", "**", "_", "\\",
             "<!--", "-->", "]]>", "[^1]", "[TOC]", "==", "^^", "~~", "++", "$$", ":smile:",
             "---", "    ", "\t", "\u202e", "\u200d", "\u0301", "\U0002000B", "😀", "人工智能",
             "新质生产力", "產業發展", "。", "，", "！", "：", "（", "）", "2025 年", "(来源：x)",
             "......  12", "責任編輯：", "Text/By Wu Wei"]
CHARACTERS = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"),
                           include_characters="\t")
#: A line: pieces, then often a sentence end, for a line without one is mostly taken for a
#: heading (headings and paragraphs are escaped differently; both must be hit).
SEED_LINE = st.tuples(
    st.lists(st.one_of(st.text(CHARACTERS, max_size=12), st.sampled_from(FRAGMENTS)),
             max_size=4).map("".join),
    st.sampled_from(["", ".", "。", "！", "?", "…"])).map("".join)
SEED_TEXT = st.lists(SEED_LINE, min_size=1, max_size=6).map("\n".join)
#: The tags the document template writes; anything else came from a seed.
TEMPLATE_TAGS = {"h1", "h2", "p", "div", "dl", "dt", "dd", "code", "a", "strong", "ins",
                 "details", "summary", "article",
                 # the citation and translator's notes (#15)
                 "section", "ol", "li", "sup",
                 # names in the other language, marked with their lang (#11)
                 "span"}


def rendered(page: str) -> tuple[dict, Page]:
    """A generated Markdown page: its front matter, and its body as MkDocs renders it
    (Python-Markdown with the site's extension, toc), parsed."""
    _, front, body = page.split("---\n", 2)
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}})
    return yaml.safe_load(front), Page(f"<article>{md.convert(body)}</article>")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SEED_TEXT)
def test_any_seed_text_stays_text(text):
    """Any text as the only seed: either a clear error naming the seed, or pages on which
    every paragraph and the title are text (nothing became an element, nothing was lost
    between corpus.json and the page)."""
    with tempfile.TemporaryDirectory() as folder:
        seeds, out = Path(folder) / "seeds", Path(folder) / "out"
        seeds.mkdir()
        (seeds / "prop.txt").write_text(text, encoding="utf-8")
        try:
            pipeline.generate(seeds, out)
        except BriefingError as exc:
            assert "prop.txt" in str(exc), str(exc)
            event("refused")
            return
        corpus = load_corpus(out)
        event(f"generated; compilation: {bool(corpus['compilations'])}")
        for doc in corpus["documents"] + corpus["compilations"]:
            title = doc["title"][doc["language"]]
            for lang in LANGS:
                page = (out / lang / "documents" / f"{doc['id']}.md").read_text(
                    encoding="utf-8")
                front, body = rendered(page)
                # The page's own spans (other-language words, marked with their lang: #11)
                # split a paragraph's text in the Markdown; a seed's "<span" is escaped.
                plain = re.sub(r'<span lang="[\w-]+">|</span>', "", page)
                for para in doc["paragraphs"]:
                    if para["kind"] == "heading":  # printed on one line, as Markdown
                        assert fold(para["text"]) in html.unescape(plain), para
                        assert fold(para["text"]) in body.text, para
                    else:
                        joined = " ".join(para["text"].split("\n"))
                        assert joined in html.unescape(plain), para
                        assert joined in body.text, para
                if title:
                    # The title is printed escaped in the front matter (the theme prints
                    # it unescaped in <title>) and as the page's heading.
                    assert "<" not in front["title"], front
                    assert html.unescape(front["title"]) == fold(title), (front, title)
                    assert fold(title) in body.text, title
                for tag, attrs in body.tags:
                    assert tag in TEMPLATE_TAGS, (tag, attrs, text)
                    assert tag != "span" or set(attrs) <= {"lang", "class"}, (attrs, text)
                    assert not any(name.startswith("on") for name in attrs), (tag, attrs)
                    if tag == "a" and "href" in attrs:
                        assert OWN_HREF.fullmatch(attrs["href"]), (attrs, text)
                assert not body.article_markup, body.article_markup
