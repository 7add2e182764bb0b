"""Printed matter and legacy pages (issue 17), one invented document per family.

Each `tests/data/print/NAME.txt` was degraded from a clean text the way extraction degrades
it (page furniture, notes at the page bottoms, hard wraps, mojibake); `NAME.yml` holds that
clean text and its metadata, written from the source, not from the cleaner's output. The
cleaner must give the body whole and in order, title and authors right, notes as notes,
and every piece of furniture gone and logged.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.analyze import find_metadata
from briefing.clean import clean
from briefing.footnotes import note_paragraph
from briefing.read import read_seed
from briefing.split import split

PRINT = Path(__file__).parent / "data" / "print"
NAMES = sorted(p.stem for p in PRINT.glob("*.txt"))


def read(name: str):
    """The expected reading, the cleaned seed and its one document."""
    expected = yaml.safe_load((PRINT / f"{name}.yml").read_text(encoding="utf-8"))
    cleaned = clean(read_seed(PRINT / f"{name}.txt"))
    [doc] = split(cleaned)
    return expected, cleaned, find_metadata(doc)


def test_there_is_a_document_for_each_family():
    assert NAMES == ["en-report", "en-web-mojibake", "zh-hk", "zh-journal"]


@pytest.mark.parametrize("name", NAMES)
def test_body_text_is_whole_and_in_order(name):
    expected, _, doc = read(name)
    assert [{"kind": p.kind, "text": p.text} for p in doc.paragraphs] == expected["paragraphs"]


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("zh")])
def test_traditional_text_is_kept_beside_the_simplified(name):
    expected, _, doc = read(name)
    assert [p.traditional for p in doc.paragraphs] == expected.get(
        "traditional", [None] * len(doc.paragraphs))


@pytest.mark.parametrize("name", NAMES)
def test_title_authors_and_publication(name):
    expected, _, doc = read(name)
    got = {"title": doc.title[doc.language], "authors": doc.authors, "date": doc.date,
           "publication": doc.publication, "issue": doc.issue}
    want = {key: expected.get(key) for key in ("title", "date", "publication", "issue")}
    assert got == {**want, "authors": expected.get("authors", [])}


@pytest.mark.parametrize("name", NAMES)
def test_notes_are_kept_as_notes_linked_to_their_markers(name):
    expected, _, doc = read(name)
    got = [{"marker": n.marker, "text": n.text, "paragraph": note_paragraph(n, doc.paragraphs)}
           for n in doc.notes]
    assert got == expected.get("notes", [])
    for note in doc.notes:  # the note's text is out of the body; its marker stays in it
        assert not any(note.text[:12] in p.text for p in doc.paragraphs)
        cited = next(p for p in doc.paragraphs if p.id == note_paragraph(note, doc.paragraphs))
        assert note.marker in cited.text


@pytest.mark.parametrize("name", NAMES)
def test_furniture_is_gone_and_logged(name):
    expected, cleaned, doc = read(name)
    logged = {(c.fixer, c.before) for c in cleaned.changes}
    for removed in expected.get("removed", []):
        assert (removed["fixer"], removed["line"]) in logged
        furniture = removed["line"].replace("\f", "").strip()
        assert not any(furniture in p.text for p in doc.paragraphs), furniture


@pytest.mark.parametrize("name", NAMES)
def test_doubts_are_flagged(name):
    expected, cleaned, _ = read(name)
    kinds = [(f.kind, f.span) for f in cleaned.flags
             if f.kind in ("undecided-hyphen", "note-without-marker", "marker-without-note")]
    assert kinds == [tuple(f) for f in expected.get("flags", [])]
