"""Where a glossary term is filed (issue 11, issue 13): by the first letter of its pinyin on
the Chinese site, of its English rendering on the English one, each letter a page of its own
(`glossary/<letter>.md`, see briefing/render/corpus_pages.py). Document pages link a term there.
"""
from __future__ import annotations

from ..pinyin import lazy_pinyin

#: The bucket of a term that has no letter to file it under (`5G`).
OTHER = "other"


def initial(term, lang: str) -> str:
    """The letter a glossary term is filed under: the first letter of the pinyin of its
    Chinese form on the Chinese site, of its English rendering on the English site.

    >>> from types import SimpleNamespace as T
    >>> initial(T(zh="新质生产力", en="new quality productive forces"), "zh")
    'x'
    >>> initial(T(zh="大模型", en="large model"), "en")
    'l'
    >>> initial(T(zh="“人工智能+”行动", en='"AI+" action'), "en")
    'a'
    >>> initial(T(zh="5G", en="5G"), "en")
    'other'
    """
    text = pinyin(term.zh) if lang == "zh" else _filed_as(term.en)
    first = text[:1].lower()
    return first if "a" <= first <= "z" else OTHER


def _filed_as(english: str) -> str:
    """An English rendering as it is filed: opening quotes and brackets do not count, so
    `"AI+" action` is filed under A, where a reader looks for it.

    >>> _filed_as('"AI+" action')
    'AI+" action'
    >>> _filed_as("5G")
    '5G'
    """
    return english.strip().lstrip("\"'“‘([「《")


def pinyin(text: str) -> str:
    """Hanyu Pinyin with tone marks, syllables spaced (`人工智能` → `rén gōng zhì néng`)."""
    return " ".join(s for s in lazy_pinyin(text, "TONE") if s.strip())


def sort_key(term, lang: str) -> tuple:
    """Glossary order: by toneless pinyin on the Chinese site, alphabetically on the
    English one (case folded), then by id so the order is total."""
    if lang == "zh":
        return (" ".join(lazy_pinyin(term.zh)).lower(), term.zh, term.id)
    return (_filed_as(term.en).casefold(), term.id)


def glossary_href(term, lang: str, base: str) -> str:
    """Where a page links a glossary term: its letter's page and its anchor."""
    return f"{base}glossary/{initial(term, lang)}.html#{term.id}"
