"""Editorial files: titles and errata, checked and applied; problems named by file:line."""
from __future__ import annotations

import json

import pytest

from conftest import run_cli
from briefing.publish.records import load_corpus

SEED = ("飛象網訊(易歡)人工智能正在走向“規(guī);瘧谩,在工業(yè)、醫療領域廣泛應用。\n"
        "產業生態日益壯大,協同發展格局加速構建!爱a學研用金”多方協同的生態體系持續完善。\n"
        "人工智能產業規模持續增長。\n")


def seed_folder(tmp_path):
    """A seeds folder holding `news.txt` (SEED) and an empty `editorial/`."""
    seeds = tmp_path / "seeds"
    (seeds / "editorial").mkdir(parents=True, exist_ok=True)
    (seeds / "news.txt").write_text(SEED, encoding="utf-8")
    return seeds


def corpus_and_page(tmp_path, editorial: str):
    seeds = seed_folder(tmp_path)
    (seeds / "editorial" / "news.yml").write_text(editorial, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    return result, out


def test_erratum_is_applied_and_shown_as_an_editorial_correction(tmp_path):
    result, out = corpus_and_page(tmp_path, "title:\n  zh: 标题\nerrata:\n"
                                            "  - find: 規；瘧谩\n    replace: 規模化應用\n"
                                            "    note: 乱码\n")
    assert result.returncode == 0, result.stderr
    doc = load_corpus(out)["documents"][0]
    para = doc["paragraphs"][0]
    assert "走向“规模化应用，" in para["text"]
    assert para["corrections"] == [{"start": para["text"].index("规模化应用"),
                                    "end": para["text"].index("规模化应用") + 5,
                                    "original": "规；疟谩", "note": "乱码"}]
    assert "規模化應用" in para["traditional"]
    page = (out / "zh" / "documents" / "news.md").read_text(encoding="utf-8")
    assert '<ins class="briefing-erratum" title="编辑更正，原文为：规；疟谩 (乱码)">规模化应用</ins>' \
        in page


def test_erratum_whose_text_is_gone_fails_with_file_and_line(tmp_path):
    result, out = corpus_and_page(tmp_path, "errata:\n  - find: 不存在的文字\n    replace: 新\n")
    assert result.returncode == 1
    assert "news.yml:2: erratum text '不存在的文字' occurs 0 times" in result.stderr
    assert "update or remove the erratum" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_ambiguous_erratum_asks_for_the_paragraph(tmp_path):
    result, _ = corpus_and_page(tmp_path, "errata:\n  - find: 人工智能\n    replace: AI\n")
    assert result.returncode == 1
    assert "occurs 2 times" in result.stderr and "name the paragraph" in result.stderr
    result, _ = corpus_and_page(tmp_path, "errata:\n  - find: 人工智能\n    replace: AI\n"
                                          "    paragraph: p3\n")
    assert result.returncode == 0, result.stderr


def test_unknown_key_lists_the_valid_ones(tmp_path):
    result, _ = corpus_and_page(tmp_path, "title:\n  zh: 标题\n  fr: titre\n")
    assert result.returncode == 1
    assert "news.yml:3: unknown key 'fr' in title; valid keys: zh, en" in result.stderr


def test_editorial_file_for_an_unknown_document(tmp_path):
    seeds = seed_folder(tmp_path)
    (seeds / "editorial" / "other.yml").write_text("title:\n  zh: 标题\n", encoding="utf-8")
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "other.yml: there is no document 'other'" in result.stderr


def test_report_lists_changes_and_flags_with_file_and_line(tmp_path):
    seeds = seed_folder(tmp_path)
    result = run_cli("report", "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(l.endswith("news.txt:1: remove_pinyin_notes: '走向“規(guī);瘧谩,' -> '走向“規;瘧谩,'")
               for l in lines), lines
    assert any("news.txt:2: flagged latin-in-han: 'a'" in l for l in lines)
    assert any("news.txt:1: split_bylines:" in l for l in lines)


def test_editor_adds_and_removes_themes_and_unknown_ids_fail(tmp_path):
    seeds = seed_folder(tmp_path)
    (seeds / "themes.yml").write_text(
        "themes:\n"
        "  - {id: ai, name: {zh: 人工智能, en: AI}, description: {zh: 人工智能, en: AI},"
        " phrases: {zh: [人工智能], en: [AI]}}\n"
        "  - {id: data, name: {zh: 数据, en: Data}, description: {zh: 数据, en: Data},"
        " phrases: {zh: [数据要素], en: [data]}}\n", encoding="utf-8")
    edit = seeds / "editorial" / "news.yml"
    edit.write_text("themes:\n  add: [data]\n  remove: [ai]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert load_corpus(out)["documents"][0][
        "themes"] == ["data"]
    edit.write_text("themes:\n  add: [no-such-theme]\n", encoding="utf-8")
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(tmp_path / "out2"))
    assert result.returncode == 1
    assert "news.yml:2: unknown theme id 'no-such-theme'; valid ids: ai, data" in result.stderr


def test_theme_ids_must_be_slugs_they_go_into_urls(tmp_path):
    seeds = seed_folder(tmp_path)
    (seeds / "themes.yml").write_text(
        "themes:\n  - id: 'x\" onclick=\"alert(1)'\n    name: {zh: 甲, en: A}\n"
        "    description: {zh: 甲, en: A}\n    phrases: {zh: [甲], en: [a]}\n", encoding="utf-8")
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "themes.yml:2: theme id 'x\" onclick=\"alert(1)' must be lower-case letters" \
        in result.stderr


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(SEED, encoding="utf-8")
    (seeds / "bad\nname.txt").write_bytes(b"")
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "bad\\nname.txt: is empty" in result.stderr


def _corpus_with(tmp_path, texts: dict[str, str], edits: dict[str, str]):
    from briefing import pipeline

    seeds = tmp_path / "seeds"
    (seeds / "editorial").mkdir(parents=True)
    for name, text in texts.items():
        (seeds / name).write_text(text, encoding="utf-8")
    for name, text in edits.items():
        (seeds / "editorial" / name).write_text(text, encoding="utf-8")
    return pipeline.analyse_corpus(seeds)


OVERRIDE_SEEDS = {"a.txt": "甲\n\n2024年3月5日发布，三大场景，达到748EFLOPS。\n",
                  "b.txt": "乙\n\n另一篇文章。\n", "c.txt": "丙\n\n第三篇文章。\n"}


def test_editors_remove_figures_and_events_and_set_related_documents(tmp_path):
    corpus = _corpus_with(tmp_path, OVERRIDE_SEEDS, {"a.yml": (
        "figures: {remove: [三大]}\nevents: {remove: [2024年3月5日]}\n"
        "related: {add: [c]}\n")})
    a = next(d for d in corpus.documents if d.id == "a")
    assert [f.text for f in a.figures] == ["748EFLOPS"]
    assert a.events == []
    assert [(l.target, l.kind, l.note) for l in a.links] == [
        ("c", "related", "related, as the editors note")]


@pytest.mark.parametrize("edit, message", [
    ("figures: {remove: [四大]}\n", "a.yml:1: no figure '四大' was found in a; found: 748EFLOPS, 三大"),
    ("events: {remove: [4月1日]}\n", "a.yml:1: no dated event '4月1日' was found in a"),
    ("related: {add: [nobody]}\n", "a.yml:1: related: 'nobody' is not another document"),
    ("related: {remove: [a]}\n", "a.yml:1: related: 'a' is not another document"),
])
def test_overrides_of_what_was_not_found_name_file_and_line(tmp_path, edit, message):
    from briefing.errors import EditorialError

    with pytest.raises(EditorialError) as info:
        _corpus_with(tmp_path, OVERRIDE_SEEDS, {"a.yml": edit})
    assert any(message in str(p) for p in info.value.problems), info.value.problems
