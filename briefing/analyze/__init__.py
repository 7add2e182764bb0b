"""Stage 4, analyze: what each document is (title, date, ...) and what it is about (themes).

Everything found here is a proposal from the text; nothing is invented. What the text does
not say stays None or empty, and editors may override it in stage `curate`.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import replace

from .figures import find_figures
from .glossary import find_terms
from ..model import Document, KeyFigure, Paragraph, Term, Theme, TimelineEvent
from ..script import TO_SIMPLIFIED, convert
from .themes import tag_themes
from .timeline import find_events

TITLE_MAX = {"zh": 60, "en": 200}
#: How a sentence ends; a closing quote counts only after one of these (`"… city"` may be
#: a title, `… she said."` is not).
SENTENCE_END = tuple("。！？.!?")
CLOSING_QUOTES = "”’\"'"
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def analyze(documents: list[Document], themes: list[Theme],
            glossary: list[Term]) -> list[Document]:
    """Metadata, themes, glossary terms, dated events and key figures for every document."""
    return [find_key_figures(find_dated_events(find_glossary_terms(
        find_themes(find_metadata(doc), themes), glossary))) for doc in documents]


def find_glossary_terms(doc: Document, glossary: list[Term]) -> Document:
    """Where each glossary term stands in the document (briefing.analyze.glossary)."""
    return replace(doc, terms=find_terms(doc, glossary))


def find_themes(doc: Document, themes: list[Theme]) -> Document:
    """The themes the document carries, scored, each with its evidence (briefing.analyze.themes)."""
    tagged, scores, evidence = tag_themes(doc, themes)
    return replace(doc, themes=tagged, theme_scores=scores, theme_evidence=evidence)


def find_key_figures(doc: Document) -> Document:
    """Every number with a unit the document's paragraphs print."""
    figures = [KeyFigure(f.text, f.english, f.number, f.unit, f.measure, f.sentence, para.id)
               for para in doc.paragraphs for f in find_figures(para.text, doc.language)]
    return replace(doc, figures=figures)


def find_dated_events(doc: Document) -> Document:
    """Every date the document's paragraphs print (years resolved from its own date)."""
    to_simplified = TO_SIMPLIFIED.get(doc.script)
    datelines = [TimelineEvent(e.date, e.text, line, "", kind="dateline")
                 for block in doc.metadata_lines
                 for line in [convert(block.text, to_simplified)]
                 for e in find_events(line, doc.language, None)]
    printed = {(e.date, e.sentence) for e in datelines}
    # (A compilation's masthead lines are its paragraphs too: each date once.)
    events = [TimelineEvent(e.date, e.text, e.sentence, para.id, e.resolved_year)
              for para in doc.paragraphs
              for e in find_events(para.text, doc.language, doc.date)
              if (e.date, e.sentence) not in printed]
    return replace(doc, events=datelines + events)


def find_metadata(doc: Document) -> Document:
    """Title, date, publication, authors and editors, from what the seed prints."""
    paragraphs = list(doc.paragraphs)
    title = {**doc.title}
    if title.get(doc.language) is None and len(paragraphs) > 1 and is_title(paragraphs[0],
                                                                          doc.language):
        title[doc.language] = paragraphs.pop(0).text
    found = read_metadata_lines(doc)
    date = doc.date or found.pop("date", None)
    for index, para in enumerate(paragraphs[:3]):
        if date:
            break
        date = parse_date(para.text)
        if date and DATE_ONLY.fullmatch(para.text):
            paragraphs.pop(index)
    return replace(doc, title=title, date=date, paragraphs=renumber(paragraphs),
                   publication=doc.publication or found.get("publication"),
                   authors=doc.authors or found.get("authors", []),
                   editors=doc.editors or found.get("editors", []))


def read_metadata_lines(doc: Document) -> dict:
    """What the metadata lines (datelines, source, editor and credit lines) say."""
    found: dict = {}
    to_simplified = TO_SIMPLIFIED.get(doc.script)
    for block in doc.metadata_lines:
        text = convert(block.text, to_simplified)
        date = parse_date(text)
        if date and "date" not in found:
            found["date"] = date
        for key, pattern in METADATA_PATTERNS:
            for match in pattern.finditer(text):
                value = match.group("value").strip()
                if key == "publication":
                    found.setdefault("publication", value)
                else:
                    # Chinese names are separated by spaces; English ones contain them.
                    separator = r"\s*(?:,|;|\band\b)\s*" if re.search("[A-Za-z]", value) \
                        else r"[ 、，,]+"
                    names = [n.strip() for n in re.split(separator, value) if n.strip()]
                    found.setdefault(key, [])
                    found[key] += [n for n in names if n not in found[key]]
    return found


#: What metadata lines say, per field. Labels in both scripts are matched after conversion
#: to Simplified. Each value stops at the next label.
_LABEL = r"(?=\s*(?:责任编辑|编辑|来源|Responsible editor|Edit|Source|总监制|监制|制片人|执笔)\s*[:：丨]|$)"
METADATA_PATTERNS = [
    ("publication", re.compile(r"(?:^|\s)(?:来源|Source)\s*[:：]\s*(?P<value>.+?)" + _LABEL)),
    ("publication", re.compile(r"^(?P<value>\S+?)(?:讯)\s*[(（]")),
    ("authors", re.compile(r"^\S+?讯\s*[(（](?P<value>[^)）]+)[)）]")),
    ("authors", re.compile(r"执笔\s*丨\s*(?P<value>.+?)" + _LABEL)),
    ("authors", re.compile(r"^Text\s*/\s*(?:Our |By )?(?:reporter\s+)?(?P<value>.+)$")),
    ("editors", re.compile(r"(?<!责任)编辑\s*丨\s*(?P<value>.+?)" + _LABEL)),
    ("editors", re.compile(r"(?:责任编辑|Responsible editor)\s*[:：]\s*(?P<value>.+?)" + _LABEL)),
    ("editors", re.compile(r"(?:^|\s)Edit\s*[:：]\s*(?P<value>.+?)" + _LABEL)),
]


DATE_ONLY = re.compile(r"\s*(\d{4}-\d{2}-\d{2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                       r"(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*")


def is_title(para: Paragraph, language: str) -> bool:
    """A first heading that does not read as a sentence is the document's title.

    >>> is_title(Paragraph("p1", "heading", 'Shenzhen unveils plan to build "AI city"', (1, 1)), "en")
    True
    >>> is_title(Paragraph("p1", "heading", '"We want every industry to use AI."', (1, 1)), "en")
    False
    """
    text = para.text.strip()
    if para.kind != "heading":
        return False
    return 0 < len(text) <= TITLE_MAX[language] and \
        not text.rstrip(CLOSING_QUOTES).endswith(SENTENCE_END)


def parse_date(text: str) -> str | None:
    """The first full date in `text`, as ISO `YYYY-MM-DD`; None when there is none valid.

    A date the calendar does not have (2026-02-31, a misprint or a page number beside a
    month) is not one: the next candidate is tried.

    >>> parse_date("2025 年 2 月 27 日"), parse_date("2025-09-16"), parse_date("4月29日")
    ('2025-02-27', '2025-09-16', None)
    >>> parse_date("2026-02-31"), parse_date("2026年2月31日 2026年3月1日")
    (None, '2026-03-01')
    """
    for pattern in (ISO_DATE, ZH_DATE):
        for match in pattern.finditer(text):
            year, month, day = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def renumber(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [replace(p, id=f"p{n}") for n, p in enumerate(paragraphs, start=1)]
