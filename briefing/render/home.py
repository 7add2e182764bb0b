"""The home page and the archive by type (part of stage `render`; issues 11 and 13).

The home page no longer lists every document (165 KB at 1,000 documents): it opens with the
upcoming sessions, shows the `LATEST_SHOWN` latest documents as cards, then the archive:
the timeline's years, the document types and the themes, each a link to its pages. Those
lists are bounded by the calendar and the taxonomies, not by the corpus, so the home page
stays the same size however many documents there are.

Every document is on one page of the archive by type, `types/<type>.md` (a compilation is
a type of its own; a document the editors have not typed is under `none`), latest first,
paged past `TYPES_PER_PAGE` cards. A card says what a document is before it is opened:
its type, date, length and reading time, computed as the session pages compute them
(briefing/sessions/pages.py). Like `render`, this writes nothing: it returns text.
"""
from __future__ import annotations

import re

from .corpus_pages import chunks, page_stem, pager
from ..model import Corpus, Document
from .pages import display_title, html_lang
from ..facts import facts_of
from ..sessions.pages import home_sessions, reading_minutes, type_label
from ..sessions.types import TYPES

#: Documents shown as cards on the home page (the latest by date).
LATEST_SHOWN = 12
#: Cards per page of the archive by type, past which it continues on `<type>-2.md`, …
#: (a card is under 1 KB of Markdown: a full page stays far under 400 KB).
TYPES_PER_PAGE = 100
#: The archive's types, in the order the home page lists them; `none` only when used.
ARCHIVE_TYPES = (*TYPES, "compilation", "none")


def page_type(doc: Document, corpus: Corpus) -> str:
    """What the archive files a document under: its recorded type, `compilation`, or
    `none` when the editors have not said (nothing guesses: briefing/sessions/types.py)."""
    if doc.kind == "compilation":
        return "compilation"
    return corpus.document_types.get(doc.id, "none")


def newest_first(docs: list[Document]) -> list[Document]:
    """Documents by date, the latest first; undated ones last, each group in id order.

    >>> from types import SimpleNamespace as D
    >>> [d.id for d in newest_first([D(id="a", date=None), D(id="b", date="2024-03"),
    ...                              D(id="c", date="2025-01-02")])]
    ['c', 'b', 'a']
    """
    dated = sorted((d for d in docs if d.date), key=lambda d: d.id)
    dated.sort(key=lambda d: d.date, reverse=True)  # stable: equal dates stay in id order
    return dated + sorted((d for d in docs if not d.date), key=lambda d: d.id)


def document_card(doc: Document, corpus: Corpus, lang: str, strings: dict) -> dict:
    """One document as a card shows it: title (in the reader's language where it has one),
    type, date, and the length (characters on the Chinese site, words on the English one)
    and reading time of the text the reader's page shows."""
    t = strings[lang]
    length = facts_of(corpus, doc).lengths[lang]
    kind = page_type(doc, corpus)
    return {"id": doc.id, "title": display_title(doc, lang, strings),
            "title_lang": html_lang(lang if doc.title.get(lang) else doc.language),
            "type": type_label(None if kind == "none" else kind, t),
            "date": doc.date, "length": length, "minutes": reading_minutes(length, lang)}


def type_pages(env, corpus: Corpus, lang: str, strings: dict) -> dict[str, str]:
    """`<lang>/types/<type>.md` (and `-2`, `-3`, …) for every type some document has."""
    t = strings[lang]
    by_type: dict[str, list[Document]] = {}
    for doc in newest_first(corpus.pages()):
        by_type.setdefault(page_type(doc, corpus), []).append(doc)
    template = env.get_template("site/type.md.j2")
    files = {}
    for kind in (k for k in ARCHIVE_TYPES if k in by_type):
        pages = chunks(by_type[kind], TYPES_PER_PAGE)
        label = type_label(None if kind == "none" else kind, t)
        for number, docs in enumerate(pages, 1):
            files[f"{lang}/{page_stem('types/' + kind, number)}.md"] = template.render(
                t=t, lang=lang, label=label, count=len(by_type[kind]), base="../",
                cards=[document_card(d, corpus, lang, strings) for d in docs],
                pager=pager(kind, number, len(pages)), seeds_dir=corpus.seeds_dir)
    return files


def archive(corpus: Corpus, lang: str, strings: dict, files: dict[str, str]) -> dict:
    """The home page's archive: the timeline's years, the types and the themes, each with
    the page it links to (pages already in `files`, so no link leads nowhere)."""
    t = strings[lang]
    years = sorted(m.group(1) for path in files
                   if (m := re.fullmatch(rf"{lang}/timeline/(\d{{4}}|other)\.md", path)))
    counts: dict[str, int] = {}
    for doc in corpus.pages():
        counts[page_type(doc, corpus)] = counts.get(page_type(doc, corpus), 0) + 1
    return {
        "years": [{"label": t["year_other"] if y == "other" else y,
                   "href": f"timeline/{y}.html"} for y in years],
        "types": [{"label": type_label(None if k == "none" else k, t), "count": counts[k],
                   "href": f"types/{k}.html"} for k in ARCHIVE_TYPES
                  if k in counts and f"{lang}/types/{k}.md" in files],
        "themes": [{"label": th.name[lang], "href": f"themes/{th.id}.html",
                    "count": sum(1 for d in corpus.documents if th.id in d.themes)}
                   for th in corpus.themes if f"{lang}/themes/{th.id}.md" in files],
    }


def home_page(env, corpus: Corpus, lang: str, strings: dict, files: dict[str, str],
              pdf_name: str | None) -> str:
    """`<lang>/index.md`: the sessions, the latest documents as cards, the archive (and the
    link to the digest, `pdf_name`, when one is built)."""
    t = strings[lang]
    latest = newest_first(corpus.pages())[:LATEST_SHOWN]
    return env.get_template("site/home.md.j2").render(
        t=t, lang=lang, pdf_name=pdf_name, base="",
        upcoming_sessions=home_sessions(corpus, lang, strings),
        cards=[document_card(d, corpus, lang, strings) for d in latest],
        latest_note=t["home_latest_note"].replace("{n}", str(len(latest))),
        archive=archive(corpus, lang, strings, files))
