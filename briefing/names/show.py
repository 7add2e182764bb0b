"""How a document's names read on each site: authors, editors, affiliation, publication and
publisher, in the reader's language, with the name as printed beside it, marked with its
language (`Xi Jinping (<span lang="zh-Hans">习近平</span>)`,
`人民邮电报（<span lang="en">People's Post and Telecommunications Daily</span>）`).

Where no rendering is known the page shows the name as printed, marked with its language,
and `check` lists it (`--strict` fails on it): see `name_findings`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..chardata import HAN
from ..markup import html_text
from ..model import Corpus, Document
from .book import KINDS, NameBook
from .romanise import romanise

HAN_CHAR = re.compile(f"[{HAN}]")
#: Which list of the names file each field of a document is looked up in.
FIELDS = {"authors": "people", "editors": "people", "affiliation": "affiliations",
          "publication": "publications", "publisher": "organisations"}
SEPARATORS = {"zh": "、", "en": ", "}
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


@dataclass
class Shown:
    """A name (or a list of names) as a page shows it."""

    text: str  #: plain text, in the reader's language where a rendering is known
    html: str  #: for a page: escaped, the name as printed in a span with its `lang`


def language_of(name: str) -> str:
    """`zh` for a name with a Chinese character in it, `en` for one in Latin letters.

    >>> language_of("习近平"), language_of("Wu Wenjuan"), language_of("CCTV 央视")
    ('zh', 'en', 'zh')
    """
    return "zh" if HAN_CHAR.search(name) else "en"


def marked(text: str, lang: str) -> str:
    """`text` escaped, in a span that says its language.

    >>> marked("<求是>", "zh")
    '<span lang="zh-Hans">&lt;求是&gt;</span>'
    """
    return f'<span lang="{"zh-Hans" if lang == "zh" else "en"}">{html_text(text)}</span>'


def rendering(printed: str, kind: str, lang: str, book: NameBook) -> tuple[str | None, bool]:
    """(`printed` in `lang`, or None; whether the names file should say). A name in the
    reader's language is itself; otherwise the names file decides, then, for a Chinese
    personal name, pinyin; an entry whose `lang` side is empty means "none, deliberately".

    >>> rendering("习近平", "people", "en", NameBook()), rendering("飞象网", "publications", "en", NameBook())
    (('Xi Jinping', False), (None, True))
    """
    if language_of(printed) == lang:
        return printed, False
    entry = book.find(kind, printed)
    if entry:
        return getattr(entry, lang), False
    if kind == "people" and lang == "en":
        reading = romanise(printed)
        return reading, reading is None
    return None, True


def show(printed: str, kind: str, lang: str, book: NameBook) -> Shown:
    """One name for a page in `lang`: its rendering followed by the name as printed in
    brackets (marked), or the name as printed alone (marked) when there is no rendering.

    >>> show("习近平", "people", "en", NameBook()).html
    'Xi Jinping (<span lang="zh-Hans">习近平</span>)'
    >>> show("Wu Wenjuan", "people", "zh", NameBook()).html
    '<span lang="en">Wu Wenjuan</span>'
    """
    own = language_of(printed)
    if own == lang:
        return Shown(printed, html_text(printed))
    rendered, _ = rendering(printed, kind, lang, book)
    if rendered is None or rendered == printed:
        return Shown(printed, marked(printed, own))
    brackets = ("（", "）") if lang == "zh" else (" (", ")")
    return Shown(rendered, html_text(rendered) + brackets[0] + marked(printed, own) + brackets[1])


def show_all(names: list[str], kind: str, lang: str, book: NameBook,
             seen: dict | None = None) -> Shown | None:
    """Several names (authors), joined as the reader's language joins them."""
    if not names:
        return None
    shown = [show_once(n, kind, lang, book, seen) for n in names]
    return Shown(SEPARATORS[lang].join(s.text for s in shown),
                 SEPARATORS[lang].join(s.html for s in shown))


def show_once(printed: str, kind: str, lang: str, book: NameBook,
              seen: dict | None) -> Shown:
    """`show`, each name once per run where `seen` keeps what was shown: the same
    authors, publishers and publications recur across thousands of documents."""
    if seen is None:
        return show(printed, kind, lang, book)
    found = seen.get((printed, kind, lang))
    if found is None:
        found = seen[printed, kind, lang] = show(printed, kind, lang, book)
    return found


def document_names(doc: Document, lang: str, book: NameBook,
                   seen: dict | None = None) -> dict[str, Shown | None]:
    """Every name field of `doc` as a page in `lang` shows it (None: the field is empty).
    An editor's `publication` for the language (the editorial file) is taken as written.
    `seen`: see `show_once`."""
    values: dict[str, Shown | None] = {
        "authors": show_all(doc.authors, "people", lang, book, seen),
        "editors": show_all(doc.editors, "people", lang, book, seen)}
    for name in ("affiliation", "publisher", "publication"):
        printed = getattr(doc, name)
        values[name] = show_once(printed, FIELDS[name], lang, book, seen) if printed else None
    edited = doc.edition.publication.get(lang) if doc.edition and doc.edition.publication \
        else None
    if edited:
        values["publication"] = Shown(edited, html_text(edited))
    return values


def reviewer_of(doc: Document, lang: str, book: NameBook | None) -> Shown | None:
    """Who reviewed `doc` (its editorial file's `review.reviewer`), as a page in `lang`
    shows it: a desk or a person, looked up as an organisation of the names file."""
    if not doc.review or not doc.review.reviewer:
        return None
    return show(doc.review.reviewer, "organisations", lang, book or NameBook())


def attach_names(corpus: Corpus, book: NameBook) -> None:
    """Give every page of the corpus its names in both languages (`Document.names`)."""
    corpus.names = book
    seen: dict = {}
    for doc in corpus.pages():
        doc.names = {lang: document_names(doc, lang, book, seen) for lang in ("zh", "en")}


def names_of(doc: Document, lang: str) -> dict[str, Shown | None]:
    """`doc`'s names in `lang`: as attached, or with no names file for a document made
    outside the pipeline."""
    return doc.names.get(lang) or document_names(doc, lang, NameBook())


def names_record(doc: Document) -> dict[str, dict[str, str | None]]:
    """What `corpus.json` says of a document's names: per language, each field's plain text
    (the names joined as the language joins them), or None."""
    return {lang: {field: shown.text if shown else None
                   for field, shown in names_of(doc, lang).items()} for lang in ("zh", "en")}


def name_findings(corpus: Corpus) -> list[tuple[str, int | None, str]]:
    """(file, line, message) for each name a page shows untranslated, once per name, with
    the documents that print it: what `check` lists and `--strict` fails on. The reviewer
    of an editorial file is looked up as an organisation (the editorial desk)."""
    book = corpus.names or NameBook()
    missing: dict[tuple[str, str, str], list[Document]] = {}
    for doc in corpus.pages():
        edited = doc.edition.publication if doc.edition and doc.edition.publication else {}
        reviewer = [("reviewer", "organisations", doc.review.reviewer)] if doc.review \
            and doc.review.reviewer else []
        for field, kind, value in [(f, k, getattr(doc, f)) for f, k in FIELDS.items()] + reviewer:
            for printed in (value if isinstance(value, list) else [value] if value else []):
                lang = "en" if language_of(printed) == "zh" else "zh"
                if field == "publication" and edited.get(lang):
                    continue
                if rendering(printed, kind, lang, book)[1]:
                    missing.setdefault((kind, printed, lang), []).append(doc)
    return [(book.path, None, finding_message(kind, printed, lang, docs, corpus.seeds_dir))
            for (kind, printed, lang), docs in missing.items()]


def finding_message(kind: str, printed: str, lang: str, docs: list[Document],
                    seeds_dir: str) -> str:
    """What to add to the names file for one untranslated name, and where it is printed."""
    where = ", ".join(f"{d.id} ({seeds_dir.rstrip('/')}/{d.source})" for d in docs[:4])
    where += ", …" if len(docs) > 4 else ""
    zh, en = (printed, f"<{LANGUAGE_NAMES[lang]}>") if lang == "en" else ("<中文>", printed)
    advice = (f"add it under {kind}: {{zh: {zh}, en: {en}}}")
    if kind == "people" and lang == "zh":
        advice += " if the characters are known (never guessed from the pinyin), or zh: ~"
    elif kind == "people":
        advice += " (its reading is unclear: surname first, in pinyin)"
    return (f"has no {LANGUAGE_NAMES[lang]} for {printed!r} ({KINDS[kind]} of {where}), so "
            f"the {lang} pages show it untranslated; {advice}")
