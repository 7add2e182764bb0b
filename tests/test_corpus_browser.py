"""The corpus pages in Chromium (issues 11 and 13): split pages open in both languages at a
desktop and a phone width, with real headings in the table of contents, pictures that
name their table, no sideways scrolling on a phone, and the links from document pages
leading to the new pages. Uses tests/test_browser.py's fixtures (one build per session)."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from test_browser import PREFIX, base_url, browser, page, site  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
#: Per language, the corpus pages to open: the indexes and one page of each series.
PAGES = {"zh": ["themes.html", "themes/large-models.html", "timeline.html",
                "timeline/2025.html", "glossary.html", "glossary/d.html", "figures.html"],
         "en": ["themes.html", "themes/large-models.html", "timeline.html",
                "timeline/2025.html", "glossary.html", "glossary/l.html", "figures.html"]}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_corpus_pages_have_headings_and_fit_the_screen(page, lang, width):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width])))
    for rel in PAGES[lang]:
        page.goto(f"{PREFIX[lang]}{rel}")
        assert page.locator("article h2").count() > 0, rel
        toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
        assert toc.count() == page.locator("article h2, article h3").count(), rel
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (rel, width, overflow)
        assert page.locator("article script").count() == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_picture_names_the_table_that_says_it_in_text(page, lang):
    for rel in ("themes.html", "timeline.html"):
        page.goto(f"{PREFIX[lang]}{rel}")
        picture = page.locator("article svg[role=group]")
        assert picture.count() == 1 and picture.is_visible(), rel
        assert picture.locator("title").first.text_content().strip()
        table = page.locator(f"table#{picture.get_attribute('aria-describedby')}")
        assert table.count() == 1 and table.locator("tbody tr").count() > 0
        assert picture.locator("circle").count() > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_theme_chip_leads_to_the_themes_page_and_the_original_is_a_click_away(page, lang):
    page.goto(f"{PREFIX[lang]}documents/002-cf7a6355ccf0b9a8-a6.html")
    chip = page.locator("a.briefing-theme").first
    name = chip.inner_text()
    chip.click()
    page.wait_for_url(lambda url: "/themes/" in urlsplit(url).path)
    assert page.locator("article h1").inner_text().strip().startswith(name.strip())
    original = page.locator("details.briefing-original").first
    assert original.count() == 1
    original.locator("summary").click()
    quote = original.locator("q")
    assert quote.is_visible()
    assert quote.get_attribute("lang") != page.locator("html").get_attribute("lang")
