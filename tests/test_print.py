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
from briefing.clean.footnotes import note_paragraph
from briefing.model import Seed
from briefing.read import read_seed
from briefing.script import detect_script, language_of
from briefing.split import split
from conftest import validate_corpus

DATA = Path(__file__).parent / "data"
PRINT = DATA / "print"
NAMES = sorted(p.stem for p in PRINT.glob("*.txt"))
CASES = yaml.safe_load((DATA / "print_cases.yml").read_text(encoding="utf-8"))
DOUBTS = ("undecided-hyphen", "note-without-marker", "marker-without-note")


def read(name: str):
    """The expected reading, the cleaned seed and its one document."""
    expected = yaml.safe_load((PRINT / f"{name}.yml").read_text(encoding="utf-8"))
    cleaned = clean(read_seed(PRINT / f"{name}.txt"))
    [doc] = split(cleaned)
    return expected, cleaned, find_metadata(doc)


def test_there_is_a_document_for_each_family():
    assert NAMES == ["en-report", "en-web-cp1252", "en-web-mojibake", "zh-hk", "zh-journal"]


@pytest.mark.parametrize("name", NAMES)
def test_each_page_is_read_in_its_encoding(name):
    # Windows-1252 is read as itself (not refused, not published as GB18030 nonsense); the
    # others are UTF-8.
    expected, cleaned, _ = read(name)
    assert cleaned.seed.encoding == expected.get("encoding", "utf-8")


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
    kinds = [(f.kind, f.span) for f in cleaned.flags if f.kind in DOUBTS]
    assert kinds == [tuple(f) for f in expected.get("flags", [])]


def test_page_boundaries_are_found_without_form_feeds_too():
    # The read stage may turn form feeds into paragraph breaks: the page numbers and the
    # running header still mark the pages, and the reading is the same.
    text = (PRINT / "zh-journal.txt").read_text(encoding="utf-8")
    seed = read_seed(PRINT / "zh-journal.txt")
    with_feeds = find_metadata(split(clean(seed))[0])
    seed.text = text.replace("\f", "\n")
    without = find_metadata(split(clean(seed))[0])
    assert "\f" in text
    assert [p.text for p in without.paragraphs] == [p.text for p in with_feeds.paragraphs]
    assert [n.text for n in without.notes] == [n.text for n in with_feeds.notes]
    assert (without.title, without.publication) == (with_feeds.title, with_feeds.publication)


def cleaned_blocks(text: str):
    script = detect_script(text)
    seed = Seed(path=Path("t.txt"), name="t.txt", id="t", text=text, encoding="utf-8",
                script=script, language=language_of(script))
    return clean(seed)


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_print_case(case):
    cleaned = cleaned_blocks(case["text"])
    assert [[b.kind, b.text] for b in cleaned.blocks] == case["expected"]
    assert [[f.kind, f.span] for f in cleaned.flags if f.kind in DOUBTS] == case.get("flags", [])


@pytest.fixture(scope="module")
def print_corpus(tmp_path_factory):
    """The four documents as a seeds folder of their own, analysed like any corpus."""
    from briefing.pipeline import analyse_corpus

    seeds = tmp_path_factory.mktemp("print-seeds")
    for name in NAMES:
        (seeds / f"{name}.txt").write_bytes((PRINT / f"{name}.txt").read_bytes())
    return analyse_corpus(seeds, cleaning=True)  # the report reads the cleaning records


def test_notes_are_in_corpus_json_by_the_schema(print_corpus):
    from briefing.render import render

    data = validate_corpus(render(print_corpus).__getitem__)
    notes = {d["id"]: [(n["marker"], n["paragraph"]) for n in d.get("notes", [])]
             for d in data["documents"]}
    assert notes == {"zh-journal": [("①", "p3"), ("②", "p4"), ("①", "p6")],
                     "en-report": [("[1]", "p1"), ("[2]", "p4")],
                     "en-web-cp1252": [], "en-web-mojibake": [], "zh-hk": []}


def test_notes_are_shown_on_the_page_and_in_the_pdf(print_corpus):
    from briefing.publish.pdf import digest_html
    from briefing.render import render

    files = render(print_corpus)
    doc = print_corpus.document("zh-journal")
    for lang in ("zh", "en"):
        page = files[f"{lang}/documents/zh-journal.md"]
        notes = page[page.index('<section class="briefing-notes"'):]
        assert all(n.text in notes for n in doc.notes)
        assert 'href="#p3"' in notes
        assert all(n.text not in page[:page.index('<section class="briefing-notes"')]
                   for n in doc.notes)
        html = digest_html(print_corpus, lang)
        assert all(n.text in html[html.index('<section class="notes"'):] for n in doc.notes)


def test_the_provenance_report_logs_every_removal_and_doubt(print_corpus):
    from briefing.report import report_lines

    report = "\n".join(report_lines(print_corpus))
    assert "en-report.txt:21: remove_page_number: 'Page 1 of 2'" in report
    assert "zh-journal.txt:22: remove_running_header:" in report
    assert "en-report.txt:36: flagged undecided-hyphen: 'co-ordination'" in report
    assert "zh-journal.txt:16: move_footnote_to_notes:" in report


def test_notes_of_a_compilation_stay_with_their_article():
    # No page boundary: the run of notes closes the first article, and the next article's
    # title and text are text again.
    text = ("中心组学习\n\n第 2 期\n\n推动我国新一代人工智能健康发展\t(7)\n"
            "我国生成式人工智能的发展现状与趋势\t(52)\n\n推动我国新一代人工智能健康发展\n\n"
            "人工智能是新一轮科技革命的重要驱动力量①。\n\n① 参见《求是》2024年第11期。\n\n"
            "我国生成式人工智能的发展现状与趋势\n\n生成式人工智能发展迅速。\n")
    first, second = split(cleaned_blocks(text))[1:]
    assert [(n.marker, n.text, note_paragraph(n, first.paragraphs)) for n in first.notes] == [
        ("①", "参见《求是》2024年第11期。", "p1")]
    assert [p.text for p in second.paragraphs] == ["生成式人工智能发展迅速。"]
    assert second.title["zh"] == "我国生成式人工智能的发展现状与趋势" and not second.notes
