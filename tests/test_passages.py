"""Shared passages: found across scripts and punctuation, linked both ways, located."""
from __future__ import annotations

from itertools import combinations

import pytest

from briefing import pipeline
from briefing.model import Document, Paragraph
from briefing.link.passages import MAX_DOCUMENTS, MIN_TOKENS, find_shared_passages, tokens
from briefing.script import convert
from conftest import SEEDS

CORPUS = pipeline.analyse_corpus(SEEDS)


def doc(doc_id: str, *texts: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", language="zh", script="Hans",
                    title={"zh": doc_id, "en": None},
                    paragraphs=[Paragraph(f"p{n}", "text", t, (n, n))
                                for n, t in enumerate(texts, start=1)])


def test_the_toutou_quote_is_linked_both_ways_and_located():
    by_id = {d.id: d for d in CORPUS.documents}
    news, speech = by_id["004-593e9b3dadb7e903"], by_id["002-cf7a6355ccf0b9a8-a2"]
    there = [l for l in news.links if l.kind == "shared-passage" and l.target == speech.id
             and "头雁" in l.passage]
    back = [l for l in speech.links if l.kind == "shared-passage" and l.target == news.id
            and "头雁" in l.passage]
    assert there and back
    # Each side names its own paragraph, and the wording stands there as printed.
    link = there[0]
    assert link.passage in next(p.text for p in news.paragraphs if p.id == link.paragraph)
    assert back[0].passage in next(p.text for p in speech.paragraphs
                                   if p.id == link.target_paragraph)
    assert "具有溢出带动性很强的" in link.passage


def test_found_across_scripts_and_punctuation_widths():
    a = doc("a", "他曾说，人工智能“具有溢出带动性很强的‘头雁’效应”，要抓住机遇。")
    # b was Traditional with half-width marks; the pipeline converts it before linking.
    b = doc("b", convert("人工智能具有溢出帶動性很強的\"頭雁\"效應,要抓住機遇。", "tw2s"))
    found = find_shared_passages([a, b])
    assert [(s.text_a, s.text_b) for s in found] == [
        ("人工智能“具有溢出带动性很强的‘头雁’效应”，要抓住机遇",
         '人工智能具有溢出带动性很强的"头雁"效应,要抓住机遇')]


def test_eleven_shared_characters_are_not_a_passage():
    a = doc("a", "甲乙丙丁一二三四五六七八九十子丑寅卯。")
    b = doc("b", "天地玄黄二三四五六七八九十子丑宇宙洪荒。")  # 11 in common
    assert find_shared_passages([a, b]) == []
    c = doc("c", "天地玄黄一二三四五六七八九十子丑宇宙洪荒。")  # 12 with a
    assert [s.text_a for s in find_shared_passages([a, c])] == ["一二三四五六七八九十子丑"]


def test_a_new_document_that_quotes_another_is_linked_without_code_change(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "speech.txt").write_text(
        "人工智能是引领这一轮科技革命和产业变革的战略性技术，具有溢出带动性很强的“头雁”效应。\n",
        encoding="utf-8")
    (seeds / "report.txt").write_text(
        "報道指出，人工智能“具有溢出帶動性很強的‘頭雁’效應”，各地加快布局。\n", encoding="utf-8")
    corpus = pipeline.analyse_corpus(seeds)
    links = {(d.id, l.target) for d in corpus.documents for l in d.links
             if l.kind == "shared-passage"}
    assert links == {("report", "speech"), ("speech", "report")}


def windows(document: Document) -> set[tuple]:
    found = set()
    for para in document.paragraphs:
        words = [t for t, _, _ in tokens(para.text)]
        found |= {tuple(words[i:i + MIN_TOKENS]) for i in range(len(words) - MIN_TOKENS + 1)}
    return found


def test_every_passage_two_seed_documents_share_is_linked_both_ways():
    # Brute force over all pairs (fine for a dozen documents) against the indexed search.
    docs = CORPUS.documents
    all_windows = {d.id: windows(d) for d in docs}
    spread: dict[tuple, int] = {}
    for found in all_windows.values():
        for w in found:
            spread[w] = spread.get(w, 0) + 1
    linked = {(d.id, l.target) for d in docs for l in d.links if l.kind == "shared-passage"}
    for a, b in combinations(docs, 2):
        common = {w for w in all_windows[a.id] & all_windows[b.id] if spread[w] <= MAX_DOCUMENTS}
        assert bool(common) == ((a.id, b.id) in linked) == ((b.id, a.id) in linked), (a.id, b.id)


@pytest.mark.parametrize("text", ["", "短句。", "A short English line."])
def test_short_or_empty_paragraphs_share_nothing(text):
    assert find_shared_passages([doc("a", text), doc("b", text)]) == []
