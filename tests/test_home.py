"""The home page (issues 11 and 13): sessions, the latest documents as cards with type,
date, length and reading time, and an archive whose links lead to pages; its size and the
type pages' do not grow with the corpus (render only, no MkDocs, at 10,000 documents)."""
from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from briefing import pipeline  # noqa: E402
from briefing.render import home
from briefing.render.pages import reading_text  # noqa: E402
from briefing.render import environment, load_strings, render  # noqa: E402
from briefing.sessions.pages import reading_minutes, text_length, upcoming  # noqa: E402
from corpus_pages import CAP, derive  # noqa: E402

SEED = pipeline.analyse_corpus(ROOT / "seeds")
FILES = render(SEED)
CARD = re.compile(r'<li><p class="briefing-card-title"><a href="(?:\.\./)?documents/([\w-]+)'
                  r'\.html"[^>]*>.*?</a></p>\n<p class="briefing-card-facts">(.*?)</p></li>')


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_shows_sessions_then_the_latest_documents_as_cards(lang):
    page = FILES[f"{lang}/index.md"]
    for session in upcoming(SEED):
        assert f"sessions/{session.id}.md" in page
    cards = CARD.findall(page)
    latest = home.newest_first(SEED.pages())[:home.LATEST_SHOWN]
    assert [doc_id for doc_id, _ in cards] == [d.id for d in latest]
    t = load_strings()[lang]
    by_id = {d.id: d for d in SEED.pages()}
    for doc_id, facts in cards:
        doc = by_id[doc_id]
        length = sum(text_length(p["text"], lang) for p in reading_text(doc, lang))
        assert f"{length} {t['session_length_unit']}" in facts
        assert f"{reading_minutes(length, lang)} {t['session_minutes_unit']}" in facts
        assert (doc.date or t["card_no_date"]) in facts
        kind = "compilation" if doc.kind == "compilation" else SEED.document_types.get(doc_id)
        assert (t[f"session_type_{kind.replace('-', '_')}"] if kind
                else t["session_type_none"]) in facts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_archive_links_lead_to_generated_pages_and_every_document_has_a_type_page(lang):
    page = FILES[f"{lang}/index.md"]
    archive = page[page.index("{#archive}"):]
    links = re.findall(r'href="([^"]+)\.html"', archive)
    assert any(l.startswith("timeline/") for l in links)
    assert any(l.startswith("types/") for l in links)
    assert any(l.startswith("themes/") for l in links)
    for link in links:
        assert f"{lang}/{link}.md" in FILES, link
    listed = [doc_id for path, text in FILES.items() if path.startswith(f"{lang}/types/")
              for doc_id, _ in CARD.findall(text)]
    assert sorted(listed) == sorted(d.id for d in SEED.pages())  # each exactly once


def test_home_and_type_pages_stay_under_the_cap_at_10000_documents():
    large = derive(SEED, 10_000)
    large = replace(large, sessions=[], document_types={  # sessions read seed ids
        d.id: SEED.document_types[d.id.rsplit("-d", 1)[0]] for d in large.documents
        if d.id.rsplit("-d", 1)[0] in SEED.document_types})
    env, strings = environment(), load_strings()
    for lang in ("zh", "en"):
        files = home.type_pages(env, large, lang, strings)
        files[f"{lang}/timeline/2020.md"] = ""  # the archive links only pages that exist
        files[f"{lang}/index.md"] = home.home_page(env, large, lang, strings, files, "x.pdf")
        largest = max(files.items(), key=lambda kv: len(kv[1].encode("utf-8")))
        assert len(largest[1].encode("utf-8")) < CAP, largest[0]
        assert len(files[f"{lang}/index.md"].encode("utf-8")) < 30_000
        assert len(CARD.findall(files[f"{lang}/index.md"])) == home.LATEST_SHOWN


def test_a_cards_length_is_that_of_the_text_its_reader_reads(tmp_path):
    # reading_length (the cards) is reading_text's text, counted (the sessions' lengths).
    from briefing import pipeline
    from briefing.render.pages import reading_text
    from briefing.facts import reading_length, text_length
    corpus = pipeline.analyse_corpus(Path(__file__).resolve().parent.parent / "seeds")
    for doc in corpus.pages():
        for lang in ("zh", "en"):
            assert reading_length(doc, lang) == sum(
                text_length(p["text"], lang) for p in reading_text(doc, lang)) > 0
