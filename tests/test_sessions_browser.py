"""The session pages in Chromium (fixtures of test_browser: the built site served on
localhost, nothing loaded from elsewhere, no failed request or script error)."""
from __future__ import annotations

import pytest

from briefing.pipeline import analyse_corpus
from briefing.render import load_strings
from briefing.sessions.pages import session_entry
from conftest import SEEDS
from test_browser import PREFIX, base_url, browser, h1_text, page, site  # noqa: F401

pytestmark = pytest.mark.browser
SESSIONS = analyse_corpus(SEEDS).sessions


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [1366, 390])
def test_a_session_page_leads_to_its_readings_and_handouts(page, lang, width):
    corpus = analyse_corpus(SEEDS)
    strings = load_strings()
    session = SESSIONS[0]
    entry = session_entry(session, corpus, lang, strings)
    page.set_viewport_size({"width": width, "height": 900})
    url = f"{PREFIX[lang]}sessions/{session.id}.html"
    page.goto(url)
    assert h1_text(page) == entry["title"]
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for reading in entry["readings"]:
        link = page.locator(f'article a[href^="../documents/{reading["id"]}.html"]')
        assert link.inner_text() == reading["title"] and link.is_visible()
    for edition, file_name in entry["handouts"]:
        link = page.locator(f'a[href="../pdf/sessions/{file_name}"]')
        assert link.inner_text() == strings[lang][f"session_handout_{edition}"]
        response = page.request.get(page.url.rsplit("/", 2)[0] + f"/pdf/sessions/{file_name}")
        assert response.ok and response.body()[:5] == b"%PDF-"
    # The first reading's link opens its document at the paragraph the range starts at.
    first = entry["readings"][0]
    page.locator(f'article a[href^="../documents/{first["id"]}.html"]').click()
    page.wait_for_load_state()
    assert f"documents/{first['id']}.html" in page.url
    if first["range"]:
        assert page.url.endswith(f"#{first['first']}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page_opens_with_the_planned_sessions(page, lang):
    strings = load_strings()
    page.goto(PREFIX[lang] + "index.html")
    heading = page.locator("article h2").first.inner_text()
    assert heading.startswith(strings[lang]["session_upcoming"])
    for session in (s for s in SESSIONS if s.status == "planned"):
        assert page.get_by_role("link", name=session.title[lang]).is_visible()
