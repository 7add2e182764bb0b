"""Session files, `seeds/sessions/<id>.yml`, loaded by the strict editorial YAML loader and
checked against the corpus: every problem is one `file:line: message`, with the valid keys
or ids listed, and the problems of all files are collected before failing."""
from __future__ import annotations

import re
from pathlib import Path

from ..editorial import SLUG, load_folder
from ..editorial_yaml import Checker
from ..errors import EditorialError, display_path
from ..model import LANGUAGES, Document
from .model import STATUSES, Reading, Session

SESSIONS_DIR = "sessions"
SESSION_KEYS = ("title", "purpose", "date", "time", "duration", "place", "host", "readings",
                "preparation", "discussion", "status", "minutes")
REQUIRED_KEYS = ("title", "purpose", "date", "time", "host", "readings", "discussion",
                 "status")
READING_KEYS = ("document", "paragraphs", "note")
TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
RANGE = re.compile(r"(p[0-9]+)(?:-(p[0-9]+))?")


def load_sessions(seeds_dir: Path, pages: list[Document]) -> list[Session]:
    """Every session file of `seeds/sessions/`, checked against the corpus's documents, in
    the order they are held (date, time, id)."""
    by_id = {d.id: d for d in pages}
    sessions = load_folder(Path(seeds_dir) / SESSIONS_DIR,
                           lambda check, data, path: session(check, data, path, by_id))
    return sorted((s for s in sessions if s), key=lambda s: (s.date, s.time, s.id))


def session(check: Checker, data, path: Path, by_id: dict) -> Session | None:
    """One session file's values (None when it has problems, all noted in `check`)."""
    if not SLUG.fullmatch(path.stem):
        check.fail(None, "a session file's name is its id: lower-case letters, digits and "
                         "single hyphens, e.g. 2026-12-ai-plus.yml")
    data = check.mapping(data, 1, "the session file", SESSION_KEYS, required=REQUIRED_KEYS)
    if not data:
        return None
    title = check.per_language(data.get("title"), data.line_of("title"), "title",
                               optional=False)
    purpose = check.per_language(data.get("purpose"), data.line_of("purpose"), "purpose",
                                 optional=False)
    day = check.date(data.get("date"), data.line_of("date"), "date")
    time = data.get("time")
    if not isinstance(time, str) or not TIME.fullmatch(time):
        check.fail(data.line_of("time"), f"time must be written HH:MM on a 24-hour clock "
                                         f"(e.g. 14:30), not {time!r}")
    duration = data.get("duration")
    if duration is not None and not (isinstance(duration, str) and duration.isascii()
                                     and duration.isdigit() and 0 < int(duration) <= 720):
        check.fail(data.line_of("duration"), f"duration must be a number of minutes from 1 "
                                             f"to 720 (e.g. 120), not {duration!r}")
    place = per_language_or_text(check, data, "place")
    host = per_language_or_text(check, data, "host")
    readings = check_readings(check, data.get("readings"), data.line_of("readings"), by_id)
    preparation = check_questions(check, data, "preparation", minimum=0)
    discussion = check_questions(check, data, "discussion", minimum=1)
    status = data.get("status")
    if status not in STATUSES:
        check.fail(data.line_of("status"), f"status must be one of {', '.join(STATUSES)}, "
                                           f"not {status!r}")
    minutes = (check.per_language(data.get("minutes"), data.line_of("minutes"), "minutes",
                                  optional=False) if "minutes" in data else {})
    if minutes and status == "planned":
        check.fail(data.line_of("minutes"), "minutes belong to a session that was held; set "
                                            "status: held or remove them")
    if check.problems:
        return None
    return Session(path.stem, display_path(path), title, purpose, day, time, place, host,
                   readings, preparation, discussion, status, minutes,
                   int(duration) if duration else None)


def per_language_or_text(check: Checker, data, key: str) -> dict[str, str | None]:
    """An optional value given once for both languages (`Room 3`) or as `{zh, en}`."""
    value = data.get(key)
    if value is None:
        return {}
    if isinstance(value, dict):
        return check.per_language(value, data.line_of(key), key, optional=False)
    text = check.text(value, data.line_of(key), key)
    return {lang: text for lang in LANGUAGES}


def check_readings(check: Checker, value, line: int, by_id: dict) -> list[Reading]:
    """`readings: [{document: id, paragraphs: p3-p9, note: {zh, en}}, …]`, at least one."""
    if not isinstance(value, list) or not value:
        check.fail(line, "readings must be a list of entries with document (and optionally "
                         "paragraphs, note)")
        return []
    readings = []
    for entry in value:
        entry_line = getattr(entry, "line", line)
        entry = check.mapping(entry, entry_line, "a reading", READING_KEYS,
                              required=("document",))
        if not entry:
            continue
        doc_id = entry.get("document")
        doc = by_id.get(doc_id) if isinstance(doc_id, str) else None
        if doc is None:
            check.fail(entry.line_of("document"), f"unknown document {doc_id!r}; documents: "
                                                  f"{', '.join(sorted(by_id))}")
            continue
        span = check_range(check, entry, doc) if "paragraphs" in entry else None
        note = (check.per_language(entry.get("note"), entry.line_of("note"), "note",
                                   optional=False) if "note" in entry else {})
        readings.append(Reading(doc.id, span, note, entry.line))
    return readings


def check_range(check: Checker, entry, doc: Document) -> tuple[str, str] | None:
    """`p3-p9` or `p3`: paragraphs of `doc`, the first not after the last."""
    value, line = entry.get("paragraphs"), entry.line_of("paragraphs")
    ids = [p.id for p in doc.paragraphs]
    match = RANGE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        check.fail(line, f"paragraphs must be a paragraph id or a range such as p3-p9, "
                         f"not {value!r}")
        return None
    first, last = match.group(1), match.group(2) or match.group(1)
    for pid in (first, last):
        if pid not in ids:
            check.fail(line, f"{doc.id} has no paragraph {pid}; its paragraphs are "
                             f"{ids[0]}-{ids[-1]}")
            return None
    if ids.index(first) > ids.index(last):
        check.fail(line, f"paragraphs {value}: {first} comes after {last}")
        return None
    return first, last


def check_questions(check: Checker, data, key: str, minimum: int) -> list[dict[str, str]]:
    """`key: [{zh: …, en: …}, …]`: each question in both languages."""
    if key not in data:
        return []
    value, line = data.get(key), data.line_of(key)
    if not isinstance(value, list) or len(value) < minimum:
        check.fail(line, f"{key} must be a list of questions, each with zh and en"
                         + (f" (at least {minimum})" if minimum else ""))
        return []
    return [check.per_language(item, getattr(item, "line", line), f"{key} question",
                               optional=False) for item in value]


def paragraphs_of(reading: Reading, doc: Document) -> list:
    """The paragraphs a reading asks for, in order."""
    if reading.paragraphs is None:
        return list(doc.paragraphs)
    ids = [p.id for p in doc.paragraphs]
    first, last = (ids.index(p) for p in reading.paragraphs)
    return doc.paragraphs[first:last + 1]



def load_session_data(seeds_dir: Path, pages: list[Document]):
    """The sessions and the document types, their problems reported together."""
    from .types import load_types

    problems, sessions, types = [], [], {}
    try:
        types = load_types(seeds_dir, [d.id for d in pages])
    except EditorialError as exc:
        problems += exc.problems
    try:
        sessions = load_sessions(seeds_dir, pages)
    except EditorialError as exc:
        problems += exc.problems
    if problems:
        raise EditorialError(problems)
    return sessions, types
