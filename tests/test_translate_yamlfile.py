"""Translation files changed in place by an import: only the changed entries are
rewritten (in `build.py new`'s layout), everything else stays byte for byte. Cases are
data: (label, the file before, the changes, the file after)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing import editorial, editorial_yaml
from briefing.model import Document, Paragraph, source_hash
from briefing.translate.yamlfile import Change, edit, entries

TEXTS = {"p1": "第一段。", "p2": "第二段。", "p3": "第三段。"}
DOC = Document(id="d", source="d.txt", language="zh", script="Hans", title={},
               paragraphs=[Paragraph(p, "text", t, (n, n))
                           for n, (p, t) in enumerate(TEXTS.items(), start=1)])
H = {p: source_hash(t) for p, t in TEXTS.items()}


def change(paragraph: str, text: str, line: int | None, provenance: str = "editor") -> Change:
    return Change(paragraph, H[paragraph], provenance, text, line, TEXTS[paragraph])


CASES = [
    ("an entry in build.py new's layout is replaced line for line",
     f"""# An editor's note at the top.
language: en
paragraphs:
  # 第一段。
  - id: p1
    source: {H['p1']}
    provenance: editor
    text: null
  # 第二段。
  - id: p2
    source: {H['p2']}
    provenance: reviewed
    text: The second.   # kept as it is
""",
     [change("p1", "The first.", 5)],
     f"""# An editor's note at the top.
language: en
paragraphs:
  # 第一段。
  - id: p1
    source: {H['p1']}
    provenance: editor
    text: The first.
  # 第二段。
  - id: p2
    source: {H['p2']}
    provenance: reviewed
    text: The second.   # kept as it is
"""),
    ("a folded block and a flow mapping become the layout, the rest stays",
     f"""language: en
paragraphs:
- id: p1
  source: {H['p1']}
  provenance: editor
  text: >-
    The first,
    folded.

- {{id: p2, source: {H['p2']}, provenance: editor, text: 'Two: flow'}}
""",
     [change("p1", "The first: again.", 3), change("p2", "Two.", 10, "reviewed")],
     f"""language: en
paragraphs:
- id: p1
  source: {H['p1']}
  provenance: editor
  text: 'The first: again.'

- id: p2
  source: {H['p2']}
  provenance: reviewed
  text: Two.
"""),
    ("a stale entry gets the new hash, and its comment the new source",
     """language: en
paragraphs:
  # 第一段（旧）。
  - id: p1
    source: 0123456789ab
    provenance: reviewed
    text: The old first.
""",
     [change("p1", "The first.", 4)],
     f"""language: en
paragraphs:
  # 第一段。
  - id: p1
    source: {H['p1']}
    provenance: editor
    text: The first.
"""),
    ("a paragraph without an entry gets one after the paragraph before it",
     f"""language: en
paragraphs:
  - id: p1
    source: {H['p1']}
    provenance: editor
    text: The first.
  - id: p3
    source: {H['p3']}
    provenance: editor
    text: The third.
""",
     [change("p2", "The second.", None)],
     f"""language: en
paragraphs:
  - id: p1
    source: {H['p1']}
    provenance: editor
    text: The first.
  # 第二段。
  - id: p2
    source: {H['p2']}
    provenance: editor
    text: The second.
  - id: p3
    source: {H['p3']}
    provenance: editor
    text: The third.
"""),
]


@pytest.mark.parametrize("label, before, changes, after", CASES, ids=[c[0] for c in CASES])
def test_only_the_changed_entries_are_rewritten(tmp_path, label, before, changes, after):
    result = edit(before, DOC, changes)
    assert result == after
    path = tmp_path / "d.yml"  # and the editorial loader reads it back
    path.write_text(result, encoding="utf-8")
    check = editorial.Checker(path)
    loaded = editorial.translation_file(check, editorial.load_yaml(path), path)
    assert not check.problems
    assert {(c.hash, c.text) for c in changes} <= {(e.source, e.text) for e in loaded.entries}


def test_a_new_file_is_build_py_new_s_layout_with_the_changes(tmp_path):
    result = edit(None, DOC, [change("p2", "The second.", None, "reviewed")])
    data = yaml.safe_load(result)
    assert [(e["id"], e["source"], e["provenance"], e["text"]) for e in data["paragraphs"]] == [
        ("p1", H["p1"], "editor", None), ("p2", H["p2"], "reviewed", "The second."),
        ("p3", H["p3"], "editor", None)]
    assert [e.paragraph for e in entries(result)] == ["p1", "p2", "p3"]
    assert "  # 第二段。\n  - id: p2\n" in result


def test_a_hash_of_digits_only_stays_a_text(tmp_path):
    digits = Change("p1", "123456789012", "editor", "One.", 4, TEXTS["p1"])
    result = edit("language: en\nparagraphs:\n  # x\n  - id: p1\n    source: abcdefabcdef\n"
                  "    provenance: editor\n    text: null\n", DOC, [digits])
    assert "source: '123456789012'" in result
    assert yaml.safe_load(result)["paragraphs"][0]["source"] == "123456789012"


def test_the_entries_know_their_lines_as_the_loader_does():
    text = CASES[0][1]
    path = Path("d.yml")
    loaded = editorial.translation_file(editorial.Checker(path),
                                        yaml.load(text, Loader=editorial_yaml.StrictLoader), path)
    assert [(e.paragraph, e.line) for e in entries(text)] == [(e.paragraph, e.line)
                                                              for e in loaded.entries]
