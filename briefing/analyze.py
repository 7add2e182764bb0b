"""Stage 4, analyze: what each document is (title, date, ...) and what it is about (themes).

Everything found here is a proposal from the text; nothing is invented. What the text does
not say stays None or empty, and editors may override it in stage `curate`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Document, Paragraph, Theme

#: A theme is tagged when its phrases occur at least this often in a document, and at
#: least once per THEME_CHARS_PER_HIT characters (a long compilation mentions everything).
MIN_THEME_SCORE = 2
THEME_CHARS_PER_HIT = 1500

TITLE_MAX = {"zh": 60, "en": 200}
SENTENCE_END = tuple("。！？.!?”\"")
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def analyze(documents: list[Document], themes: list[Theme]) -> list[Document]:
    """Metadata and themes for every document."""
    return [tag_themes(find_metadata(doc), themes) for doc in documents]


def find_metadata(doc: Document) -> Document:
    """Title (a short first line that is not a sentence) and date (in the first lines)."""
    paragraphs = list(doc.paragraphs)
    title = {**doc.title}
    if title.get(doc.language) is None and len(paragraphs) > 1 and is_title(paragraphs[0],
                                                                          doc.language):
        title[doc.language] = paragraphs.pop(0).text
    date = doc.date
    for index, para in enumerate(paragraphs[:3]):
        found = parse_date(para.text)
        if found and date is None:
            date = found
            if DATE_ONLY.fullmatch(para.text):
                paragraphs.pop(index)
            break
    return replace(doc, title=title, date=date, paragraphs=renumber(paragraphs))


DATE_ONLY = re.compile(r"\s*(\d{4}-\d{2}-\d{2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                       r"(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*")


def is_title(para: Paragraph, language: str) -> bool:
    text = para.text.strip()
    return 0 < len(text) <= TITLE_MAX[language] and not text.endswith(SENTENCE_END)


def parse_date(text: str) -> str | None:
    """The first full date in `text`, as ISO `YYYY-MM-DD`; None when there is none valid.

    >>> parse_date("2025 年 2 月 27 日"), parse_date("2025-09-16"), parse_date("4月29日")
    ('2025-02-27', '2025-09-16', None)
    """
    for pattern in (ISO_DATE, ZH_DATE):
        for match in pattern.finditer(text):
            year, month, day = (int(g) for g in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def renumber(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [replace(p, id=f"p{n}") for n, p in enumerate(paragraphs, start=1)]


def tag_themes(doc: Document, themes: list[Theme]) -> Document:
    """Score each theme by how often its phrases occur; keep the frequent ones."""
    text = "\n".join([doc.title.get(doc.language) or ""] + [p.text for p in doc.paragraphs])
    scores = {}
    needed = max(MIN_THEME_SCORE, -(-len(text) // THEME_CHARS_PER_HIT))
    for theme in themes:
        score = sum(count_phrase(text, phrase, doc.language)
                    for phrase in theme.phrases.get(doc.language, []))
        if score >= needed:
            scores[theme.id] = score
    ranked = sorted(scores, key=lambda t: (-scores[t], t))
    return replace(doc, themes=ranked, theme_scores={t: scores[t] for t in ranked})


def count_phrase(text: str, phrase: str, language: str) -> int:
    """Occurrences of a phrase: as is in Chinese, as whole words (any case) in English."""
    if language == "zh":
        return text.count(phrase)
    return len(re.findall(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", text, re.I))
