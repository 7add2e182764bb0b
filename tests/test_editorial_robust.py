"""Editorial YAML that is wrong in ways YAML allows (issue 14, items 7-9): complex keys,
escapes that are no characters, control characters, tags, deep nesting, dates that are no
dates. Each is refused with `file:line` and what to do, never an internal error; what an
editor means (`date: 2026-11-23`, `zh: 2024`) is read as written.

The cases are data (tests/data/editorial_bad/cases.yml); each is loaded through the Python
API, and some through `build.py generate` as well.
"""
from __future__ import annotations

import calendar
import dataclasses
import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefing import editorial
from briefing.errors import EditorialError
from conftest import ROOT, run_cli, validate_corpus
from test_hostile import assert_one_error, problem_lines, seeds_with_editorial

CASES = yaml.safe_load((Path(__file__).resolve().parent / "data" / "editorial_bad" / "cases.yml")
                       .read_text(encoding="utf-8"))
#: Which loader reads a file, by its first path part under the seeds folder.
LOADERS = {"editorial": editorial.load_document_edits,
           "translations": editorial.load_translations,
           "themes.yml": editorial.load_themes,
           "glossary.yml": editorial.load_glossary}
DOCUMENT = "editorial/news.yml"


def expand(content: str) -> str:
    """A case's content with each `<U+XXXX>` replaced by that raw character.

    >>> expand("a<U+001B>b") == "a\\x1bb"
    True
    """
    return re.sub(r"<U\+([0-9A-F]{4,6})>", lambda m: chr(int(m[1], 16)), content)


def seeds_with(folder: Path, rel: str, content: str) -> Path:
    """test_hostile's seeds folder (`news.txt`, the project's themes) with `content` at
    `rel`, which may be a translation file."""
    (folder / "seeds" / "translations").mkdir(parents=True)
    return seeds_with_editorial(folder, rel, content)


def load(seeds: Path, rel: str):
    """What the loader for `rel` makes of the seeds folder."""
    return LOADERS[rel.split("/")[0]](seeds)


def pick(value, path: str):
    """`value.a.b.0`: attributes, keys and list positions, in turn."""
    for step in path.split("."):
        if isinstance(value, list):
            value = value[int(step)]
        elif isinstance(value, dict):
            value = value[step]
        else:
            value = getattr(value, step)
    return value


def refused_cases(cli_only=False):
    return [pytest.param(c["file"], expand(c["content"]), c["message"], c["line"], id=c["id"])
            for c in CASES["refused"] if c.get("cli") or not cli_only]


@pytest.mark.parametrize("rel, content, message, line", refused_cases())
def test_a_refused_editorial_file_is_one_problem_at_its_line(tmp_path, rel, content,
                                                             message, line):
    seeds = seeds_with(tmp_path, rel, content)
    with pytest.raises(EditorialError) as info:
        load(seeds, rel)
    problems = info.value.problems
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (Path(problem.path), problem.line) == (seeds / rel, line), problem
    assert message in problem.message, problem.message
    assert "\n" not in str(problem) and "\x1b" not in str(problem), str(problem)


@pytest.mark.parametrize("rel, content, message, line", refused_cases(cli_only=True))
def test_a_refused_editorial_file_is_one_error_line_on_the_command_line(tmp_path, rel,
                                                                        content, message,
                                                                        line):
    seeds = seeds_with(tmp_path, rel, content)
    assert_one_error(tmp_path, seeds, seeds / rel, line, message)


@pytest.mark.parametrize("content, expect", [
    pytest.param(expand(c["content"]), c["expect"], id=c["id"]) for c in CASES["loaded"]])
def test_what_an_editor_means_is_read_as_written(tmp_path, content, expect):
    seeds = seeds_with(tmp_path, DOCUMENT, content)
    [edits] = editorial.load_document_edits(seeds)
    assert {path: pick(edits, path) for path in expect} == expect


def test_every_refused_value_of_a_file_is_reported_at_once(tmp_path):
    seeds = seeds_with(tmp_path, DOCUMENT, (
        'title:\n  zh: "标\\e题"\n  en: Title\nsummary:\n  en: "\\ud800"\n'
        'review: {status: draft, reviewer: "a\\0b"}\n'))
    with pytest.raises(EditorialError) as info:
        editorial.load_document_edits(seeds)
    assert [(p.line, p.message.split(" contains ")[0]) for p in info.value.problems] == [
        (2, "title.zh"), (5, "summary.en"), (6, "review.reviewer")]


@pytest.mark.parametrize("content", [
    pytest.param("title: " + "[" * 10_000 + "\n", id="lists"),
    pytest.param("title: " + "{a: " * 10_000 + "\n", id="mappings"),
    pytest.param("title:\n" + "".join("  " * i + "- \n" for i in range(1, 200)), id="block"),
])
def test_deep_nesting_is_refused_before_python_runs_out_of_stack(tmp_path, content):
    seeds = seeds_with(tmp_path, DOCUMENT, content)
    with pytest.raises(EditorialError) as info:
        editorial.load_document_edits(seeds)
    [problem] = info.value.problems
    assert "nested more than 20 levels deep" in problem.message and problem.line, problem


def test_a_number_longer_than_python_converts_is_text(tmp_path):
    """int() refuses more than 4,300 digits; a plain value is text and never converted."""
    digits = "1" * 5000
    seeds = seeds_with(tmp_path, DOCUMENT, f"title: {{zh: 标题, en: {digits}}}\n")
    [edits] = editorial.load_document_edits(seeds)
    assert edits.title["en"] == digits


def test_an_unquoted_review_date_reaches_corpus_json_as_its_schema_says(tmp_path):
    seeds = seeds_with(tmp_path, DOCUMENT, (
        "review:\n  status: reviewed\n  reviewer: Wu Wei\n  date: 2026-11-23\n"))
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    problem_lines(result)
    assert result.returncode == 0, result.stderr
    corpus = validate_corpus(lambda rel: (out / rel).read_text(encoding="utf-8"))
    assert corpus["documents"][0]["review"] == {"status": "reviewed", "reviewer": "Wu Wei",
                                                "date": "2026-11-23"}


# --- properties ---------------------------------------------------------------------------

def is_refused(char: str) -> bool:
    """The characters no loaded value may hold, from Unicode's categories (an oracle kept
    apart from the loader's own table): controls but tab and line feed, surrogates, line
    and paragraph separators, U+FFFE and U+FFFF."""
    return (unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") and char not in "\t\n"
            or char in "\ufffe\uffff")


def strings(value):
    """Every text inside loaded editorial values (dataclasses, lists, dicts, tuples)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        yield from strings(dataclasses.asdict(value))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


#: Pieces of YAML syntax and escapes, mixed with arbitrary text so that examples hit them.
FRAGMENTS = ["\\e", "\\0", "\\a", "\\b", "\\v", "\\f", "\\r", "\\x7f", "\\x9b", "\\N", "\\L",
             "\\P", "\\_", "\\t", "\\n", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\U0001F600",
             "\\UFFFFFFFF", "\\U00110000", "\\uffff", "\\x", "\\u", "\\", '"', "'", ": ", "- ",
             "? ", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!!binary ", "!!int ",
             "!!python/object:os.system ", "!x ", "|", ">", "~", "null", "<<: ", "%", "@", "`",
             "\n", "\n  ", "\n    ", "\t", "\r", "\x1b", "\x00", "\x85", "\u2028", "\ufeff",
             "2026-99-99", "２０２６-１１-２３", "1" * 4400, "1e999", "0x1F", "yes", "---\n",
             "...\n", "人工智能"]
VALUE = st.lists(st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
                           st.sampled_from(FRAGMENTS)), max_size=10).map("".join)
#: Where the value goes: file (by its first path part) and text around VALUE.
PLACES = [("editorial/news.yml", "title:\n  zh: VALUE\n"),
          ("editorial/news.yml", 'title:\n  zh: "VALUE"\n'),
          ("editorial/news.yml", "title:\n  zh: 'VALUE'\n"),
          ("editorial/news.yml", "summary:\n  en: |\n    VALUE\n"),
          ("editorial/news.yml", "review: {status: reviewed, reviewer: VALUE, date: VALUE}\n"),
          ("editorial/news.yml", 'VALUE: "VALUE"\n'),
          ("editorial/news.yml", "VALUE"),
          ("glossary.yml", 'terms:\n  - {id: a, zh: "VALUE", en: VALUE, note: {zh: a, en: a}}\n'),
          ("translations/news.yml", "language: en\nparagraphs:\n  - id: p1\n"
                                    "    source: 0123456789ab\n    provenance: editor\n"
                                    '    text: "VALUE"\n')]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), value=VALUE)
def test_any_text_in_an_editorial_value_loads_or_is_a_clear_error(place, value):
    """Loading gives values free of refused characters, or EditorialErrors naming the file
    and a line of it; never another exception."""
    rel, template = place
    content = template.replace("VALUE", value)
    with tempfile.TemporaryDirectory() as folder:
        seeds = seeds_with(Path(folder), rel, content)
        try:
            loaded = load(seeds, rel)
        except EditorialError as exc:
            event("refused")
            for problem in exc.problems:
                assert Path(problem.path) == seeds / rel, problem
                assert problem.line is None or 1 <= problem.line \
                    <= len(content.splitlines()) + 1, problem
                assert "\n" not in str(problem), problem
            return
    event("loaded")
    bad = [text for text in strings(loaded) if any(map(is_refused, text))]
    assert not bad, bad


def calendar_has(year: int, month: int, day: int) -> bool:
    """Whether that day exists (the oracle: the calendar module, not the loader's check)."""
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


@settings(max_examples=300, deadline=None)
@given(year=st.integers(0, 9999), month=st.integers(0, 13), day=st.integers(0, 32),
       quoted=st.booleans())
def test_a_review_date_loads_if_and_only_if_the_calendar_has_that_day(year, month, day,
                                                                      quoted):
    written = f"{year:04d}-{month:02d}-{day:02d}"
    exists = calendar_has(year, month, day)
    event(f"exists: {exists}")
    assert load_review_date(f'"{written}"' if quoted else written) == (
        written if exists else None)


@settings(max_examples=200, deadline=None)
@given(digits=st.lists(st.one_of(st.characters(categories=("Nd",)),
                                 st.sampled_from("0123456789")), min_size=8, max_size=8))
def test_a_review_date_in_other_digits_is_refused(digits):
    """Any script's decimal digits (full-width, Arabic-Indic, Devanagari, ...) are numbers to
    Python's int(), but a date is written in 0-9 only."""
    text = "".join(digits)
    written = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    ascii_only = text.isascii()
    event(f"ASCII: {ascii_only}")
    exists = calendar_has(int(text[:4]), int(text[4:6]), int(text[6:]))
    assert load_review_date(written) == (written if ascii_only and exists else None)


def load_review_date(written: str) -> str | None:
    """The date of a reviewed document whose file says `date: <written>`; None when the
    loader refuses it (with the date's line, 4)."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = seeds_with(Path(folder), DOCUMENT, (
            f"review:\n  status: reviewed\n  reviewer: Wu Wei\n  date: {written}\n"))
        try:
            [edits] = editorial.load_document_edits(seeds)
        except EditorialError as exc:
            [problem] = exc.problems
            assert problem.line == 4 and problem.message.startswith("review.date must be a "
                                                                    "date"), problem
            return None
    return edits.review.date
