"""Theme tagging: calibrated by density, with evidence, pinned on the seeds and on small
texts; theme pages show the passages that carry each theme."""
from __future__ import annotations

import pytest

from briefing import pipeline
from briefing.model import Document, Paragraph, Theme
from briefing.render import render
from briefing.analyze.themes import MAX_THEMES, tag_themes
from conftest import SEEDS
from briefing.publish.records import assemble

CORPUS = pipeline.analyse_corpus(SEEDS)
FILES = render(CORPUS)

#: The themes of each seed document, reviewed by reading it (the closing note gives the
#: evidence). 000's research-paradigm and low-altitude-economy come from its editorial file.
EXPECTED = {
    "000-80a0138ffffb83b7": {"large-models", "ai-plus", "industrial-upgrading",
                             "research-paradigm", "low-altitude-economy"},
    "001-2603e452646e1bca": {"computing-infrastructure", "security-governance-ethics",
                             "open-source-ecosystem", "large-models", "public-services"},
    "002-cf7a6355ccf0b9a8-a1": {"new-quality-productive-forces", "green-development",
                                "research-paradigm", "talent-education", "industrial-upgrading"},
    "002-cf7a6355ccf0b9a8-a2": {"security-governance-ethics", "public-services",
                                "talent-education", "research-paradigm"},
    "002-cf7a6355ccf0b9a8-a3": {"new-quality-productive-forces", "talent-education",
                                "green-development", "industrial-upgrading", "research-paradigm"},
    "002-cf7a6355ccf0b9a8-a4": {"computing-infrastructure", "large-models",
                                "open-source-ecosystem", "security-governance-ethics",
                                "public-services"},
    "002-cf7a6355ccf0b9a8-a5": {"new-quality-productive-forces", "ai-plus",
                                "security-governance-ethics", "talent-education",
                                "computing-infrastructure", "industrial-upgrading"},
    "002-cf7a6355ccf0b9a8-a6": {"large-models", "open-source-ecosystem", "data"},
    "002-cf7a6355ccf0b9a8-a7": {"large-models", "computing-infrastructure",
                                "open-source-ecosystem"},
    "003-c67a1687915d7e32": {"local-practice", "large-models", "talent-education",
                             "public-services", "computing-infrastructure"},
    "004-593e9b3dadb7e903": {"large-models", "open-source-ecosystem", "industrial-upgrading",
                             "local-practice", "security-governance-ethics",
                             "computing-infrastructure"},
}

THEMES = [
    Theme("security", {"zh": "安全", "en": "Security"}, {"zh": "", "en": ""},
          {"zh": ["安全", "治理"], "en": ["security", "governance"]}),
    Theme("low-altitude", {"zh": "低空经济", "en": "Low altitude"}, {"zh": "", "en": ""},
          {"zh": ["低空经济", "无人机"], "en": ["low-altitude economy", "drones"]}),
]


def doc(language: str, title: str, *texts: str) -> Document:
    return Document(id="d", source="d.txt", language=language, script="Hans",
                    title={language: title},
                    paragraphs=[Paragraph(f"p{n}", "text", t, (n, n))
                                for n, t in enumerate(texts, start=1)])


def test_the_seed_documents_carry_the_reviewed_themes():
    assert {d.id: set(d.themes) for d in CORPUS.documents} == EXPECTED


def test_no_document_has_more_than_the_maximum_of_automatic_themes():
    assert all(len(d.themes) <= MAX_THEMES for d in CORPUS.documents)
    assert all(set(d.theme_scores) == set(d.themes) for d in CORPUS.documents)


def test_a_theme_an_editor_adds_keeps_its_count_and_evidence():
    doc = next(d for d in CORPUS.documents if d.id == "000-80a0138ffffb83b7")
    assert doc.theme_scores["research-paradigm"] == 7
    assert doc.theme_scores["low-altitude-economy"] == 6
    assert doc.theme_evidence["low-altitude-economy"]


def test_every_automatic_theme_has_sentences_as_evidence():
    themes = {t.id: t for t in CORPUS.themes}
    for d in CORPUS.documents:
        paragraphs = {p.id: p.text for p in d.paragraphs}
        for theme_id in d.themes:
            evidence = d.theme_evidence[theme_id]
            assert evidence, (d.id, theme_id)
            for e in evidence:
                assert e.sentence in paragraphs[e.paragraph]
                assert e.phrases and all(p.lower() in e.sentence.lower() for p in e.phrases)
                assert {p.lower() for p in e.phrases} <= {
                    p.lower() for p in themes[theme_id].phrases[d.language]}


def test_a_few_mentions_in_a_long_text_do_not_make_a_theme():
    filler = "我们要坚持以人民为中心的发展思想，推动各项事业不断向前发展。" * 40
    text = filler + "要统筹发展和安全。" + filler + "完善治理体系，守住安全底线。"
    themes, scores, _ = tag_themes(doc("zh", "工作报告", text), THEMES)
    assert themes == [] and scores == {"security": 3}  # counted (for an editor), not tagged


def test_a_short_dense_text_carries_its_theme():
    themes, scores, evidence = tag_themes(doc(
        "zh", "工作报告", "发展低空经济。无人机物流成规模。低空经济产值增长。"), THEMES)
    assert themes == ["low-altitude"] and scores == {"low-altitude": 3}
    assert [e.sentence for e in evidence["low-altitude"]] == ["发展低空经济。", "无人机物流成规模。"]


def test_a_theme_in_the_title_needs_only_one_more_mention():
    long_text = "Many other matters were discussed at length by the delegates. " * 60
    text = long_text + "Drones were shown."
    assert tag_themes(doc("en", "A plan for the low-altitude economy", text), THEMES)[0] == \
        ["low-altitude"]
    assert tag_themes(doc("en", "A plan", text), THEMES)[0] == []


def test_english_phrases_are_whole_words_in_any_case():
    text = "Security matters. SECURITY and governance. Insecurity is not counted. Securityx."
    themes, scores, _ = tag_themes(doc("en", "Note", text), THEMES)
    assert scores == {"security": 3}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_theme_pages_show_the_passages_that_carry_each_theme(lang):
    # Each theme has a page of its own (briefing/render/corpus_pages.py), linked from the index.
    index = FILES[f"{lang}/themes.md"]
    for d in CORPUS.documents:
        for theme_id in d.themes:
            assert f'href="themes/{theme_id}.html"' in index
            page = FILES[f"{lang}/themes/{theme_id}.md"]
            for e in d.theme_evidence[theme_id]:
                assert f'<a href="../documents/{d.id}.html#{e.paragraph}">' in page
    # The theme of the 头雁 speech shows one of its sentences under it.
    section = FILES[f"{lang}/themes/security-governance-ethics.md"]
    assert "documents/002-cf7a6355ccf0b9a8-a2.html#" in section


def test_corpus_json_records_scores_and_evidence():
    import json
    data = assemble(FILES.__getitem__)
    record = next(d for d in data["documents"] if d["id"] == "002-cf7a6355ccf0b9a8-a6")
    assert record["theme_scores"]["large-models"] == 48
    assert record["theme_evidence"]["large-models"][0]["phrases"] == ["大模型"]
