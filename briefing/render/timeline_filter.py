"""Which dated sentences are events, for the timeline page (issue 11, item 5).

`briefing.analyze.timeline` finds every date a document prints; `corpus.json` keeps them all. The
timeline shows only events: a date in a byline or source line (`（作者系…；来源：《人民日报》
2025年2月24日）`), a site footer (`来源：央视新闻客户端 责任编辑：陈玮`), a photo caption
(`△2025年4月29日，…`), or a masthead that prints nothing but the date is the document's own
metadata, not something that happened. The patterns are data (`NOT_EVENTS`); the cases, in
tests/data/timeline_events.yml, are too.
"""
from __future__ import annotations

import re

#: (what it is, language or None for both, pattern searched in the sentence).
NOT_EVENTS = [
    ("photo caption", "zh", re.compile(r"^\s*[△▲▼◆]|^\s*[（(]?图为|[（(][^（）()]{0,20}摄[）)]\s*$")),
    ("source line", "zh", re.compile(r"^\s*[（(]\s*(?:作者|来源|本文|原载|编者)")),
    ("source line", "zh", re.compile(r"来源\s*[:：]\s*《[^》]+》[^。]{0,20}$")),
    ("site footer", "zh", re.compile(r"责任编辑\s*[:：]|编辑\s*[:：]\s*\S{2,4}\s*$")),
    ("photo caption", "en", re.compile(r"(?i)^\s*(?:photo|picture|image)\b|\((?:photo|xinhua)\b[^)]*\)\s*$")),
    ("source line", "en", re.compile(r"(?i)^\s*[(\[]?\s*(?:source|by|editor|reporter)\s*[:：]")),
    ("site footer", "en", re.compile(r"(?i)\beditor\s*[:：]\s*\S+")),
]

#: What is left of a masthead once its date is taken out: figures, punctuation, space, and
#: the parts of a date or time.
BARE = re.compile(r"[\s\d\W_年月日号时分秒TZ]*")


def why_not_event(sentence: str, date_text: str, language: str) -> str | None:
    """Why a dated sentence is not an event (a label of `NOT_EVENTS`, or `bare date`), or
    None when it is one.

    >>> why_not_event("△2025年4月29日，总书记考察。", "2025年4月29日", "zh")
    'photo caption'
    >>> why_not_event("2025 年 2 月 27 日", "2025 年 2 月 27 日", "zh")
    'bare date'
    >>> why_not_event("4月25日，中央政治局集体学习。", "4月25日", "zh") is None
    True
    """
    for label, lang, pattern in NOT_EVENTS:
        if lang in (None, language) and pattern.search(sentence):
            return label
    if BARE.fullmatch(sentence.replace(date_text, " ", 1)):
        return "bare date"
    return None


def timeline_events(entries: list[dict]) -> list[dict]:
    """The timeline's events out of `briefing.render.pages.timeline_entries`: the document's own
    date (its dateline) and sentences that are not events left out; a date a document
    prints more than once merged into its first entry, the others' paragraphs kept as
    `also` (a speech's date in its text and in three photo captions is one event)."""
    merged: dict[tuple[str, str], dict] = {}
    for e in entries:
        if e["kind"] == "dateline" or why_not_event(e["sentence"], e["text"], e["language"]):
            continue
        key = (e["date"], e["id"])
        if key in merged:
            first = merged[key]
            if e["paragraph"] and e["paragraph"] not in [first["paragraph"], *first["also"]]:
                first["also"].append(e["paragraph"])
            continue
        merged[key] = {**e, "also": []}
    return list(merged.values())
