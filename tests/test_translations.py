"""The curated bilingual edition: paragraph-aligned translations keyed by source hashes,
stale detection in check and on the page, the terminology check, review status, the
editorial schema, and `build.py new`."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.errors import EditorialError
from briefing.model import source_hash
from briefing.render import render
from briefing.review import release_findings
from briefing.scaffold import scaffold, translation_yaml
from conftest import run_cli

ZH = "学习材料\n\n第一段讲大模型的发展。\n\n第二段讲算力的布局。\n\n第三段讲人才的培养。\n"
EN = "Study notes\n\nThe first paragraph is about big models.\n\nThe second is about talent.\n"
GLOSSARY = ("terms:\n"
            "  - id: large-model\n    zh: 大模型\n    en: large model\n"
            "    variants: {en: [big model]}\n    note: {zh: 注, en: note}\n"
            "  - id: computing-power\n    zh: 算力\n    en: computing power\n"
            "    note: {zh: 注, en: note}\n")
ZH_EN = {"p1": "The first paragraph is about the development of large models.",
         "p2": "The second paragraph is about the layout of computing power.",
         "p3": "The third paragraph is about training talent."}
EN_ZH = {"p1": "第一段讲大模型。", "p2": "第二段讲人才。"}
REVIEWED = "review: {status: reviewed, reviewer: 编辑部, date: 2026-11-23}\n"
#: The reviewer's English, as the project's own names file has it (check lists a name
#: shown untranslated).
NAMES = "organisations:\n  - {zh: 编辑部, en: Editorial desk}\n"


def project(tmp_path: Path, zh: str = ZH) -> Path:
    seeds = tmp_path / "seeds"
    (seeds / "editorial").mkdir(parents=True)
    (seeds / "translations").mkdir()
    (seeds / "zh.txt").write_text(zh, encoding="utf-8")
    (seeds / "en.txt").write_text(EN, encoding="utf-8")
    (seeds / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (seeds / "names.yml").write_text(NAMES, encoding="utf-8")
    return seeds


def translate(seeds: Path, doc_id: str, texts: dict[str, str]) -> Path:
    corpus = pipeline.analyse_corpus(seeds)
    doc = next(d for d in corpus.documents if d.id == doc_id)
    path = seeds / "translations" / f"{doc_id}.yml"
    path.write_text(translation_yaml(doc, texts), encoding="utf-8")
    return path


def released(tmp_path: Path) -> Path:
    """Both documents translated and reviewed: a corpus ready for release."""
    seeds = project(tmp_path)
    translate(seeds, "zh", ZH_EN)
    translate(seeds, "en", EN_ZH)
    for doc_id in ("zh", "en"):
        (seeds / "editorial" / f"{doc_id}.yml").write_text(REVIEWED, encoding="utf-8")
    return seeds


def check(seeds: Path, tmp_path: Path):
    out = tmp_path / "docs"
    assert run_cli("generate", "--seeds", str(seeds), "--out", str(out)).returncode == 0
    return run_cli("check", "--strict", "--seeds", str(seeds), "--docs", str(out))


def test_a_translated_reviewed_corpus_passes_check_strict(tmp_path):
    seeds = released(tmp_path)
    result = check(seeds, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ready for release" in result.stdout
    corpus = pipeline.analyse_corpus(seeds)
    assert all(t.state == "current" for d in corpus.documents for t in d.translation.values())


def test_changing_one_source_paragraph_makes_exactly_its_translation_stale(tmp_path):
    seeds = released(tmp_path)
    (seeds / "zh.txt").write_text(ZH.replace("第二段讲算力的布局。", "第二段讲算力的总体布局。"),
                                  encoding="utf-8")
    corpus = pipeline.analyse_corpus(seeds)
    doc = next(d for d in corpus.documents if d.id == "zh")
    assert {p: t.state for p, t in doc.translation.items()} == {
        "p1": "current", "p2": "stale", "p3": "current"}

    # check: one line, naming the translation file and the entry's line, and what to do.
    result = check(seeds, tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    entry_line = (seeds / "translations" / "zh.yml").read_text(encoding="utf-8").split(
        "\n").index("  - id: p2") + 1
    assert lines == [f"Error: {seeds}/translations/zh.yml:{entry_line}: paragraph p2 of zh "
                     f"changed since it was translated (source {source_hash('第二段讲算力的布局。')}, "
                     f"now {source_hash('第二段讲算力的总体布局。')}); update the translation, "
                     f"then set source: {source_hash('第二段讲算力的总体布局。')}"]

    # The page: the stale translation is shown flagged, with the current original after
    # it; the others are current and unflagged. Nothing is dropped.
    page = render(corpus)["en/documents/zh.md"]
    pairs = re.findall(r'<div class="briefing-pair briefing-(\w+)">(.*?)</div>', page, re.S)
    assert [state for state, _ in pairs] == ["current", "stale", "current"]
    stale = pairs[1][1]
    assert "Translation to be updated" in stale
    assert ZH_EN["p2"] in stale and "第二段讲算力的总体布局。" in stale
    assert "Translation to be updated" not in pairs[0][1] + pairs[2][1]
    # The Chinese page (the original) flags the translation beside p2 only.
    zh_page = render(corpus)["zh/documents/zh.md"]
    assert zh_page.count('class="briefing-flag briefing-flag-other"') == 1


def test_a_moved_paragraph_keeps_its_translation_and_a_new_one_is_missing(tmp_path):
    seeds = released(tmp_path)
    (seeds / "zh.txt").write_text(ZH.replace("第一段讲大模型的发展。\n\n",
                                             "第一段讲大模型的发展。\n\n新加的一段。\n\n"),
                                  encoding="utf-8")
    doc = next(d for d in pipeline.analyse_corpus(seeds).documents if d.id == "zh")
    assert {p: (t.state, t.text) for p, t in doc.translation.items()} == {
        "p1": ("current", ZH_EN["p1"]), "p2": ("missing", None),
        "p3": ("current", ZH_EN["p2"]), "p4": ("current", ZH_EN["p3"])}


def test_a_removed_paragraphs_translation_is_listed_not_lost(tmp_path):
    seeds = released(tmp_path)
    (seeds / "zh.txt").write_text(ZH.replace("第三段讲人才的培养。\n", ""), encoding="utf-8")
    corpus = pipeline.analyse_corpus(seeds)
    messages = [m for _, _, m in release_findings(corpus)]
    assert messages == ["the translation of p3 matches no paragraph of zh (its source text is "
                        "gone); move it to its paragraph or remove it"]


@pytest.mark.parametrize("doc_id, texts, expected", [
    ("zh", {**ZH_EN, "p1": "The first paragraph is about big models."},
     "paragraph p1 of zh uses '大模型' but its translation does not have the glossary's "
     "rendering 'large model' (large-model)"),
    ("en", {**EN_ZH, "p1": "第一段讲模型。"},
     "paragraph p1 of en uses 'large model' but its translation does not have the glossary's "
     "rendering '大模型' (large-model)"),
])
def test_terminology_misses_are_listed_both_ways(tmp_path, doc_id, texts, expected):
    seeds = released(tmp_path)
    translate(seeds, doc_id, texts)
    findings = release_findings(pipeline.analyse_corpus(seeds))
    assert [(Path(f).name, m) for f, line, m in findings] == [(f"{doc_id}.yml", expected)]
    assert findings[0][1] is not None  # the entry's line


def test_documents_not_reviewed_are_listed(tmp_path):
    seeds = released(tmp_path)
    (seeds / "editorial" / "en.yml").write_text("review: {status: draft}\n", encoding="utf-8")
    findings = release_findings(pipeline.analyse_corpus(seeds))
    assert [(Path(f).name, m.split(";")[0]) for f, _, m in findings] == [
        ("en.yml", "en is not reviewed (review status: draft)")]


@pytest.mark.parametrize("rel, content, message", [
    ("editorial/zh.yml", "key_points:\n" + "  - {zh: 甲, en: A}\n" * 7,
     "zh.yml:1: key_points must be a list of 3 to 6 items"),
    ("editorial/zh.yml", "questions: [{zh: 甲, en: A}]\n",
     "zh.yml:1: questions must be a list of 2 to 4 items"),
    ("editorial/zh.yml", "review: {status: done}\n", "zh.yml:1: review.status must be one of"),
    ("editorial/zh.yml", "review: {status: reviewed, date: 2026-11-23}\n",
     "zh.yml:1: review.reviewer must be a non-empty text"),
    ("editorial/zh.yml", "review: {status: approved, reviewer: A, date: soon}\n",
     "zh.yml:1: review.date must be a date"),
    ("editorial/zh.yml", "terms: {remove: [no-such-term]}\n",
     "zh.yml:1: unknown glossary term id 'no-such-term'"),
    ("translations/zh.yml", "language: zh\nparagraphs: []\n",
     "zh.yml:1: language is 'zh', the language of the original"),
    ("translations/zh.yml", "language: en\nparagraphs:\n  - {id: p1, source: abc, "
                            "provenance: editor, text: x}\n",
     "zh.yml:3: source must be the 12-character hash"),
    ("translations/zh.yml", "language: en\nparagraphs:\n  - {id: p1, source: 0123456789ab, "
                            "provenance: machine, text: x}\n",
     "zh.yml:3: provenance must be one of editor, reviewed"),
    ("translations/zh.yml", "language: en\nparagraphs:\n"
                            "  - {id: p1, source: 0123456789ab, provenance: editor}\n"
                            "  - {id: p1, source: 0123456789ab, provenance: editor}\n",
     "zh.yml:4: paragraph p1 is translated twice"),
    ("translations/nobody.yml", "language: en\nparagraphs: []\n",
     "nobody.yml: there is no document 'nobody'"),
])
def test_bad_editorial_and_translation_files_name_file_and_line(tmp_path, rel, content,
                                                                 message):
    seeds = project(tmp_path)
    (seeds / rel).write_text(content, encoding="utf-8")
    with pytest.raises(EditorialError) as info:
        pipeline.analyse_corpus(seeds)
    assert any(message in str(p) for p in info.value.problems), info.value.problems


def test_new_scaffolds_files_that_load_and_never_overwrites(tmp_path):
    seeds = project(tmp_path)
    kept = seeds / "editorial" / "en.yml"
    kept.write_text("# mine\n" + REVIEWED, encoding="utf-8")
    result = run_cli("new", "zh.txt", "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and (seeds / "translations" / "zh.yml").exists()
    result = run_cli("new", "en.txt", "--seeds", str(seeds))
    assert f"kept the existing {kept}" in result.stdout
    assert kept.read_text(encoding="utf-8") == "# mine\n" + REVIEWED
    before = (seeds / "translations" / "zh.yml").read_text(encoding="utf-8")
    run_cli("new", "zh.txt", "--seeds", str(seeds))
    assert (seeds / "translations" / "zh.yml").read_text(encoding="utf-8") == before
    # What it wrote loads, says what analysis found, and leaves every paragraph missing.
    corpus = pipeline.analyse_corpus(seeds)
    zh = next(d for d in corpus.documents if d.id == "zh")
    assert [t.state for t in zh.translation.values()] == ["missing"] * 3
    assert "# glossary terms found: computing-power, large-model" in (
        seeds / "editorial" / "zh.yml").read_text(encoding="utf-8")
    assert run_cli("new", "absent.txt", "--seeds", str(seeds)).returncode == 1


def test_scaffold_of_a_compilation_covers_its_articles(tmp_path):
    from conftest import SEEDS
    corpus = pipeline.analyse_corpus(SEEDS)
    written = scaffold(corpus, tmp_path, "002_cf7a6355ccf0b9a8.txt")
    names = sorted(p.name for p, _ in written if p.parent.name == "translations")
    assert names == sorted(f"002-cf7a6355ccf0b9a8{s}.yml" for s in
                           [""] + [f"-a{n}" for n in range(1, 8)])
