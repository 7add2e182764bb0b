"""Reading a document in Chromium (issue 11), in both languages, at a laptop's width (1366
px) and a phone's (390 px): paragraph numbers a reader can see, click and copy; the
language switch keeping the paragraph; side by side using the width or stacking; a
compilation's articles as a list, with previous/next between them; the editors' block
at the end, out of the reading flow.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from test_browser import PREFIX, base_url, browser, site  # noqa: F401 - fixtures
from briefing.publish.records import load_corpus

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1366, "phone": 390}
COMPILATION = "002-cf7a6355ccf0b9a8"
#: A Chinese original with its English translation, and an English original.
DOCUMENTS = {"zh": "004-593e9b3dadb7e903", "en": "003-c67a1687915d7e32"}


@pytest.fixture(params=list(WIDTHS))
def page(request, browser, base_url):  # noqa: F811 - one per width
    context = browser.new_context(base_url=base_url,
                                  viewport={"width": WIDTHS[request.param], "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.width = request.param
    yield page
    context.close()


@pytest.fixture(scope="module")
def corpus(site):  # noqa: F811
    return {d["id"]: d for d in (lambda c: c["documents"] + c["compilations"])(
        load_corpus(site))}


def text_ids(corpus, doc_id):
    return [p["id"] for p in corpus[doc_id]["paragraphs"] if p["kind"] == "text"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("original", ["zh", "en"])
def test_every_paragraph_shows_its_number_as_a_link_to_itself(page, corpus, lang, original):
    doc_id = DOCUMENTS[original]
    page.goto(f"{PREFIX[lang]}documents/{doc_id}.html")
    numbers = page.locator("article a.briefing-pnum")
    ids = text_ids(corpus, doc_id)
    assert numbers.count() == len(ids) > 3
    for index in (0, len(ids) // 2, len(ids) - 1):
        number, pid = numbers.nth(index), ids[index]
        assert number.is_visible()
        assert number.inner_text() == pid[1:]
        assert number.get_attribute("href") == f"#{pid}"
        label = number.get_attribute("aria-label")
        assert pid[1:] in label and len(label) > len(pid)
        # The number stands beside its paragraph, not over it.
        box = number.bounding_box()
        para = page.locator(f"#{pid}").bounding_box()
        assert box["x"] + box["width"] <= para["x"] + 1 and abs(box["y"] - para["y"]) < 24
    ids_middle = ids[len(ids) // 2]
    numbers.nth(len(ids) // 2).click()
    assert urlsplit(page.url).fragment == ids_middle
    assert page.locator(f"#{ids_middle}").evaluate("p => p.matches(':target')")


@pytest.mark.parametrize("start, target", [("zh", "en"), ("en", "zh")])
def test_switching_language_keeps_the_paragraph(page, corpus, start, target):
    doc_id = DOCUMENTS["zh"]
    pid = text_ids(corpus, doc_id)[4]
    # As in test_browser: the other site's sitemap never answers, the worst order.
    page.route(lambda url: urlsplit(url).path == "/sitemap.xml", lambda route: None)
    page.goto(f"{PREFIX[start]}documents/{doc_id}.html#{pid}")
    page.locator(".md-header .md-select button").click()
    page.locator(f"a.md-select__link[hreflang={target}]").click()
    page.wait_for_url(lambda url: urlsplit(url).path.startswith(PREFIX[target] + "documents/")
                      if target == "en" else not urlsplit(url).path.startswith("/en/"))
    address = urlsplit(page.url)
    assert address.path == f"{PREFIX[target]}documents/{doc_id}.html"
    assert address.fragment == pid
    assert page.locator("html").get_attribute("lang") == target
    assert page.locator(f"#{pid}").is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_side_by_side_uses_the_width_or_stacks(page, lang):
    doc_id = DOCUMENTS["zh" if lang == "en" else "en"]  # a translated page
    page.goto(f"{PREFIX[lang]}documents/{doc_id}.html")
    page.locator("label[for=briefing-side-by-side]").click()
    pairs = page.locator("article .briefing-pair:has(.briefing-other)")
    assert pairs.count() > 3
    for index in range(min(pairs.count(), 6)):
        main = pairs.nth(index).locator(".briefing-para").bounding_box()
        other = pairs.nth(index).locator(".briefing-other").bounding_box()
        if page.width == "desktop":
            # Two real columns: each wider than the 330 px the issue measured, side by side.
            assert main["width"] > 400 and other["width"] > 400, index
            assert abs(main["y"] - other["y"]) < 1 and other["x"] >= main["x"] + main["width"]
        else:
            # Stacked: the other language under the reader's, nearly the screen's width.
            assert other["y"] >= main["y"] + main["height"] - 1, index
            assert main["width"] > 250 and other["width"] > 250, index
    if page.width == "desktop":
        assert not page.locator(".md-sidebar--secondary").is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_compilation_lists_its_articles(page, corpus, lang):
    page.goto(f"{PREFIX[lang]}documents/{COMPILATION}.html")
    items = page.locator("article ol.briefing-parts > li")
    parts = corpus[COMPILATION]["parts"]
    assert items.count() == len(parts) == 7
    hrefs = items.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs == [f"../documents/{p}.html" for p in parts]
    boxes = [items.nth(i).bounding_box() for i in range(items.count())]
    assert all(b["y"] > a["y"] for a, b in zip(boxes, boxes[1:]))  # one under another


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_articles_lead_to_the_previous_and_next_ones(page, corpus, lang):
    parts = corpus[COMPILATION]["parts"]
    page.goto(f"{PREFIX[lang]}documents/{parts[0]}.html")
    nav = page.locator("article nav.briefing-sequence")
    assert nav.locator("a[rel=prev]").count() == 0  # the first has no previous one
    for here, there in zip(parts, parts[1:]):
        following = nav.locator("a[rel=next]")
        title = corpus[there]["title"][lang] or corpus[there]["title"]["zh"]
        assert title in following.inner_text()
        following.click()
        page.wait_for_url(lambda url: url.endswith(f"/{there}.html"))
        previous = nav.locator("a[rel=prev]")
        assert previous.get_attribute("href") == f"../documents/{here}.html"
        if there != parts[-1]:
            a, b = previous.bounding_box(), nav.locator("a[rel=next]").bounding_box()
            if page.width == "desktop":
                assert abs(a["y"] - b["y"]) < 1 and b["x"] > a["x"]  # side by side
            else:
                assert b["y"] >= a["y"] + a["height"] - 1  # one above the other
    assert nav.locator("a[rel=next]").count() == 0  # the last has no next one


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_editors_block_closes_the_page(page, lang):
    page.goto(f"{PREFIX[lang]}documents/{DOCUMENTS['zh']}.html")
    block = page.locator("article details.briefing-editors")
    assert block.count() == 1
    assert not block.evaluate("d => d.open")
    # Nothing of the text comes after it.
    assert block.evaluate("d => [...d.parentElement.querySelectorAll('.briefing-para')]"
                          ".every(p => p.compareDocumentPosition(d) & 4)")
    assert page.locator("article .briefing-pair").last.bounding_box()["y"] < \
        block.bounding_box()["y"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_english_is_ragged_right_and_chinese_justified(page, lang):
    """Justified English without hyphenation leaves rivers (Chromium on Linux has no
    hyphenation dictionaries); Chinese justifies cleanly, character by character."""
    page.goto(f"{PREFIX[lang]}documents/{DOCUMENTS['zh']}.html")
    aligns = page.locator("article .briefing-para").evaluate_all(
        "ps => ps.map(p => [p.lang, getComputedStyle(p).textAlign])")
    assert {a for l, a in aligns if l == "en"} <= {"start", "left"}
    assert {a for l, a in aligns if l.startswith("zh")} <= {"justify"}
    assert {l for l, _ in aligns} == {"zh-Hans" if lang == "zh" else "en"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_glossary_definition_shows_on_keyboard_focus(page, lang):
    """Material's tooltips (content.tooltips) show a term's rendering and note when its link
    has the focus, as on hover; a tap (or Enter) leads to the glossary entry."""
    page.goto(f"{PREFIX[lang]}documents/{DOCUMENTS['zh']}.html")
    term = page.locator("article a.briefing-term").first
    note = term.get_attribute("title")
    assert note and len(note) > 20
    term.focus()
    tooltip = page.locator("[role=tooltip].md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == note
    box, link = tooltip.bounding_box(), term.bounding_box()
    assert box["width"] > 150 and box["x"] >= 0 and box["x"] + box["width"] <= {
        "desktop": 1366, "phone": 390}[page.width]
    assert abs(box["y"] - (link["y"] + link["height"])) < 40  # under the term
    term.press("Enter")
    page.wait_for_url(lambda url: "/glossary/" in url)
    assert page.locator(f"#{urlsplit(page.url).fragment}").is_visible()
