"""Every page in the reader's language (issue 11): Chromium walks every page of both built
sites and reads what a reader (or a screen reader) meets: each text node, visible or
visually hidden, and the `title`, `aria-label`, `alt` and `placeholder` attributes
(tooltips are read too). Each piece gets its effective language from the nearest `lang`
attribute, as browsers and screen readers decide which voice and font to use.

- On the English site, a CJK character (Han, kana, CJK or full-width punctuation) outside
  an element marked `lang="zh…"` is a failure.
- On the Chinese site, English outside an element marked with a Latin-script language
  (`en`, `zh-Latn-pinyin`) is a failure when it is a phrase (three English words in a
  row) or a word of four letters or more; terms like AI, 5G, PDF or ChatGPT, acronyms,
  identifiers, file names and addresses are fine.

Each failure names the page and quotes the text, so the message says what to fix.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.publish.localserver import serving

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium not installed: run make test, whose bootstrap installs it",
                allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402 - only once chromium is there

from test_browser import CHROMIUM_ARGS  # noqa: E402

#: Han, kana, CJK symbols and punctuation (、。「」《》), full-width forms (，：（）).
CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                 r"\uff00-\uffef]+")
#: A word as the walker reads Latin text: letters, digits and the marks inside a name.
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’+#&._/:@-]*")
#: Names and terms a Chinese reader meets as they are (brands, products, formats).
TERMS = frozenset({
    "ChatGPT", "DeepSeek", "MkDocs", "Material", "OpenAI", "Kimi", "Qwen", "Sora",
    "Llama", "Gemini", "Claude", "Copilot", "Python", "Markdown", "GitHub", "Git",
    "YAML", "JSON", "HTML", "XLIFF", "Pagefind", "Huawei", "Ascend", "Transformer",
})
#: Three English words in a row (a phrase or sentence, not a term).
PHRASE = 3
#: Shorter words (AI, GPU, of) are terms or fragments; from four letters on, English.
WORD = 4

#: Collects [where, text, effective lang] for every text node and reader-facing attribute.
COLLECT = """() => {
  const skip = "script, style, noscript, template";
  const langOf = el => { const l = el.closest("[lang]"); return l ? l.getAttribute("lang") : ""; };
  const found = [["title", document.title, document.documentElement.lang]];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(skip) || !node.nodeValue.trim()) continue;
    found.push([el.tagName.toLowerCase(), node.nodeValue, langOf(el)]);
  }
  for (const attr of ["title", "aria-label", "alt", "placeholder"]) {
    for (const el of document.body.querySelectorAll(`[${attr}]`)) {
      if (el.closest(skip)) continue;
      found.push([`${el.tagName.toLowerCase()}@${attr}`, el.getAttribute(attr), langOf(el)]);
    }
  }
  return found;
}"""


def untagged_chinese(text: str, lang: str) -> list[str]:
    """The CJK runs of `text` that a reader of an English page meets in language `lang`
    (only a `zh…` language makes them right).

    >>> untagged_chinese("Review: 编辑部 Editorial desk", "en")
    ['编辑部']
    >>> untagged_chinese("易欢", "zh-Hans")
    []
    """
    return [] if lang.lower().startswith("zh") else CJK.findall(text)


def is_term(token: str) -> bool:
    """A token a Chinese page may show in Latin letters: a known term, an acronym (AI,
    GPU, NVIDIA), anything with a digit (5G, 2025, IDs), a file name, path or address.

    >>> [is_term(t) for t in ("AI", "5G", "ChatGPT", "seeds/names.yml", "Daily", "of")]
    [True, True, True, True, False, True]
    """
    word = token.strip("'’.:-")
    return (len(word) < WORD or word in TERMS or word.isupper()
            or any(c.isdigit() for c in word) or bool(re.search(r"[./@_:#]", word)))


def untagged_english(text: str, lang: str) -> list[str]:
    """The English of `text` that a reader of a Chinese page meets in language `lang`:
    runs of three words or more, and single words of four letters or more that are not
    terms. A Latin-script language (`en`, `zh-Latn-pinyin`) makes them right.

    >>> untagged_english("出处 People's Post and Telecommunications Daily", "zh-Hans")
    ["People's Post and Telecommunications Daily"]
    >>> untagged_english("本节链接", "zh-Hans") + untagged_english("Permanent link", "en")
    []
    >>> untagged_english("DeepSeek 与 ChatGPT、AI 与 5G（2025 年）", "zh-Hans")
    []
    >>> untagged_english("作者 Wu", "zh-Hans"), untagged_english("作者 Wenjuan", "zh-Hans")
    ([], ['Wenjuan'])
    """
    tag = lang.lower()
    if tag.startswith("en") or "-latn" in tag:
        return []
    runs, run = [], []
    # A run of words is broken by anything that is not a space or light punctuation
    # between two words: a CJK character, a full stop of another script.
    for piece in re.split(r"([^\sA-Za-z0-9'’+#&._/:@,;()\"-]+)", text):
        for token in TOKEN.findall(piece):
            run.append(token)
        runs.append(run)
        run = []
    failures = []
    for words in runs:
        plain = [w for w in words if not any(c.isdigit() for c in w)
                 and not re.search(r"[/@_]|\.\w", w)]
        if len(plain) >= PHRASE or any(not is_term(w) for w in plain):
            failures.append(" ".join(words))
    return failures


def site_pages(site: Path, lang: str) -> list[str]:
    """Every page of one site, as paths below site/ (the Chinese site is at /, the
    English one at /en/)."""
    root = site / "en" if lang == "en" else site
    pages = sorted(p.relative_to(site).as_posix() for p in root.rglob("*.html"))
    return [p for p in pages if lang == "en" or not p.startswith("en/")]


@pytest.fixture(scope="module")
def walked(built_project):
    """Per language, per page, what the walker read there: (where, text, lang)."""
    site = built_project / "site"
    read = {}
    with serving(site) as address, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for lang in ("en", "zh"):
            read[lang] = {}
            for rel in site_pages(site, lang):
                page.goto(address + rel)
                read[lang][rel] = page.evaluate(COLLECT)
        browser.close()
    return read


def failures(walked_pages: dict, find) -> list[str]:
    """One line per piece of text in the wrong language: page, element, quoted text."""
    lines = []
    for rel, pieces in walked_pages.items():
        for where, text, lang in pieces:
            for bad in find(text, lang):
                snippet = " ".join(text.split())
                snippet = snippet if len(snippet) <= 120 else snippet[:117] + "…"
                lines.append(f"{rel} <{where} lang={lang or '-'}> {bad!r} in {snippet!r}")
    return lines


def test_both_sites_are_walked_whole(walked):
    assert len(walked["en"]) >= 60 and len(walked["zh"]) >= 60
    assert set(rel.removeprefix("en/") for rel in walked["en"]) == set(walked["zh"])
    for lang, pages in walked.items():
        assert all(pieces[0][2] == ("en" if lang == "en" else "zh") for pieces in pages.values())


def test_no_untagged_chinese_on_the_english_site(walked):
    found = failures(walked["en"], untagged_chinese)
    assert not found, f"{len(found)} untagged Chinese texts:\n" + "\n".join(found)


def test_no_untagged_english_on_the_chinese_site(walked):
    found = failures(walked["zh"], untagged_english)
    assert not found, f"{len(found)} untagged English texts:\n" + "\n".join(found)
