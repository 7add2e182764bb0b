"""Calendar files of the sessions: one `.ics` per session and one with all of them, made
with the icalendar library (RFC 5545), never by string templates.

They are deterministic: the UID comes from the session's id and DTSTAMP from its date, not
from the clock, so the same session files give the same bytes. Times are "floating" local
times (no time zone): a study group meets where it is, and a calendar shows 14:30 as 14:30.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import icalendar

from ..model import LANGUAGES, Corpus
from ..render.pages import display_title
from ..render import load_strings
from .model import Session
from .pages import CALENDAR_ALL

PRODID = "-//AI+ study briefing//sessions//EN"
CALENDAR_DIR = "calendar"
#: How long a session lasts when its file does not say (`duration`, in minutes).
DEFAULT_MINUTES = 120


def event(session: Session, corpus: Corpus, lang: str, strings: dict) -> icalendar.Event:
    """One session as a calendar event in one language."""
    t = strings[lang]
    day = date.fromisoformat(session.date)
    hour, minute = (int(n) for n in session.time.split(":"))
    start = datetime.combine(day, time(hour, minute))  # floating: no tzinfo
    readings = [display_title(corpus.document(r.document), lang, strings)
                for r in session.readings]
    description = "\n".join([session.purpose[lang], "", t["session_readings"] + t["colon"],
                             *(f"{n}. {title}" for n, title in enumerate(readings, 1))])
    ev = icalendar.Event()
    ev.add("uid", f"{session.id}@sessions.briefing")
    # DTSTAMP must be UTC; the session's own date keeps the file the same on every build.
    ev.add("dtstamp", datetime.combine(day, time(0, 0), tzinfo=timezone.utc))
    ev.add("dtstart", start)
    ev.add("dtend", start + timedelta(minutes=session.duration or DEFAULT_MINUTES))
    ev.add("summary", session.title[lang])
    ev.add("description", description)
    if session.place.get(lang):
        ev.add("location", session.place[lang])
    return ev


def calendar(sessions: list[Session], corpus: Corpus, lang: str, strings: dict) -> bytes:
    """A VCALENDAR holding these sessions, as bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", strings[lang]["session_nav"])
    for session in sessions:
        cal.add_component(event(session, corpus, lang, strings))
    return cal.to_ical()


def write_calendars(corpus: Corpus, site_dir: Path) -> list[Path]:
    """`calendar/<id>.ics` and `calendar/sessions.ics` into each language's site."""
    strings = load_strings()
    written = []
    for lang in LANGUAGES:
        folder = site_dir / ("en" if lang == "en" else "") / CALENDAR_DIR
        folder.mkdir(parents=True, exist_ok=True)
        files = {f"{s.id}.ics": [s] for s in corpus.sessions}
        files[CALENDAR_ALL] = corpus.sessions
        for name, sessions in files.items():
            (folder / name).write_bytes(calendar(sessions, corpus, lang, strings))
            written.append(folder / name)
    return written
