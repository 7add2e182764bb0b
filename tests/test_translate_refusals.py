"""What an import refuses, always with `file:line` and with nothing written: stale units,
hostile targets (markup, inline codes), files that are not ours; and how provenance moves:
never down without saying so."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from briefing import pipeline
from translate_tools import DATA, X, run, synthetic_seeds, tree

P1_TEXT = "The first paragraph is about the development of large models."


def export(seeds: Path, out: Path, fmt: str = "xliff") -> Path:
    status, _, err = run("export", "--format", fmt, "--out", out, "--seeds", seeds)
    assert status == 0, err
    return next(out.glob(f"zh.en.{'xlf' if fmt == 'xliff' else 'po'}"))


def set_target(path: Path, paragraph: str, inner: str, state: str = "translated",
               root_attributes: dict | None = None) -> int:
    """Give a unit of an exported XLIFF file a target (`inner`: XML content); return the
    line the target stands on once written."""
    root = etree.fromstring(path.read_bytes())
    for key, value in (root_attributes or {}).items():
        root.set(key, value)
    unit = next(u for u in root.iter(f"{{{X}}}unit") if u.get("id").startswith(paragraph + "-"))
    segment = unit.find(f"{{{X}}}segment")
    segment.set("state", state)
    old = segment.find(f"{{{X}}}target")
    if old is not None:
        segment.remove(old)
    target = etree.fromstring(f'<target xmlns="{X}">{inner}</target>')
    segment.append(target)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    path.write_bytes(data)
    reread = etree.fromstring(data)
    return next(u for u in reread.iter(f"{{{X}}}unit") if u.get("id").startswith(
        paragraph + "-")).find(f"{{{X}}}segment/{{{X}}}target").sourceline


def refused(seeds: Path, *files: Path) -> list[str]:
    """Import files that must be refused: the error lines, after checking nothing changed."""
    before = tree(seeds)
    status, out, err = run("import", *files, "--seeds", seeds)
    assert status == 1, out
    assert "Traceback" not in err and "internal error" not in err
    assert tree(seeds) == before
    return err.strip().splitlines()


# --- stale ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ("xliff", "po"))
def test_a_unit_exported_before_its_source_changed_is_refused_as_stale(tmp_path, fmt):
    seeds = synthetic_seeds(tmp_path)
    path = export(seeds, tmp_path / "out", fmt)
    if fmt == "xliff":
        line = set_target(path, "p2", "The second paragraph.")
    else:
        text = path.read_text(encoding="utf-8")
        start = text.index('msgctxt "zh:p2:')
        line = text[:start].count("\n") + 1
        head, rest = text[:start], text[start:]
        path.write_text(head + rest.replace('msgstr ""', 'msgstr "The second paragraph."', 1),
                        encoding="utf-8")
    seed = seeds / "zh.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("算力的布局", "算力的新布局"),
                    encoding="utf-8")
    errors = refused(seeds, path)
    assert errors == [f"Error: {path}:{line}: p2 of zh is stale: it was exported from source "
                      "577e9cd8a11d, and the paragraph's source is now "
                      f"{_hash('第二段讲算力的新布局。')}; its translation is not applied. "
                      "Export the document again, into another folder (this file is kept): "
                      "the new file shows this translation as stale, with what changed"]


def test_units_untouched_since_their_source_changed_do_not_stop_the_others(tmp_path):
    """p1 was translated and exported as current; then its source changed. The file comes
    back with p1 untouched (and p3 empty): only p2, translated meanwhile, is applied."""
    seeds = synthetic_seeds(tmp_path)
    set_target(path := export(seeds, tmp_path / "first"), "p1", P1_TEXT, "reviewed")
    assert run("import", path, "--seeds", seeds)[0] == 0
    path = export(seeds, tmp_path / "second")
    seed = seeds / "zh.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("大模型的发展", "大模型的进展"),
                    encoding="utf-8")
    set_target(path, "p2", "The second paragraph.")
    status, out, err = run("import", path, "--seeds", seeds)
    assert status == 0, err
    assert "p1: stale since the export and sent back unchanged" in out
    doc = pipeline.analyse_corpus(seeds).document("zh")
    assert (doc.translation["p1"].state, doc.translation["p2"].text) == (
        "stale", "The second paragraph.")


def _hash(text: str) -> str:
    from briefing.model import source_hash
    return source_hash(text)


def test_a_stale_translation_is_exported_with_its_old_source_and_comes_back_only_when_updated(
        tmp_path):
    """An erratum changes p1 after it was translated: the export offers the old
    translation as `initial` (stale) with the old source in a note; importing it unchanged
    applies nothing; updated and marked translated, it becomes current."""
    seeds = synthetic_seeds(tmp_path)
    set_target(path := export(seeds, tmp_path / "first"), "p1", P1_TEXT, "reviewed")
    assert run("import", path, "--seeds", seeds)[0] == 0
    (seeds / "editorial" / "zh.yml").write_text(
        "errata:\n  - {find: 发展, replace: 快速发展, note: the print has it}\n",
        encoding="utf-8")
    path = export(seeds, tmp_path / "second")
    root = etree.fromstring(path.read_bytes())
    unit = next(u for u in root.iter(f"{{{X}}}unit") if u.get("id").startswith("p1-"))
    segment = unit.find(f"{{{X}}}segment")
    assert (segment.get("state"), segment.get("subState")) == ("initial", "briefing:stale")
    assert segment.find(f"{{{X}}}target").text == P1_TEXT
    note = unit.find(f"{{{X}}}notes/{{{X}}}note[@category='stale']").text
    assert "The old source: 第一段讲大模型的发展。" in note
    status, out, _ = run("import", path, "--seeds", seeds)
    assert status == 0 and "no translated units" in out
    assert pipeline.analyse_corpus(seeds).document("zh").translation["p1"].state == "stale"
    set_target(path, "p1", "The first paragraph is about the rapid development of large "
                           "models.", "translated")
    status, out, err = run("import", path, "--seeds", seeds)
    assert status == 0, err
    p1 = pipeline.analyse_corpus(seeds).document("zh").translation["p1"]
    assert (p1.state, p1.provenance) == ("current", "editor")
    assert "p1: the reviewed translation was changed" not in out  # it was stale, not current


# --- hostile targets and files ----------------------------------------------------------------

#: (label, the target's XML content, what the message says)
HOSTILE_TARGETS = [
    ("an HTML tag", "&lt;script&gt;alert(1)&lt;/script&gt; first", "holds markup"),
    ("a Markdown link", "see [the site](javascript:alert(1))", "holds markup"),
    ("an attribute list", "first {: .x onclick=y}", "holds markup"),
    ("a template expression", "first {{ config }}", "holds markup"),
    ("a character reference as text", "&amp;lt;b&amp;gt; first", "holds markup"),
    ("an XLIFF placeholder", 'first <ph id="1"/>', "inline code <ph>"),
    ("an XLIFF paired code", '<pc id="1">first</pc>', "inline code <pc>"),
    ("an XLIFF start code", 'first <sc id="1"/>', "inline code <sc>"),
    ("an element of HTML", '<b xmlns="http://www.w3.org/1999/xhtml">first</b>',
     "inline code <b>"),
    ("a control character", 'first <cp hex="1B"/>', "control character"),
]


@pytest.mark.parametrize("label, inner, message", HOSTILE_TARGETS,
                         ids=[c[0] for c in HOSTILE_TARGETS])
def test_a_target_with_markup_or_codes_is_refused_with_its_line(tmp_path, label, inner,
                                                               message):
    seeds = synthetic_seeds(tmp_path)
    path = export(seeds, tmp_path / "out")
    line = set_target(path, "p1", inner)
    errors = refused(seeds, path)
    assert len(errors) == 1 and errors[0].startswith(f"Error: {path}:{line}: "), errors
    assert message in errors[0]


def test_markup_the_source_itself_has_is_not_refused(tmp_path):
    """A faithful translation of a text that prints `<b>` or `[x](y)` keeps it (the page
    shows it as text, as it shows the source)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "en.txt").write_text("Notes\n\nWrite <b> and [x](y) as they are.\n",
                                  encoding="utf-8")
    status, _, err = run("export", "--format", "xliff", "--out", tmp_path / "out",
                         "--seeds", seeds)
    assert status == 0, err
    path = tmp_path / "out" / "en.zh.xlf"
    set_target(path, "p1", "照原样写 &lt;b&gt; 和 [x](y)。")
    assert run("import", path, "--seeds", seeds)[0] == 0
    assert pipeline.analyse_corpus(seeds).document("en").translation["p1"].text == \
        "照原样写 <b> 和 [x](y)。"


#: (label, how the exported file is changed, the line of the error, what it says)
HOSTILE_FILES = [
    ("an unknown document", lambda t: t.replace('<file id="zh"', '<file id="nope"'), "target",
     "there is no document 'nope'"),
    ("another target language", lambda t: t.replace('trgLang="en"', 'trgLang="fr"'), None,
     "is a translation into 'fr', but zh is translated into 'en'"),
    ("a paragraph no longer there",
     lambda t: t.replace('id="p1-1656ff0ff653"', 'id="p9-000000000000"'), "target",
     "matches no paragraph of zh"),
    ("a DOCTYPE with an external entity",
     lambda t: t.replace("<xliff ", '<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                    "\n<xliff ", 1), 2, "has a DOCTYPE"),
    ("XLIFF 1.2", lambda t: t.replace('version="2.1"', 'version="1.2"'), 2, "is not XLIFF 2"),
    ("broken XML", lambda t: t.replace("</xliff>", "</xlif>"), 1, "is not well-formed XML"),
]


@pytest.mark.parametrize("label, change, line, message", HOSTILE_FILES,
                         ids=[c[0] for c in HOSTILE_FILES])
def test_a_file_that_is_not_an_export_of_this_corpus_is_refused(tmp_path, label, change, line,
                                                               message):
    seeds = synthetic_seeds(tmp_path)
    path = export(seeds, tmp_path / "out")
    target_line = set_target(path, "p1", P1_TEXT)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    errors = refused(seeds, path)
    where = {None: f"{path}: ", "target": f"{path}:{target_line}: "}.get(line)
    if line == 1:  # a syntax error names the line the parser stopped at
        assert errors[0].startswith(f"Error: {path}:") and message in errors[0]
        return
    where = where or f"{path}:{line}: "
    assert errors[0].startswith(f"Error: {where}"), errors
    assert message in errors[0]


def test_a_po_target_with_markup_and_an_entry_not_ours_are_refused_with_their_lines(tmp_path):
    seeds = synthetic_seeds(tmp_path)
    path = export(seeds, tmp_path / "out", "po")
    text = path.read_text(encoding="utf-8")
    text = text.replace('msgstr ""', 'msgstr "<b>First</b>"', 2)  # header's, then p1's
    text += '\nmsgid "A string of another program"\nmsgstr "Ein Text"\n'
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    p1 = next(n for n, line in enumerate(lines, 1) if line.startswith('msgctxt "zh:p1:'))
    other = next(n for n, line in enumerate(lines, 1) if "another program" in line)
    errors = refused(seeds, path)
    assert errors[0].startswith(f"Error: {path}:{other}: ") and "has no context" in errors[0]
    assert errors[1].startswith(f"Error: {path}:{p1}: ") and "holds markup" in errors[1]


def test_two_files_translating_one_paragraph_differently_are_refused(tmp_path):
    seeds = synthetic_seeds(tmp_path)
    first = export(seeds, tmp_path / "a")
    second = export(seeds, tmp_path / "b")
    set_target(first, "p1", P1_TEXT)
    line = set_target(second, "p1", "Another first paragraph.")
    errors = refused(seeds, first, second)
    assert errors == [f"Error: {second}:{line}: p1 of zh is also in {first}:{line} with "
                      "another translation; import one of them"]


# --- provenance -------------------------------------------------------------------------------

#: (label, provenance before, text sent back, state sent back, provenance after, notice)
PROVENANCE = [
    ("unchanged text sent back unreviewed stays reviewed", "reviewed", P1_TEXT, "translated",
     "reviewed", "p1: kept reviewed (the text is unchanged; the file says translated)"),
    ("a changed reviewed text becomes editor, said", "reviewed", "A new first paragraph.",
     "translated", "editor", "p1: the reviewed translation was changed; it is now "
                             "provenance editor until it is reviewed again"),
    ("a reviewer's approval raises it", "editor", P1_TEXT, "reviewed", "reviewed", None),
    ("final is reviewed", "editor", P1_TEXT, "final", "reviewed", None),
    ("a suggestion is never applied", "reviewed", "A suggested paragraph.", "initial",
     "reviewed", None),
]


@pytest.mark.parametrize("label, before, text, state, after, notice", PROVENANCE,
                         ids=[c[0] for c in PROVENANCE])
def test_provenance_follows_the_state_and_is_never_lowered_silently(tmp_path, label, before,
                                                                   text, state, after, notice):
    seeds = synthetic_seeds(tmp_path)
    path = export(seeds, tmp_path / "out")
    set_target(path, "p1", P1_TEXT, "reviewed" if before == "reviewed" else "translated")
    assert run("import", path, "--seeds", seeds)[0] == 0
    set_target(path, "p1", text, state)
    status, out, err = run("import", path, "--seeds", seeds)
    assert status == 0, err
    p1 = pipeline.analyse_corpus(seeds).document("zh").translation["p1"]
    assert p1.provenance == after
    assert p1.text == (text if state != "initial" else P1_TEXT)
    assert (notice in out) if notice else ("  p1:" not in out)


def test_an_import_writes_atomically_and_keeps_the_file_mode(tmp_path):
    seeds = synthetic_seeds(tmp_path)
    target = seeds / "translations" / "zh.yml"
    target.chmod(0o664)
    path = export(seeds, tmp_path / "out")
    set_target(path, "p1", P1_TEXT)
    assert run("import", path, "--seeds", seeds)[0] == 0
    assert target.stat().st_mode & 0o777 == 0o664
    assert [p.name for p in target.parent.iterdir()] == ["zh.yml"]  # no temporary left


# --- export ---------------------------------------------------------------------------------

def test_export_keeps_a_file_that_holds_work_not_imported_unless_forced(tmp_path):
    seeds = synthetic_seeds(tmp_path)
    path = export(seeds, tmp_path / "out")
    set_target(path, "p1", P1_TEXT)
    edited = path.read_bytes()
    status, out, err = run("export", "--format", "xliff", "--out", tmp_path / "out",
                           "--seeds", seeds)
    assert status == 0 and path.read_bytes() == edited
    assert f"Warning: {path}: differs from a fresh export" in err
    status, _, _ = run("export", "--format", "xliff", "--out", tmp_path / "out", "--seeds",
                       seeds, "--force")
    assert status == 0 and path.read_bytes() != edited


def test_export_refuses_a_folder_inside_the_seeds(tmp_path):
    seeds = synthetic_seeds(tmp_path)
    status, _, err = run("export", "--format", "po", "--out", seeds / "work", "--seeds", seeds)
    assert status == 1 and "lies inside" in err and not (seeds / "work").exists()


def test_the_cat_fixture_names_this_seed(tmp_path):
    """The fixture's unit ids are the hashes of tests/data/translate/zh.txt: if the
    cleaner changes that text, this says why the fixture test fails."""
    seeds = synthetic_seeds(tmp_path)
    ids = {u.get("id") for u in etree.parse(str(DATA / "cat-edited.xlf")).iter(
        f"{{{X}}}unit")}
    doc = pipeline.analyse_corpus(seeds).document("zh")
    assert ids == {f"{p.id}-{_hash(p.text)}" for p in doc.paragraphs}
