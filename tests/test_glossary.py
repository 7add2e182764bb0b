"""The glossary: terms found in both languages, first use linked with a tooltip, a glossary
page listing where each term occurs, search segmentation fed from it, related documents by
shared terms."""
from __future__ import annotations

import json
import re

import pytest

from briefing import pipeline
from briefing.editorial import load_glossary
from briefing.analyze.glossary import TermMatcher
from briefing.link import find_related
from briefing.model import Document, Term, TermUse
from briefing.render import render
from conftest import SEEDS
from briefing.publish.records import assemble

CORPUS = pipeline.analyse_corpus(SEEDS)
FILES = render(CORPUS)
TERMS = [
    Term("llm", "大模型", "large model", {"zh": "注", "en": "note"},
         {"en": ["big model", "large-scale model"]}),
    Term("industry-llm", "行业大模型", "industry large model", {"zh": "", "en": ""}, {}),
    Term("ai-plus", "人工智能+", "AI+", {"zh": "", "en": ""},
         {"zh": ["人工智能＋"], "en": ["Artificial Intelligence+"]}),
]


def test_every_term_of_the_glossary_is_found_in_both_languages():
    """In the originals and in the edition's translations: every term occurs in Chinese
    text and in English text. Most do in the seeds themselves, English seeds included."""
    assert len(CORPUS.glossary) >= 30
    found = {"zh": set(), "en": set()}
    for d in CORPUS.documents:
        found[d.language] |= {u.term for u in d.terms}
    in_english_seeds = set(found["en"])
    for d in CORPUS.documents:
        target = "en" if d.language == "zh" else "zh"
        matcher = TermMatcher.of(CORPUS.glossary, target)
        for tr in d.translation.values():
            if tr.state == "current":
                found[target] |= {term for _, _, term in matcher.find(tr.text)}
    ids = {t.id for t in CORPUS.glossary}
    assert ids - found["zh"] == set()
    assert ids - found["en"] == set()
    assert len(in_english_seeds) >= 25


@pytest.mark.parametrize("text, expected", [
    ("行业大模型和大模型", [("行业大模型", "industry-llm"), ("大模型", "llm")]),
    ("“人工智能+”行动与人工智能＋制造", [("人工智能+", "ai-plus"), ("人工智能＋", "ai-plus")]),
    ("人工智能发展", []),
])
def test_chinese_terms_longest_first(text, expected):
    found = TermMatcher(TERMS, "zh").find(text)
    assert [(text[s:e], t) for s, e, t in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("Big models and a large-scale model", [("Big models", "llm"), ("large-scale model", "llm")]),
    ("an industry large\nmodel", [("industry large\nmodel", "industry-llm")]),
    ('the "Artificial Intelligence+" action and AI+', [
        ("Artificial Intelligence+", "ai-plus"), ("AI+", "ai-plus")]),
    ("bigmodels, large modelling, LARGE MODELS", [("LARGE MODELS", "llm")]),
])
def test_english_terms_whole_words_any_case_plural_variants(text, expected):
    found = TermMatcher(TERMS, "en").find(text)
    assert [(text[s:e], t) for s, e, t in found] == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_first_use_on_a_page_links_to_the_glossary_with_a_tooltip(lang):
    doc = next(d for d in CORPUS.documents if d.id == "004-593e9b3dadb7e903")
    page = FILES[f"{lang}/documents/{doc.id}.md"]
    links = re.findall(r'<a class="briefing-term" href="\.\./glossary/[a-z]+\.html#([\w-]+)" '
                       r'title="([^"]*)">([^<]*)</a>', page)
    # The terms of the text the reader reads: the original, or its translation.
    matcher = TermMatcher.of(CORPUS.glossary, lang)
    uses = [(u.paragraph, u.term) for u in doc.terms] if lang == doc.language else [
        (p.id, term) for p in doc.paragraphs if p.kind == "text"
        for _, _, term in matcher.find(doc.translation[p.id].text)]
    assert sorted(t for t, _, _ in links) == sorted({t for _, t in uses})  # each once, all
    terms = {t.id: t for t in CORPUS.glossary}
    for term_id, title, text in links:
        # The tooltip is an attribute, which cannot mark a language: the reader's only.
        assert getattr(terms[term_id], lang) in title
        assert [found for _, _, found in matcher.find(text)] == [term_id]
        first = next(paragraph for paragraph, t in uses if t == term_id)
        paragraph = page.split(f'id="{first}"')[1].split("</p>")[0]
        assert re.search(rf'glossary/[a-z]+\.html#{term_id}"', paragraph), paragraph


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_glossary_page_lists_each_term_and_where_it_occurs(lang):
    # One page per letter (briefing/render/corpus_pages.py); each term a heading with its id.
    page = "".join(text for path, text in FILES.items() if path.startswith(f"{lang}/glossary/"))
    for term in CORPUS.glossary:
        heading = re.search(rf"^## .* \{{#{re.escape(term.id)}( [^}}]*)?\}}$", page, re.M)
        assert heading, term.id
        section = page[heading.end():].split("\n## ")[0]
        for d in CORPUS.documents:
            uses = [u for u in d.terms if u.term == term.id]
            if uses:
                assert f'documents/{d.id}.html#{uses[0].paragraph}"' in section
                assert f"({len(uses)})" in section


def test_the_search_dictionary_holds_the_chinese_terms():
    words = {line.split()[0] for line in FILES["jieba-userdict.txt"].splitlines()}
    assert {"新质生产力", "具身智能", "行业大模型", "智能算力"} <= words
    assert all(t.zh in words for t in CORPUS.glossary if re.fullmatch(r"[\u4e00-\u9fff]+", t.zh))


def test_corpus_json_lists_the_glossary_and_each_documents_terms():
    data = assemble(FILES.__getitem__)
    assert [t["id"] for t in data["glossary"]] == [t.id for t in CORPUS.glossary]
    record = next(d for d in data["documents"] if d["id"] == "003-c67a1687915d7e32")
    terms = {t["id"]: t for t in record["terms"]}
    # "intelligent bodies": the machine translation's 智能体.
    assert terms["intelligent-agent"]["count"] >= 1
    assert terms["large-model"]["count"] >= 20


def test_editors_glossary_problems_name_file_and_line(tmp_path):
    (tmp_path / "glossary.yml").write_text(
        "terms:\n  - id: a\n    zh: 甲\n    en: A\n    note: {zh: 注, en: note}\n"
        "  - id: a\n    zh: 乙\n    note: {zh: 注, en: note}\n    rendering: B\n",
        encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_glossary(tmp_path)
    messages = [str(p) for p in info.value.problems]
    assert any("glossary.yml:6" in m and "used twice" in m for m in messages), messages
    assert any("glossary.yml:9" in m and "unknown key 'rendering'" in m for m in messages)
    assert any("needs the key 'en'" in m for m in messages)


def _doc(doc_id: str, themes: list[str], terms: list[str]) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", language="zh", script="Hans",
                    title={"zh": doc_id}, themes=themes,
                    terms=[TermUse(t, "p1", 0, 1) for t in terms])


def test_related_by_shared_terms_and_common_terms_do_not_count():
    docs = [_doc("a", [], ["common", "t1", "t2", "t3", "t4", "t5"]),
            _doc("b", [], ["common", "t1", "t2", "t3", "t4", "t5"]),
            _doc("c", [], ["common", "t1", "t2", "t3", "t4"]),
            _doc("d", ["x"], ["common"])] + [_doc(f"other{n}", [], ["common"]) for n in range(3)]
    related = find_related(docs)
    # "common" is in every document: it says nothing. a and b share five terms found in at
    # most half the documents; c shares four with each (below the bar); d nothing that counts.
    assert [(l.target, l.terms) for l in related["a"]] == [("b", ["t1", "t2", "t3", "t4", "t5"])]
    assert related["c"] == [] and related["d"] == []
    assert "shared terms: t1, t2, t3, t4, t5" in related["a"][0].note


def test_related_by_themes_and_terms_together():
    docs = [_doc("a", ["x", "y"], ["t1"]), _doc("b", ["x", "y"], ["t1"]), _doc("c", ["x"], []),
            _doc("d", [], []), _doc("e", [], [])]
    assert [(l.target, l.themes, l.terms) for l in find_related(docs)["a"]] == [
        ("b", ["x", "y"], ["t1"])]
