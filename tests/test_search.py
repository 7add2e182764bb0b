"""Search (briefing/publish/search.py, briefing/publish/searchtext.py, briefing-search.js), as a reader uses
it in Chromium: on the served site and on the offline copy opened from file://.

Every term is judged against the pages' own text (their title, summary and paragraphs, as
read_pages extracts them; that extraction is checked against corpus.json), with a pattern
written for each case: what a reader means by the term, plurals included.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing.publish import offline, search, searchtext
from briefing.publish.localserver import serving
from briefing.publish.records import load_corpus

JS = (Path(__file__).resolve().parent.parent / "templates" / "theme" / "assets"
      / "javascripts" / "briefing-search.js")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PREFIX = {"zh": "", "en": "en/"}

# (language, what the reader types, what the page must contain to be a right answer)
TERMS = [
    ("zh", "具身智能", "具身智能"),
    ("zh", "新质生产力", "新质生产力"),
    ("zh", "新質生產力", "新质生产力"),          # Traditional query, Simplified pages
    ("zh", "头雁", "头雁"),                      # found on the 3 pages that print it
    ("zh", "大模型", "大模型"),
    ("zh", "算力", "算力"),
    ("zh", "芯", "芯"),                          # one character
    ("zh", "上海", "上海"),
    # full-width Latin; a word of its own (a Chinese page may quote "gain" in a note)
    ("zh", "ＡＩ", "(?i:(?<![a-z])ai(?![a-z]))"),
    ("en", "embodied intelligence", r"(?i:\bembodied intelligence\b)"),
    ("en", "large models", r"(?i:\blarge models?\b)"),   # singular pages too
    ("en", "policy", r"(?i:\bpolic(y|ies)\b)"),
    ("en", "computing power", r"(?i:\bcomputing powers?\b)"),
    ("en", "Shanghai", r"(?i:\bshanghai\b)"),
]


# --- without a browser ------------------------------------------------------------------

TOKEN_CASES = [
    # (text, [(value, position)...]) : what the index and the query both read
    ("新質生產力", [("新", 0), ("质", 1), ("生", 2), ("产", 3), ("力", 4)]),
    ("Large Models, policies", [("large", 0), ("model", 1), ("policy", 3)]),
    ("China's AI", [("china", 0), ("ai", 1)]),
    ("‘头雁’效应", [("头", 0), ("雁", 1), ("效", 2), ("应", 3)]),
    ("人工智能+行动", [("人", 0), ("工", 1), ("智", 2), ("能", 3), ("行", 5), ("动", 6)]),
    ("ＡＩ\u200b浪潮", [("ai", 0), ("浪", 1), ("潮", 2)]),
]


@pytest.mark.parametrize("text, expected", TOKEN_CASES)
def test_tokens(text, expected):
    found, _ = searchtext.tokens(text)
    assert [(t.value, t.position) for t in found] == expected


KEY_CASES = [
    # a phrase never joins across punctuation; quotation marks do not separate it
    ("人工智能，机器人", ["人工", "工智", "智能", "能", "机器", "器人", "人"]),
    ("“头雁”效应", ["头雁", "雁效", "效应", "应"]),
    ("AI浪潮", ["ai", "浪潮", "潮"]),
]


@pytest.mark.parametrize("text, expected", KEY_CASES)
def test_keys(text, expected):
    assert [k for k, _ in searchtext.keys(searchtext.tokens(text)[0])] == expected


def test_normalisation_keeps_every_offset():
    table = searchtext.traditional_to_simplified()
    assert table["質"] == "质" and table["產"] == "产"
    sample = "".join(table) + "ＡＢＣ abc ABC"
    assert len(searchtext.normalise(sample)) == len(sample)


def test_the_index_holds_every_paragraph_of_every_document(site):
    corpus = load_corpus(site)
    records = {d["id"]: d for d in corpus["documents"] + corpus["compilations"]}
    for lang in PREFIX:
        pages = search.read_pages(site / PREFIX[lang])
        documents = [p for p in pages if p.url.startswith("documents/")]
        assert sorted(Path(p.url).stem for p in documents) == sorted(records)
        for page in documents:
            paragraphs = records[Path(page.url).stem]["paragraphs"]
            # Headings are numbered paragraphs too, with their #pN (document.md.j2).
            blocks = [p["id"] for p in paragraphs if p["kind"] in ("text", "heading")]
            anchors = [s.anchor for s in page.sections if s.anchor]
            assert anchors == blocks, page.url
        # One page per letter of the glossary: a title, then a section per term.
        glossary = [p for p in pages if p.url.startswith("glossary/")]
        assert sum(len(p.sections) - 1 for p in glossary) == len(corpus["glossary"])


def test_the_index_leaves_out_what_repeats_other_pages(site):
    """A page's lists of related documents and shared passages quote other pages: they
    are not its text (Material indexed them, and 具身智能 found pages without it)."""
    for lang in PREFIX:
        for page in search.read_pages(site / PREFIX[lang]):
            text = "\n".join(s.text for s in page.sections)
            assert "↔" not in text and "p10：" not in text, page.url


def test_the_index_files_are_data_only(site):
    """Each file hands one JSON value to briefingSearch; no "<" anywhere, so no text of the
    index can close a script or open markup, whatever a seed holds."""
    files = sorted((site / "search").rglob("*.js")) + sorted((site / "en/search").rglob("*.js"))
    assert len(files) > 20
    for path in files:
        body = path.read_text(encoding="utf-8")
        assert "<" not in body, path
        call = re.fullmatch(r"briefingSearch\.(meta|shard|page)\((?:(\d+),)?(.*)\);\n", body,
                            re.S)
        assert call, path
        json.loads(call.group(3))


def test_the_script_builds_results_from_text_only():
    """Results are made of text nodes and <mark> elements: nothing in the script parses
    markup, so seed text shown in a result stays text."""
    source = JS.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in source, sink


def test_the_offline_zip_holds_the_whole_site(site):
    with zipfile.ZipFile(site / offline.NAME) as archive:
        names = set(archive.namelist())
    expected = {"briefing/" + p.relative_to(site).as_posix() for p in site.rglob("*")
                if p.is_file() and p.name != offline.NAME}
    assert names == expected
    assert {"briefing/index.html", "briefing/en/index.html", "briefing/search/meta.js",
            "briefing/en/search/meta.js"} <= names


def test_the_same_site_gives_the_same_index_and_zip(site, tmp_path):
    copy = tmp_path / "again"
    for path in site.rglob("*"):
        if path.is_file() and "search" not in path.relative_to(site).parts[:2] \
                and path.name != offline.NAME:
            target = copy / path.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    dictionary = site.parent / "docs" / "jieba-userdict.txt"
    search.write_index(copy, dictionary)
    search.write_index(copy / "en", dictionary)
    for index in (Path("search"), Path("en/search")):
        mine = {p.relative_to(site): p.read_bytes() for p in (site / index).rglob("*.js")}
        again = {p.relative_to(copy): p.read_bytes() for p in (copy / index).rglob("*.js")}
        assert mine == again
    offline.write_zip(copy)
    assert (copy / offline.NAME).read_bytes() == (site / offline.NAME).read_bytes()


# --- in Chromium ------------------------------------------------------------------------

browser_only = pytest.mark.skipif(not CHROMIUM.exists(),
                                  reason="Debian chromium not installed: run make test")


@pytest.fixture(scope="module")
def site(built_project) -> Path:
    return built_project / "site"


@pytest.fixture(scope="module")
def served(site):
    with serving(site) as address:
        yield address


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory) -> str:
    """The offline copy as a reader has it: unzipped, opened from file://."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / offline.NAME) as archive:
        archive.extractall(folder)
    return (folder / "briefing").as_uri() + "/"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=["served", "file"])
def base(request, served, unzipped) -> str:
    return served if request.param == "served" else unzipped


@pytest.fixture
def page(browser, base):
    """A page of the site; afterwards no request may have left this machine, and nothing
    may have failed but Material's own sitemap requests from file:// (its language
    selector's; the links work without them)."""
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on("console", lambda message: message.type == "error"
            and problems.append(message.text))
    yield page
    context.close()
    outside = [u for u in requests if urlsplit(u).scheme not in ("file", "data", "blob")
               and urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, outside
    if base.startswith("file:"):
        problems = [p for p in problems if "sitemap.xml" not in p
                    and p != "Failed to load resource: net::ERR_FAILED"]
    assert not problems, problems


def run_search(page, query: str) -> None:
    box = page.get_by_role("searchbox")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('form.briefing-search').dataset.done === q", arg=query)


def shown_results(page) -> list[str]:
    """Addresses (relative to the language's root) of every result, all batches."""
    more = page.locator(".briefing-search__more")
    while more.is_visible():
        count = page.locator(".briefing-search__result").count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('.briefing-search__result').length > n", arg=count)
    return page.locator("a.briefing-search__title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")


def relative(href: str) -> str:
    return unquote(href.split("#")[0]).removeprefix("./").removeprefix("../")


def judged(site: Path, lang: str, pattern: str) -> set[str]:
    """Pages whose own text (any one section of it) matches the case's pattern."""
    return {p.url for p in search.read_pages(site / PREFIX[lang])
            if any(re.search(pattern, s.text) for s in p.sections)}


@browser_only
@pytest.mark.browser
@pytest.mark.parametrize("lang, query, pattern", TERMS)
def test_search_finds_exactly_the_pages_with_the_term(site, page, base, lang, query,
                                                      pattern):
    expected = judged(site, lang, pattern)
    assert expected, f"no {lang} page has {pattern!r}: pick another term"
    page.goto(base + PREFIX[lang] + "index.html")
    run_search(page, query)
    found = [relative(href) for href in shown_results(page)]
    assert len(found) == len(set(found))
    precision = len(set(found) & expected) / max(1, len(found))
    recall = len(set(found) & expected) / len(expected)
    assert (precision, recall) == (1, 1), (sorted(set(found) - expected),
                                           sorted(expected - set(found)))
    # What is highlighted is the term, never its single characters.
    marks = page.locator(".briefing-search__panel mark").all_inner_texts()
    assert marks and all(re.fullmatch(pattern, m.replace("\n", " ")) for m in marks), marks


@browser_only
@pytest.mark.browser
@pytest.mark.parametrize("lang, query, pattern", [TERMS[3], TERMS[10]])
def test_a_result_leads_to_the_paragraph(page, base, lang, query, pattern):
    page.goto(base + PREFIX[lang] + "index.html")
    run_search(page, query)
    snippet = page.locator("a.briefing-search__snippet[href*='#p']").first
    snippet.click()
    page.wait_for_url(lambda url: re.search(r"#p\d+$", url))
    paragraph = page.locator(f"#{urlsplit(page.url).fragment}")
    assert paragraph.is_visible()
    assert re.search(pattern, paragraph.inner_text())


UI = {"zh": ("搜索", "搜索文献", "找到"), "en": ("Search", "Search the documents", "results")}


@browser_only
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_search_box_is_labelled_in_the_readers_language_and_keyboard_operable(
        page, base, lang):
    label, placeholder, found = UI[lang]
    page.goto(base + PREFIX[lang] + "documents/004-593e9b3dadb7e903.html")
    box = page.get_by_role("searchbox", name=label, exact=True)
    assert box.get_attribute("placeholder") == placeholder
    page.keyboard.press("/")  # as in Material: the slash key goes to the search box
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.type("大模型" if lang == "zh" else "large model")
    page.wait_for_function("() => document.querySelector('form.briefing-search').dataset.done")
    assert found in page.get_by_role("status").inner_text()
    links = page.locator(".briefing-search__list a")
    page.keyboard.press("ArrowDown")
    assert links.first.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert links.nth(1).evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.press("Escape")
    assert page.locator(".briefing-search__panel").is_hidden()
    page.keyboard.type(" ")  # typing opens the results again; Enter follows the first
    page.wait_for_function("() => !document.querySelector('.briefing-search__panel').hidden")
    first = links.first.get_attribute("href")
    start = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != start)
    assert page.url.endswith(unquote(first).removeprefix("../").removeprefix("./"))


CONTRAST = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = el, back = 'rgba(0, 0, 0, 0)';
  while (bg && /rgba\\(0, 0, 0, 0\\)|transparent/.test(back)) {
    back = getComputedStyle(bg).backgroundColor; bg = bg.parentElement;
  }
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(back))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@browser_only
@pytest.mark.browser
def test_the_search_text_has_enough_contrast(page, base):
    page.goto(base + "index.html")
    run_search(page, "具身智能")
    for selector in (".briefing-search__input", ".briefing-search__status",
                     "a.briefing-search__title", "a.briefing-search__snippet",
                     ".briefing-search__panel mark"):
        ratio = page.locator(selector).first.evaluate(CONTRAST)
        assert ratio >= 4.5, (selector, ratio)


@browser_only
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_browser_reads_text_as_the_index_does(site, page, base, lang):
    """briefing-search.js repeats searchtext.py: the same tokens and shards for every
    section of every page, with Traditional text mixed in."""
    page.goto(base + PREFIX[lang] + "index.html")
    table = "".join(t + s for t, s in sorted(searchtext.traditional_to_simplified().items()))
    texts = [s.text for p in search.read_pages(site / PREFIX[lang]) for s in p.sections]
    texts += ["新質生產力“頭雁”效應", "ＡＩ’s Models", "policies, classes; 2024年"]
    browser_tokens = page.evaluate(
        """([table, texts]) => {
          const rules = window.briefingSearch.rules;
          rules.useTable(table);
          return texts.map(t => rules.tokens(t, 0).tokens.map(
            k => [k.value, k.position, k.joins, rules.shardOf(k.value, 64)]));
        }""", [table, texts])
    python_tokens = [[[k.value, k.position, k.joins, searchtext.shard_of(k.value, 64)]
                      for k in searchtext.tokens(t)[0]] for t in texts]
    assert browser_tokens == python_tokens
