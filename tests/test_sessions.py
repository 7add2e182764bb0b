"""Session files (briefing.sessions.load): each case of tests/data/sessions/ gives exactly
the one `file:line: message` its first line expects; the project's own sessions load."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.errors import EditorialError
from briefing.pipeline import analyse_corpus
from briefing.sessions.load import load_sessions
from conftest import SEEDS

CASES = sorted((Path(__file__).parent / "data" / "sessions").glob("*.yml"))


@pytest.fixture(scope="module")
def corpus():
    return analyse_corpus(SEEDS)


def expectation(path: Path) -> tuple[int, str]:
    """`# expect: LINE: message` on the first line of a case."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    line, message = first.removeprefix("# expect: ").split(": ", 1)
    return int(line), message


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_a_mistake_gives_one_error_with_its_line(case, corpus, tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    shutil.copyfile(case, folder / "s1.yml")
    with pytest.raises(EditorialError) as caught:
        load_sessions(tmp_path, corpus.pages())
    line, message = expectation(case)
    problems = [(p.line, p.message) for p in caught.value.problems]
    assert len(problems) == 1, problems
    assert problems[0][0] == line
    assert problems[0][1].startswith(message), problems


def test_the_project_sessions_load_in_date_order(corpus):
    sessions = corpus.sessions
    assert len(sessions) >= 2
    assert [s.date for s in sessions] == sorted(s.date for s in sessions)
    ids = {d.id for d in corpus.pages()}
    for session in sessions:
        assert all(r.document in ids for r in session.readings)
        assert all(q["zh"] and q["en"] for q in session.discussion + session.preparation)


def test_a_file_name_that_is_no_id_is_refused(corpus, tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    shutil.copyfile(CASES[0], folder / "Bad Name.yml")
    with pytest.raises(EditorialError) as caught:
        load_sessions(tmp_path, corpus.pages())
    assert any("name is its id" in p.message for p in caught.value.problems)


def test_new_session_scaffolds_and_never_overwrites(corpus, tmp_path):
    from briefing.sessions.scaffold import new_session

    first = new_session(corpus, tmp_path, ["004-593e9b3dadb7e903"])
    text = first.read_text(encoding="utf-8")
    assert "document: 004-593e9b3dadb7e903" in text and "p1-p15" in text
    second = new_session(corpus, tmp_path, ["003-c67a1687915d7e32"])
    assert second != first and first.read_text(encoding="utf-8") == text
    # A scaffold is not a session yet: its TODO date is an error with its line.
    with pytest.raises(EditorialError) as caught:
        load_sessions(tmp_path, corpus.pages())
    assert any(p.message.startswith("date must be a date") for p in caught.value.problems)


def test_a_character_no_font_has_fails_naming_document_paragraph_and_character(corpus):
    import copy

    from briefing.errors import InputError
    from briefing.sessions.glyphs import check_glyphs, font_coverage

    check_glyphs(corpus)  # the project's own sessions print completely
    reading = corpus.sessions[0].readings[0]
    doc = corpus.document(reading.document)
    para = next(p for p in doc.paragraphs if p.id == (reading.paragraphs or ("p1",))[0])
    changed = copy.deepcopy(corpus)
    target = next(p for p in changed.document(doc.id).paragraphs if p.id == para.id)
    target.text += "🍜\ue000"  # a Private Use character: no installed font has it
    covered = font_coverage()
    assert ord("🍜") in covered and 0xE000 not in covered
    with pytest.raises(InputError) as caught:
        check_glyphs(changed, covered)
    [problem] = caught.value.problems
    assert problem.line == para.lines[0] and problem.path.endswith(doc.source)
    assert problem.message.startswith(f"{doc.id} {para.id}: \ue000 (U+E000 unnamed character)")


def test_the_digest_check_covers_every_paragraph(corpus):
    import copy

    from briefing.errors import InputError
    from briefing.sessions.glyphs import check_digest_glyphs, font_coverage

    check_digest_glyphs(corpus)  # the seed corpus prints completely
    read = {r.document for s in corpus.sessions for r in s.readings}
    doc = next(d for d in corpus.documents if d.id not in read)  # in no session
    changed = copy.deepcopy(corpus)
    para = changed.document(doc.id).paragraphs[-1]
    para.text += "\ue000"
    with pytest.raises(InputError) as caught:
        check_digest_glyphs(changed, font_coverage())
    [problem] = caught.value.problems
    assert problem.line == para.lines[0] and problem.path.endswith(doc.source)
    assert problem.message.startswith(f"{doc.id} {para.id}: \ue000 (U+E000")


def test_an_unchanged_handout_is_not_rendered_again(corpus, tmp_path):
    import copy

    from briefing.sessions.handout import write_handouts

    one = copy.deepcopy(corpus)
    one.sessions = one.sessions[:1]
    cache = tmp_path / "cache"
    first = write_handouts(one, tmp_path / "a", cache)
    assert all(rendered for _, _, rendered in first)
    again = write_handouts(one, tmp_path / "b", cache)
    assert not any(rendered for _, _, rendered in again)
    assert [p.read_bytes() for p, _, _ in first] == [p.read_bytes() for p, _, _ in again]
    one.sessions[0].discussion[0]["zh"] += "？"  # a change in Chinese: zh and bilingual
    changed = {p.name for p, _, rendered in write_handouts(one, tmp_path / "c", cache)
               if rendered}
    assert changed == {f"{one.sessions[0].id}-zh.pdf", f"{one.sessions[0].id}-bilingual.pdf"}


def test_other_fonts_render_the_handouts_again(corpus, tmp_path, monkeypatch):
    # A font installed, removed or upgraded changes the PDF: the fonts are in the key.
    import copy

    from briefing.sessions import handout

    one = copy.deepcopy(corpus)
    one.sessions = one.sessions[:1]
    cache = tmp_path / "cache"
    handout.write_handouts(one, tmp_path / "a", cache)
    assert handout.installed_fonts()  # fc-list lists the fonts the build installed
    monkeypatch.setattr(handout, "installed_fonts",
                        lambda: "/usr/share/fonts/NotoSansCJK-Bold.ttc|131335|20050760")
    assert all(rendered for _, _, rendered in handout.write_handouts(one, tmp_path / "b",
                                                                     cache))


def test_handouts_are_kept_with_the_cache_and_an_unwritable_one_only_costs_time(
        corpus, tmp_path, monkeypatch):
    """By default under BRIEFING_CACHE (briefing.cache, kind `handouts`), like every other
    entry; a cache folder that cannot be made does not stop the build."""
    import copy

    from briefing import cache
    from briefing.sessions.handout import CACHE_KIND, write_handouts

    one = copy.deepcopy(corpus)
    one.sessions = one.sessions[:1]
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    first = write_handouts(one, tmp_path / "a")
    assert sorted(cache.folder(CACHE_KIND).glob("*.pdf"))
    assert not any(rendered for _, _, rendered in write_handouts(one, tmp_path / "b"))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE", str(blocker / "cache"))
    written = write_handouts(one, tmp_path / "c")
    assert all(rendered for _, _, rendered in written)
    assert [p.read_bytes() for p, _, _ in written] == [p.read_bytes() for p, _, _ in first]
