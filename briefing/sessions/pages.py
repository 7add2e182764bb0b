"""The site's session pages: one per session and language, the sessions list, and the
block that opens the home page with the upcoming sessions.

"Upcoming" is a session whose status is `planned`: docs/ must be the same whatever day it
is built, so the build's clock never decides. Values from session and editorial files
reach the pages only through the filters of briefing.markup (in the templates).
"""
from __future__ import annotations

import math

from ..facts import text_length
from ..model import Corpus, Document
from ..render.pages import display_title, reading_text
from .load import paragraphs_of
from .model import Reading, Session

#: Reading rates for the estimated reading time: careful study reading, not skimming.
#: Chinese is counted in characters (字), English in words.
RATES = {"zh": 300, "en": 200}
EDITIONS = ("zh", "en", "bilingual")
CALENDAR_ALL = "sessions.ics"


def handout_name(session_id: str, edition: str) -> str:
    """The file name of a handout: `<session id>-<edition>.pdf`.

    >>> handout_name("2026-12-ai", "bilingual")
    '2026-12-ai-bilingual.pdf'
    """
    return f"{session_id}-{edition}.pdf"


def editions_for(lang: str) -> tuple[str, ...]:
    """The handouts a language's site offers: its own and the bilingual one."""
    return (lang, "bilingual")


def reading_minutes(length: int, lang: str) -> int:
    """Minutes to read `length` characters or words at the language's rate (at least 1).

    >>> reading_minutes(1500, "zh"), reading_minutes(201, "en")
    (5, 2)
    """
    return max(1, math.ceil(length / RATES[lang]))


def type_label(kind: str | None, t: dict) -> str:
    """A document type in the reader's language (`speech` → 讲话); "not recorded" for None.

    >>> type_label("news-report", {"session_type_news_report": "news report"})
    'news report'
    """
    return t[f"session_type_{kind.replace('-', '_')}"] if kind else t["session_type_none"]


def reading_paragraphs(reading: Reading, doc: Document, lang: str) -> list[dict]:
    """The reading's paragraphs in `lang` (as print and the site show them: the translation
    when current, else the original, flagged), each with its id."""
    wanted = {p.id for p in paragraphs_of(reading, doc)}
    return [dict(entry, id=para.id, source=para.text)
            for para, entry in zip(doc.paragraphs, reading_text(doc, lang))
            if para.id in wanted]


def reading_entry(reading: Reading, corpus: Corpus, lang: str, strings: dict) -> dict:
    """What a session page (and a handout) says about one reading."""
    doc = corpus.document(reading.document)
    paragraphs = reading_paragraphs(reading, doc, lang)
    length = sum(text_length(p["text"], lang) for p in paragraphs)
    kind = corpus.document_types.get(doc.id)
    t = strings[lang]
    return {
        "id": doc.id, "doc": doc, "title": display_title(doc, lang, strings),
        "summary": doc.summary.get(lang), "key_points": [k.get(lang) for k in doc.key_points
                                                         if k.get(lang)],
        "type": type_label(kind, t),
        "length": length, "minutes": reading_minutes(length, lang),
        "range": "–".join(dict.fromkeys(reading.paragraphs)) if reading.paragraphs else None,
        "first": paragraphs[0]["id"] if paragraphs else None,
        "note": reading.note.get(lang), "paragraphs": paragraphs,
        "parent": doc.parent,
    }


def session_entry(session: Session, corpus: Corpus, lang: str, strings: dict) -> dict:
    """A session as its page, the lists and the handouts show it, in one language."""
    readings = [reading_entry(r, corpus, lang, strings) for r in session.readings]
    return {
        "id": session.id, "session": session, "title": session.title[lang],
        "purpose": session.purpose[lang], "place": session.place.get(lang),
        "host": session.host.get(lang),
        "status": strings[lang][f"session_status_{session.status}"],
        "readings": readings, "minutes_total": sum(r["minutes"] for r in readings),
        "preparation": [q[lang] for q in session.preparation],
        "discussion": [q[lang] for q in session.discussion],
        "minutes": session.minutes.get(lang),
        "handouts": [(edition, handout_name(session.id, edition))
                     for edition in editions_for(lang)],
    }


def upcoming(corpus: Corpus) -> list[Session]:
    """The sessions still to be held (status `planned`), soonest first."""
    return [s for s in corpus.sessions if s.status == "planned"]


def render_session_pages(corpus: Corpus, env, strings: dict) -> dict[str, str]:
    """`<lang>/sessions.md` and `<lang>/sessions/<id>.md` for both languages."""
    files = {}
    for lang in ("zh", "en"):
        t = strings[lang]
        entries = [session_entry(s, corpus, lang, strings) for s in corpus.sessions]
        files[f"{lang}/sessions.md"] = env.get_template("site/sessions.md.j2").render(
            t=t, lang=lang, sessions=entries, calendar=CALENDAR_ALL)
        for entry in entries:
            files[f"{lang}/sessions/{entry['id']}.md"] = env.get_template(
                "site/session.md.j2").render(t=t, lang=lang, s=entry, rate=RATES[lang],
                                             calendar=CALENDAR_ALL)
    return files


def home_sessions(corpus: Corpus, lang: str, strings: dict) -> list[dict]:
    """The upcoming sessions, as the home page's opening block lists them."""
    return [session_entry(s, corpus, lang, strings) for s in upcoming(corpus)]
