"""The data of a study session, as `briefing.sessions.load` checks it."""
from __future__ import annotations

from dataclasses import dataclass, field

#: A session is `planned` until it has been held; only planned ones are "upcoming".
STATUSES = ("planned", "held")


@dataclass
class Reading:
    """One document to read for a session, possibly only some of its paragraphs."""

    document: str  #: a document id of the corpus
    paragraphs: tuple[str, str] | None  #: first and last paragraph id (`p3`, `p9`); None: all
    note: dict[str, str | None]  #: why to read it, per language (may be empty)
    line: int  #: line of the entry in the session file


@dataclass
class Session:
    """One meeting of the study group (`seeds/sessions/<id>.yml`)."""

    id: str  #: the file's name without `.yml`
    path: str  #: the file, as editors name it
    title: dict[str, str]
    purpose: dict[str, str]
    date: str  #: `YYYY-MM-DD`
    time: str  #: `HH:MM`, 24-hour, local time
    place: dict[str, str | None]  #: per language; empty when not set
    host: dict[str, str | None]  #: per language (a name given once is the same in both)
    readings: list[Reading]
    preparation: list[dict[str, str]]  #: questions to think about before the session
    discussion: list[dict[str, str]]  #: questions for the session itself
    status: str  #: `planned` or `held`
    minutes: dict[str, str | None] = field(default_factory=dict)  #: after it was held
    duration: int | None = None  #: minutes; None: the calendar's default
