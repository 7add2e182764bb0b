"""Reading seeds that are not what they should be (issue 14, items 3, 6, 10, 12, 13).

* an encoding that is not Chinese (Shift-JIS, EUC-JP, EUC-KR...) is refused, naming it,
  and Big5-HKSCS (Cantonese) is read as itself;
* a legal 255-byte file name builds, pages and site, under a short collision-free id;
* every entry of seeds/ that is not a seed gets one warning; the editors' do not;
* a seed that vanishes during the run stops it with one `Error:` line, never exit 70;
* NEL, form feeds and the Unicode line and paragraph separators become line breaks.

The cases are data: tests/data/read/cases.yml and the sample texts beside it.
"""
from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing import editorial
from briefing.publish import site
from briefing.read.encoding import PRIVATE_USE, decode
from briefing.errors import InputError, SeedError, display_path
from briefing.pipeline import analyse_corpus
from briefing.read import (EDITORIAL_ENTRIES, LINE_SEPARATORS, MAX_ID, list_seeds,
                           read_error, read_seed, slug_for)
from briefing.render import render
from conftest import ROOT, SEEDS, run_cli
from briefing.publish.records import load_corpus

DATA = Path(__file__).resolve().parent / "data" / "read"
CASES = yaml.safe_load((DATA / "cases.yml").read_text(encoding="utf-8"))
GOOD_SEED = "人工智能产业规模持续增长，应用场景不断拓展。\n"
SKIPPED = "(skipped; the build goes on)"
CANTONESE = "嘅啲咗嚟冇佢哋"


def cases(kind: str) -> list:
    return [pytest.param(case, id=case.get("label", case.get("name"))) for case in CASES[kind]]


def sample(case: dict) -> str:
    text = case["text"] if "text" in case else (DATA / case["sample"]).read_text(encoding="utf-8")
    return text.split("\n")[0] + "\n" if case.get("first_line") else text


def problem_lines(result) -> list[str]:
    """stderr as its lines, after checking that nothing crashed."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    return result.stderr.splitlines()


def names(line: str, kind: str, path: Path) -> bool:
    """The line is a `kind` (`Warning`, `Error`) about `path`, with or without a line."""
    return re.match(rf"{kind}: {re.escape(str(path))}(?::\d+)?: ", line) is not None


def generate(seeds: Path, out: Path, *options: str, timeout: int = 60):
    """`build.py generate` as run_cli runs it, with a timeout (a FIFO must not block it)."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "generate", *options,
                           "--seeds", str(seeds), "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def new_seeds(tmp_path: Path, good: bool = True) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    if good:
        (seeds / "good.txt").write_text(GOOD_SEED, encoding="utf-8")
    return seeds


# --- encodings ------------------------------------------------------------------------------

@pytest.mark.parametrize("case", cases("encodings"))
def test_each_encoding_is_read_as_itself_or_refused_in_one_line(tmp_path, case):
    path = tmp_path / "a seed.txt"
    text = sample(case)
    path.write_bytes(text.encode(case["encoding"]))
    if "read" in case:
        seed = read_seed(path)
        assert (seed.encoding, seed.text) == (case["read"], text)
        assert not PRIVATE_USE.search(seed.text)
        return
    with pytest.raises(SeedError) as caught:
        read_seed(path)
    (problem,) = caught.value.problems
    assert problem.path == display_path(path)
    assert case["refused"] in problem.message and "\n" not in str(problem), problem


REFUSED = [c for c in CASES["encodings"] if "refused" in c]


def test_refused_encodings_warn_once_each_and_strict_fails(tmp_path):
    seeds = new_seeds(tmp_path)
    files = {}
    for number, case in enumerate(REFUSED):
        path = seeds / f"refused-{number:02d}.txt"
        path.write_bytes(sample(case).encode(case["encoding"]))
        files[path] = case["refused"]
    result = generate(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    lines = problem_lines(result)
    assert len(lines) == len(files), lines
    for line, (path, says) in zip(lines, files.items()):
        assert names(line, "Warning", path) and says in line, line
        assert line.endswith(SKIPPED), line

    strict = generate(seeds, tmp_path / "strict-out", "--strict")
    assert strict.returncode == 1
    assert problem_lines(strict) == [line.replace("Warning:", "Error:", 1) for line in lines]
    assert not (tmp_path / "strict-out").exists()


@pytest.mark.parametrize("case", [c for c in REFUSED if c["encoding"] in ("shift_jis", "euc_kr")
                                  and not c.get("first_line")], ids=lambda c: c["label"])
def test_a_refused_encoding_alone_is_one_error(tmp_path, case):
    seeds = new_seeds(tmp_path, good=False)
    path = seeds / "foreign.txt"
    path.write_bytes(sample(case).encode(case["encoding"]))
    result = generate(seeds, tmp_path / "out")
    assert result.returncode == 1
    (line,) = problem_lines(result)
    assert names(line, "Error", path) and case["refused"] in line, line
    assert not (tmp_path / "out").exists()


def test_a_cantonese_big5_hkscs_seed_is_published_as_itself(tmp_path):
    seeds = new_seeds(tmp_path, good=False)
    title = "佢哋嘅新模型識講廣東話"
    text = title + "\n\n" + (DATA / "cantonese.txt").read_text(encoding="utf-8")
    (seeds / "yue.txt").write_bytes(text.encode("big5hkscs"))
    corpus = analyse_corpus(seeds, cleaning=True)
    (doc,) = corpus.documents
    assert corpus.warnings == [] and corpus.cleaned[0].seed.encoding == "big5hkscs"
    assert doc.title["zh"].startswith("佢哋嘅") and not PRIVATE_USE.search(doc.title["zh"])
    pages = render(corpus)
    for name, page in pages.items():
        assert not PRIVATE_USE.search(page), name
    assert all(c in pages["zh/documents/yue.md"] for c in CANTONESE)
    # Written Cantonese is not debris of a wrong decoding: nothing to flag.
    assert corpus.cleaned[0].flags == []


SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
#: Each seed in each encoding it could come in (Big5: the Traditional ones).
ENCODED = [(name, encoding) for name in SEED_NAMES
           for encoding in ("gb18030", "utf-16", "utf-16-le", "big5", "big5hkscs")
           if not encoding.startswith("big5") or read_seed(SEEDS / name).script == "Hant"]


@pytest.mark.parametrize("name, encoding", ENCODED)
def test_the_real_seeds_read_the_same_from_each_encoding(tmp_path, name, encoding):
    original = read_seed(SEEDS / name)
    # Big5 lacks a few characters of the Traditional seeds: the round trip drops them.
    text = original.text.encode(encoding, errors="ignore").decode(encoding)
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    seed = read_seed(path)
    assert seed.text == text and not PRIVATE_USE.search(seed.text)
    assert (seed.script, seed.language) == (original.script, original.language)


def seed_lines(script: str) -> list[str]:
    """The lines of the real seeds of one script, of four characters or more: below that a
    few bytes can be valid UTF-8 by chance (习 平 in GB18030 is ϰ ƽ), and nothing can tell."""
    return [line for name in SEED_NAMES if read_seed(SEEDS / name).script == script
            for line in read_seed(SEEDS / name).text.splitlines() if len(line.strip()) >= 4]


@pytest.mark.parametrize("script, encoding", [("Hans", "gb18030"), ("Hant", "gb18030"),
                                              ("Hant", "big5"), ("Latn", "cp1252")])
def test_every_line_of_the_seeds_alone_keeps_its_encoding(script, encoding):
    # A one-line seed is where shapes mislead most: Big5's second bytes are often ASCII
    # letters, and Windows-1252 accepts any byte GB18030 does. Each line, alone, must read
    # back as itself in its own family (a line that is pure ASCII is UTF-8, which is fine).
    # The detector may take a line of a few characters for Korean (GB2312's rows are
    # EUC-KR's): that is refused, never published wrongly, and only allowed on short lines.
    wrong = []
    for line in seed_lines(script):
        data = line.encode(encoding, errors="ignore")
        try:
            text, found = decode(data, "line.txt")
        except SeedError as refused:
            if len(line) >= 10:
                wrong.append((str(refused), line[:40]))
            continue
        if data.isascii():
            expected = "utf-8"
        elif encoding == "cp1252" and not any(0x80 <= b < 0xA0 for b in data):
            expected = "latin-1"  # the same bytes in both
        else:
            expected = encoding
        if (text, found) != (data.decode(encoding), expected):
            wrong.append((found, line[:40]))
    assert not wrong, wrong


# --- long names -----------------------------------------------------------------------------

#: Names as long as a file system allows (255 bytes): two that share all but their last
#: letter, one in Chinese (3 bytes a character), and a compilation (articles get `-a1`...).
LONG_NAMES = {
    "a" * 250 + "b.txt": GOOD_SEED,
    "a" * 250 + "c.txt": "新质生产力加快发展，创新成果不断涌现。\n",
    "新闻" * 41 + "稿.txt": "Large models drive the AI+ action across industries.\n",
    "c" * 251 + ".txt": (SEEDS / "002_cf7a6355ccf0b9a8.txt").read_text(encoding="utf-8"),
}


@pytest.fixture
def long_named_seeds(tmp_path) -> Path:
    seeds = new_seeds(tmp_path, good=False)
    for name, text in LONG_NAMES.items():
        assert len(name.encode()) in (253, 255), name
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def test_long_names_get_short_distinct_ids_and_ordinary_ids_stay():
    ids = [slug_for(Path(name).stem) for name in LONG_NAMES]
    assert len(set(ids)) == len(ids)
    assert all(len(i) <= MAX_ID and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)
    assert ids[0].startswith("a" * 40)  # the beginning of the name stays readable
    for name in SEED_NAMES:  # the ids of the project's seeds (and their pages) are unchanged
        assert slug_for(Path(name).stem) == Path(name).stem.replace("_", "-")


def test_long_names_generate(tmp_path, long_named_seeds):
    out = tmp_path / "out"
    result = run_cli("generate", "--seeds", str(long_named_seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert problem_lines(result) == []
    corpus = load_corpus(out)
    sources = {d["source"] for d in corpus["documents"]}
    assert sources == set(LONG_NAMES)
    assert any(d["id"].endswith("-a7") for d in corpus["documents"])  # the compilation's
    for path in out.rglob("*"):
        assert len(path.name.encode()) <= 100, path.name


@pytest.mark.slow
def test_long_names_build_the_site(tmp_path, long_named_seeds):
    docs, out = tmp_path / "docs", tmp_path / "site"
    result = run_cli("generate", "--seeds", str(long_named_seeds), "--out", str(docs))
    assert result.returncode == 0, result.stderr
    site.build_sites(docs, out)
    for page in (docs / "zh" / "documents").glob("*.md"):
        assert (out / "documents" / f"{page.stem}.html").is_file(), page.stem
        assert (out / "en" / "documents" / f"{page.stem}.html").is_file(), page.stem


# --- entries of seeds/ that are not seeds ---------------------------------------------------

def make_entry(seeds: Path, name: str, kind: str) -> Path:
    """Make an entry of the seeds folder of the kind the cases name."""
    path = seeds / name
    if kind == "folder":
        path.mkdir()
    elif kind == "file":
        path.write_text("some notes\n", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
    elif kind == "dangling link":
        path.symlink_to("nowhere.txt")
    elif kind == "looping link":
        path.symlink_to(name)
    elif kind == "folder link":
        (seeds.parent / "elsewhere").mkdir()
        path.symlink_to(seeds.parent / "elsewhere")
    else:
        raise ValueError(kind)
    return path


@pytest.mark.parametrize("case", cases("entries"))
def test_an_entry_that_is_not_a_seed_gets_one_warning(tmp_path, case):
    seeds = new_seeds(tmp_path)
    path = make_entry(seeds, case["name"], case["kind"])
    corpus = analyse_corpus(seeds)
    (warning,) = corpus.warnings
    assert warning.path == display_path(path)
    assert case["says"] in warning.message and warning.message.endswith(SKIPPED), warning
    assert [d.source for d in corpus.documents] == ["good.txt"]


@pytest.mark.parametrize("case", cases("entries"))
def test_an_entry_alone_is_one_error(tmp_path, case):
    seeds = new_seeds(tmp_path, good=False)
    path = make_entry(seeds, case["name"], case["kind"])
    result = generate(seeds, tmp_path / "out")
    assert result.returncode == 1
    (line,) = problem_lines(result)
    assert line.startswith(f"Error: {path}: ") and case["says"] in line, line


def test_every_entry_is_warned_about_once_and_the_editors_are_not(tmp_path):
    seeds = new_seeds(tmp_path)
    warned = {make_entry(seeds, c["name"], c["kind"]): c["says"] for c in CASES["entries"]}
    for case in CASES["quiet_entries"]:
        make_entry(seeds, case["name"], case["kind"])
    for name in ("themes.yml", "glossary.yml"):
        shutil.copyfile(SEEDS / name, seeds / name)
    result = generate(seeds, tmp_path / "out")  # the FIFO is never opened: no blocking
    assert result.returncode == 0, result.stderr
    lines = problem_lines(result)
    assert len(lines) == len(warned), lines
    for line, (path, says) in zip(lines, sorted(warned.items())):
        assert line.startswith(f"Warning: {path}: ") and says in line, line
    strict = generate(seeds, tmp_path / "strict-out", "--strict")
    assert strict.returncode == 1 and len(problem_lines(strict)) == len(warned)
    assert not (tmp_path / "strict-out").exists()


def test_the_editors_entries_are_the_editorial_modules_own():
    named = {editorial.EDITORIAL_DIR, editorial.TRANSLATIONS_DIR, editorial.THEMES_FILE,
             editorial.GLOSSARY_FILE}
    assert named <= set(EDITORIAL_ENTRIES)


def test_the_project_seeds_folder_gives_no_warning():
    assert analyse_corpus(SEEDS).warnings == []


# --- seeds that vanish or cannot be read ----------------------------------------------------

def test_a_seed_deleted_after_listing_stops_the_run(tmp_path):
    seeds = new_seeds(tmp_path)
    (paths, skipped) = list_seeds(seeds)
    assert skipped == []
    paths[0].unlink()
    with pytest.raises(InputError) as caught:
        read_seed(paths[0], seeds)
    assert not isinstance(caught.value, SeedError)  # not skipped: the run stops
    (problem,) = caught.value.problems
    assert str(problem) == (f"{display_path(paths[0])}: disappeared while it was being "
                            "read; run the build again")


IN_OPEN = 0x20


def test_a_seed_deleted_while_the_build_reads_is_one_error_not_a_bug(tmp_path):
    """A real race: when the build opens the first seed (inotify tells), the second goes."""
    seeds = new_seeds(tmp_path, good=False)
    first, second = seeds / "a.txt", seeds / "b.txt"
    first.write_text(GOOD_SEED * 60_000, encoding="utf-8")  # ~4 MB: read while b goes
    second.write_text(GOOD_SEED, encoding="utf-8")
    libc = ctypes.CDLL(None, use_errno=True)
    watch = libc.inotify_init()
    assert watch >= 0 and libc.inotify_add_watch(watch, bytes(first), IN_OPEN) >= 0
    try:
        build = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "generate",
                                  "--seeds", str(seeds), "--out", str(tmp_path / "out")],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        ready, _, _ = select.select([watch], [], [], 60)
        assert ready, "the build never opened a.txt"
        second.unlink()
        stdout, stderr = build.communicate(timeout=120)
    finally:
        os.close(watch)
    assert build.returncode == 1, stderr
    assert stderr.splitlines() == [f"Error: {second}: disappeared while it was being read; "
                                   "run the build again"]
    assert "Traceback" not in stderr + stdout


#: What the system may answer when a seed is opened or read, and what the user is told;
#: `stops`: the run stops (an error) rather than skipping the seed (a warning).
READ_ERRORS = [
    (FileNotFoundError(errno.ENOENT, "No such file"), "disappeared while it was being "
                                                      "read; run the build again", True),
    (PermissionError(errno.EACCES, "Permission denied"), "cannot be read (permission "
                                                         "denied); make it readable", False),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "is a folder, not a seed file", False),
    (OSError(errno.ELOOP, "Too many levels of symbolic links"), "loops", False),
    (OSError(errno.EIO, "Input/output error"), "cannot be read (Input/output error); check "
                                               "the file and the disk it is on", False),
]


@pytest.mark.parametrize("exc, says, stops", READ_ERRORS,
                         ids=[errno.errorcode[e.errno] for e, _, _ in READ_ERRORS])
def test_each_read_error_names_the_seed_and_what_to_do(tmp_path, exc, says, stops):
    path = tmp_path / "seed.txt"
    error = read_error(path, exc)
    assert isinstance(error, InputError) and isinstance(error, SeedError) != stops
    (problem,) = error.problems
    assert problem.path == display_path(path) and says in problem.message, problem


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_seed_is_skipped_with_a_warning(tmp_path):
    seeds = new_seeds(tmp_path)
    locked = seeds / "locked.txt"
    locked.write_text(GOOD_SEED, encoding="utf-8")
    locked.chmod(0)
    (warning,) = analyse_corpus(seeds).warnings
    assert warning.path == display_path(locked) and "permission denied" in warning.message


# --- line separators ------------------------------------------------------------------------

@pytest.mark.parametrize("case", cases("separators"))
def test_line_separators_become_line_breaks(tmp_path, case):
    path = tmp_path / "seed.txt"
    path.write_bytes(case["text"].encode("utf-8"))
    assert read_seed(path).text.split("\n") == case["lines"]


SEPARATED = ("人工智能产业规模持续增长。\n\x0c第二页的段落\u2028继续写下去。\x85新的一行。\u2029"
             "新的一段。\x0b最后一行。\n\x0c")


def test_no_separator_reaches_a_page(tmp_path):
    seeds = new_seeds(tmp_path, good=False)
    (seeds / "separated.txt").write_text(SEPARATED, encoding="utf-8")
    corpus = analyse_corpus(seeds, cleaning=True)
    assert corpus.warnings == []
    found = re.compile(f"[{LINE_SEPARATORS}]")
    texts = [b.text for c in corpus.cleaned for b in c.blocks]
    texts += [p.text for d in corpus.documents for p in d.paragraphs]
    texts += [p.traditional or "" for d in corpus.documents for p in d.paragraphs]
    assert texts and not any(found.search(t) for t in texts)
    for name, page in render(corpus).items():
        assert not found.search(page), name


def test_line_numbers_after_separators_are_those_of_the_file(tmp_path):
    # A page break at the top of a line (as pdftotext writes it) adds no line: the flag on
    # the second page's line is on line 3, as `grep -n` and editors count.
    path = tmp_path / "paged.txt"
    path.write_text("第一页第一行。\n第一页第二行。\n\x0c第二页有问?题。\n", encoding="utf-8")
    flags = analyse_corpus(tmp_path, cleaning=True).cleaned[0].flags
    assert [(f.kind, f.line) for f in flags] == [("question-mark-in-han", 3)]
    # A file whose lines end in NEL only: each NEL ends a line, as in editors that know it.
    path.write_bytes("第一行。\x85第二行\x07。\x85".encode("utf-8"))
    with pytest.raises(SeedError) as caught:
        read_seed(path)
    assert caught.value.problems[0].line == 2
