"""Editorial files: titles and errata, checked and applied; problems named by file:line."""
from __future__ import annotations

import json

from conftest import run_cli

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
    doc = json.loads((out / "corpus.json").read_text(encoding="utf-8"))["documents"][0]
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
    assert json.loads((out / "corpus.json").read_text(encoding="utf-8"))["documents"][0][
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
