"""What a build makes of the study sessions (issue #10), in the project copy that
conftest's `built_project` builds once: the pages (real MkDocs, both languages), each
handout's text, fonts, tags, bookmarks and running headers, and the calendars."""
from __future__ import annotations

import re

import icalendar
import pytest
from pypdf import PdfReader

from briefing.pipeline import analyse_corpus
from briefing.render import load_strings
from briefing.sessions.calendar import calendar
from briefing.sessions.handout import bilingual_paragraphs
from briefing.sessions.pages import EDITIONS, handout_name, session_entry
from conftest import SEEDS
from test_build import pdf_fonts


@pytest.fixture(scope="module")
def corpus():
    return analyse_corpus(SEEDS)


def flat(text: str) -> str:
    """Text as compared with what a PDF gives back: no white space, no hyphens (English
    is hyphenated at line ends)."""
    return re.sub(r"[\s\-\u2010\u00ad]", "", text)


def handout_path(site, session_id, edition):
    folder = site / "en" if edition == "en" else site
    return folder / "pdf" / "sessions" / handout_name(session_id, edition)


def test_session_pages_in_both_languages(built_project, corpus):
    site = built_project / "site"
    for lang, root in (("zh", site), ("en", site / "en")):
        listing = (root / "sessions.html").read_text(encoding="utf-8")
        home = (root / "index.html").read_text(encoding="utf-8")
        for session in corpus.sessions:
            page = (root / "sessions" / f"{session.id}.html").read_text(encoding="utf-8")
            assert f'href="sessions/{session.id}.html"' in listing
            # Planned sessions open the home page, before the list of documents.
            if session.status == "planned":
                assert home.index(f'sessions/{session.id}.html') < home.index('documents/')
            for reading in session.readings:
                assert f'href="../documents/{reading.document}.html' in page
            for edition in ("zh" if lang == "zh" else "en", "bilingual"):
                assert f'href="../pdf/sessions/{handout_name(session.id, edition)}"' in page
                assert handout_path(site, session.id, edition).is_file()
            assert (root / "calendar" / f"{session.id}.ics").is_file()


def edition_cases():
    corpus = analyse_corpus(SEEDS)
    return [(s.id, e) for s in corpus.sessions for e in EDITIONS]


@pytest.fixture(scope="module")
def handouts(built_project):
    """Each handout read once: {(session id, edition): (reader, pages' text)}."""
    cache = {}

    def read(session_id, edition):
        if (session_id, edition) not in cache:
            reader = PdfReader(handout_path(built_project / "site", session_id, edition))
            cache[session_id, edition] = reader, [p.extract_text() for p in reader.pages]
        return cache[session_id, edition]
    return read


@pytest.mark.parametrize("session_id, edition", edition_cases())
def test_handout_holds_every_reading_in_its_languages(handouts, corpus, session_id, edition):
    session = next(s for s in corpus.sessions if s.id == session_id)
    reader, pages = handouts(session_id, edition)
    text = flat("".join(pages))
    strings = load_strings()
    languages = ("zh", "en") if edition == "bilingual" else (edition,)
    for lang in languages:
        entry = session_entry(session, corpus, lang, strings)
        for reading in entry["readings"]:
            assert flat(reading["title"]) in text, (lang, reading["title"])
            first = reading["paragraphs"][0]["text"]
            assert flat(first)[:40] in text, (lang, first[:40])
        for question in entry["discussion"]:
            assert flat(question)[:30] in text
    if edition == "bilingual":  # both languages of every paragraph, original then translation
        for reading in session.readings:
            for pair in bilingual_paragraphs(corpus.document(reading.document), reading):
                assert flat(pair["text"])[:20] in text
                assert pair["translation"] and flat(pair["translation"])[:20] in text


@pytest.mark.parametrize("session_id, edition", edition_cases())
def test_handout_is_tagged_with_bookmarks_headers_and_embedded_fonts(handouts, corpus,
                                                                   session_id, edition):
    session = next(s for s in corpus.sessions if s.id == session_id)
    reader, pages = handouts(session_id, edition)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged
    assert str(root["/Lang"]) == ("en" if edition == "en" else "zh-Hans")
    lang = "en" if edition == "en" else "zh"
    entry = session_entry(session, corpus, lang, load_strings())
    assert reader.metadata.title.startswith(entry["title"])
    titles = [f"{r['number'] if 'number' in r else n}. {r['title']}"
              for n, r in enumerate(entry["readings"], 1)]
    outline = [flat(item.title) for item in flatten(reader.outline)]
    for title in titles:
        assert flat(title) in outline, (title, outline)
    # Running headers: after the cover and the contents, a reading's title stands in its
    # heading once and in the header of each of its pages: at least twice.
    body = flat("".join(pages[2:]))
    for title in titles:
        assert body.count(flat(title)) >= 2, title
    fonts = pdf_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert any("CJK" in name for name in fonts)
    if edition != "zh":
        assert any("Liberation" in name for name in fonts), fonts


def flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def test_calendars_parse_back_and_do_not_depend_on_the_clock(built_project, corpus):
    strings = load_strings()
    for lang, root in (("zh", built_project / "site"), ("en", built_project / "site" / "en")):
        data = (root / "calendar" / "sessions.ics").read_bytes()
        cal = icalendar.Calendar.from_ical(data)
        events = list(cal.walk("VEVENT"))
        assert [str(e["uid"]) for e in events] == [f"{s.id}@sessions.briefing"
                                                  for s in corpus.sessions]
        for ev, session in zip(events, corpus.sessions):
            assert ev.decoded("dtstart").isoformat() == f"{session.date}T{session.time}:00"
            assert str(ev["summary"]) == session.title[lang]
            assert ev.decoded("dtstamp").date().isoformat() == session.date
        assert calendar(corpus.sessions, corpus, lang, strings) == data
