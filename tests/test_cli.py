"""The command line and `generate`: help, determinism, schema, check, errors."""
from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from conftest import ROOT, SEEDS, run_cli, validate_corpus
from briefing.publish.records import load_corpus

COMMANDS = ["generate", "build", "check", "serve"]


def test_help_lists_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert f"usage: build.py {command}" in result.stdout


def tree_bytes(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generate_twice_gives_identical_bytes(tmp_path):
    first, second = tmp_path / "a" / "out", tmp_path / "b" / "out"
    assert run_cli("generate", "--seeds", str(SEEDS), "--out", str(first)).returncode == 0
    assert run_cli("generate", "--seeds", str(SEEDS), "--out", str(second)).returncode == 0
    one, two = tree_bytes(first), tree_bytes(second)
    assert one and one == two


def test_generate_writes_nothing_outside_out(tmp_path, seed_copy):
    out = tmp_path / "work" / "out"
    out.parent.mkdir()
    before = tree_bytes(seed_copy)
    result = run_cli("generate", "--seeds", str(seed_copy), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.parent.iterdir()] == ["out"]
    assert tree_bytes(seed_copy) == before


def test_generate_without_editorial_files_gives_pages_in_both_languages(tmp_path, seed_copy):
    out = tmp_path / "out"
    assert run_cli("generate", "--seeds", str(seed_copy), "--out", str(out)).returncode == 0
    corpus = load_corpus(out)
    assert corpus["themes"] == []
    for doc in corpus["documents"]:
        for lang in ("zh", "en"):
            page = (out / lang / "documents" / f"{doc['id']}.md").read_text(encoding="utf-8")
            assert doc["paragraphs"][0]["text"][:10] in page.replace("&quot;", '"')


def test_corpus_json_matches_its_schema():
    docs = ROOT / "docs"
    corpus = validate_corpus(lambda rel: (docs / rel).read_text(encoding="utf-8"))
    assert sorted(p.name for p in (docs / "corpus").iterdir()) == sorted(
        f"{d['id']}.json" for d in corpus["compilations"] + corpus["documents"])
    assert {d["source"] for d in corpus["documents"]} == {p.name for p in SEEDS.glob("*.txt")}


def test_schema_rejects_a_document_without_its_fields():
    docs = ROOT / "docs"
    index = json.loads((docs / "corpus.json").read_text(encoding="utf-8"))
    first = index["documents"][0]["record"]
    record = json.loads((docs / first).read_text(encoding="utf-8"))
    del record["language"]
    files = {"corpus.json": json.dumps(index), first: json.dumps(record)}
    with pytest.raises(jsonschema.ValidationError):
        validate_corpus(lambda rel: files.get(rel) or (docs / rel).read_text(encoding="utf-8"))


def test_check_passes_on_the_committed_docs():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr


def test_check_names_the_stale_file_and_line(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "en" / "index.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[4] = "edited by hand"
    page.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("check", "--docs", str(docs))
    assert result.returncode == 1
    assert f"{page}:5: differs from what generate produces now" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_editorial_file_gives_one_line_naming_file_and_line(tmp_path, seed_copy):
    (seed_copy / "themes.yml").write_text("themes:\n  - id: a\n    id: b\n", encoding="utf-8")
    result = run_cli("generate", "--seeds", str(seed_copy), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "themes.yml:3: invalid YAML: duplicate key 'id'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_seed_that_is_not_text_is_skipped_with_a_warning(tmp_path, seed_copy):
    (seed_copy / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seed_copy), "--out", str(out))
    assert result.returncode == 0
    assert "broken.txt" in result.stderr and "skipped" in result.stderr
    before = tree_bytes(out)
    strict = run_cli("generate", "--strict", "--seeds", str(seed_copy), "--out", str(out))
    assert strict.returncode == 1
    assert "broken.txt" in strict.stderr
    assert tree_bytes(out) == before  # strict stops before writing anything
