"""Outputs never touch inputs, swaps are all or nothing, and the machine's errors are said
in one line (issue 14: items 2, 4, 5, 10).

Everything runs the real command line in its own process. Cases that could delete files if
the guard failed run in a copy of the project, never in this checkout.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, copy_project, run_cli


def checksums(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def one_error(result) -> str:
    """The single `Error:` line of a run that failed cleanly."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


# --- outputs never touch inputs ----------------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with its seeds: a broken guard can only hurt the copy."""
    return copy_project(tmp_path_factory.mktemp("guard") / "briefing")


#: (label, --out relative to the project copy, what the message says)
REFUSED_OUTPUTS = [
    ("the seeds folder", "seeds", "an input of the build"),
    ("inside the seeds folder", "seeds/editorial", "an input of the build"),
    ("a new folder inside the seeds", "seeds/out", "an input of the build"),
    ("the project folder", ".", "is or contains the project folder"),
    ("above the project folder", "..", "contains"),
    ("the package", "briefing", "an input of the build"),
    ("inside the templates", "templates/theme", "an input of the build"),
    ("the tests", "tests", "an input of the build"),
    ("a file", "README.md", "is a file"),
    ("a folder of other files", "schema", "an input of the build"),
]


@pytest.mark.parametrize("label, out, says", REFUSED_OUTPUTS, ids=[c[0] for c in REFUSED_OUTPUTS])
def test_an_output_that_would_replace_an_input_is_refused(project, label, out, says):
    before = checksums(project)
    result = subprocess.run([sys.executable, "build.py", "generate", "--out", out],
                            cwd=project, capture_output=True, text=True)
    line = one_error(result)
    assert says in line and "choose" in line, line
    assert checksums(project) == before  # every input byte for byte, nothing added


def test_an_output_holding_the_seeds_given_elsewhere_is_refused(tmp_path):
    seeds = tmp_path / "work" / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = checksums(tmp_path)
    for out in (seeds, seeds / "docs", tmp_path / "work", tmp_path):
        line = one_error(run_cli("generate", "--seeds", str(seeds), "--out", str(out)))
        assert "input of the build" in line
        assert checksums(tmp_path) == before


def test_a_folder_of_someone_elses_files_is_not_replaced(tmp_path, seed_copy):
    mine = tmp_path / "letters"
    mine.mkdir()
    (mine / "draft.txt").write_text("my own words", encoding="utf-8")
    line = one_error(run_cli("generate", "--seeds", str(seed_copy), "--out", str(mine)))
    assert "is a folder of other files" in line
    assert (mine / "draft.txt").read_text(encoding="utf-8") == "my own words"


def test_an_earlier_output_is_replaced(tmp_path, seed_copy):
    out = tmp_path / "out"
    for _ in range(2):
        result = run_cli("generate", "--seeds", str(seed_copy), "--out", str(out))
        assert result.returncode == 0, result.stderr
    assert (out / "corpus.json").is_file()


# --- all or nothing, even when killed at any step ---------------------------------------

#: Runs one two-output swap (as `build` swaps docs/ and site/) in its own process and
#: kills the process with SIGKILL at the Nth file-system step of the swap.
KILLED_SWAP = textwrap.dedent("""
    import os, shutil, signal, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from briefing import output
    kill_at, base = int(sys.argv[2]), Path(sys.argv[3])
    steps = 0

    def step(fn):
        def wrapped(*args, **kwargs):
            global steps
            steps += 1
            if steps == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return fn(*args, **kwargs)
        return wrapped

    with output.staged(base / "docs", base / "site") as (docs, site):
        (docs / "page.md").write_text("new docs", encoding="utf-8")
        (site / "page.html").write_text("new site", encoding="utf-8")
        for name in ("rename", "replace", "unlink", "fsync"):
            setattr(os, name, step(getattr(os, name)))
        shutil.rmtree = step(shutil.rmtree)
    print("steps", steps)
""")


def run_killed_swap(base: Path, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLED_SWAP, str(ROOT), str(kill_at),
                           str(base)], capture_output=True, text=True)


def outputs(base: Path) -> tuple[str | None, str | None]:
    def text(path):
        return path.read_text(encoding="utf-8") if path.is_file() else None
    return text(base / "docs" / "page.md"), text(base / "site" / "page.html")


def test_a_swap_killed_at_any_step_leaves_all_old_or_all_new_outputs(tmp_path):
    from briefing import output

    kill_at, killed = 1, 0
    while True:
        base = tmp_path / f"kill-{kill_at}"
        (base / "docs").mkdir(parents=True)
        (base / "site").mkdir()
        (base / "docs" / "page.md").write_text("old docs", encoding="utf-8")
        (base / "site" / "page.html").write_text("old site", encoding="utf-8")
        result = run_killed_swap(base, kill_at)
        if result.returncode == 0:  # the swap ran to its end before step `kill_at`
            assert outputs(base) == ("new docs", "new site")
            break
        assert result.returncode == -9, result.stderr
        killed += 1
        # The next run completes or clears the killed swap first, even when it fails
        # itself (the old failure: it deleted the only copy of the previous output).
        with pytest.raises(RuntimeError):
            with output.staged(base / "docs", base / "site"):
                raise RuntimeError("the next build fails too")
        assert outputs(base) in (("old docs", "old site"), ("new docs", "new site")), kill_at
        assert sorted(p.name for p in base.iterdir()) == ["docs", "site"], kill_at
        kill_at += 1
    # journal, its sync, two pairs of renames, the removal, the old folders: all killed
    assert killed >= 10


# --- one writer at a time ---------------------------------------------------------------

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from briefing import output
    out, release = Path(sys.argv[2]), Path(sys.argv[3])
    with output.staged(out) as (folder,):
        (folder / "corpus.json").write_text("{}", encoding="utf-8")
        print("holding", flush=True)
        while not release.exists():
            time.sleep(0.05)
""")


def test_a_second_build_waits_for_the_first_and_both_finish_whole(tmp_path, seed_copy):
    first, second, release = tmp_path / "first", tmp_path / "second", tmp_path / "go"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(ROOT), str(first),
                               str(release)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        waiting = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "generate",
                                    "--seeds", str(seed_copy), "--out", str(second)],
                                   stderr=subprocess.PIPE, text=True)
        # It says at once that it waits (and does not touch the first one's staging).
        line = waiting.stderr.readline()
        assert line.startswith("Waiting: another build is writing"), line
        assert len(list(tmp_path.glob(".first.new-*"))) == 1
        release.touch()
        assert holder.wait(timeout=60) == 0
        assert waiting.wait(timeout=300) == 0, waiting.stderr.read()
    finally:
        holder.kill()
    assert (first / "corpus.json").read_text(encoding="utf-8") == "{}"
    assert (second / "corpus.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "go", "second", "seeds"]


# --- the machine's errors, in one line ----------------------------------------------------

@pytest.fixture
def mounted(tmp_path):
    """A small tmpfs of our own (needs root, as CI and the developers' machines have)."""
    mounts = []

    def mount(options: str) -> Path:
        point = tmp_path / f"mnt{len(mounts)}"
        point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}): run as root")
        mounts.append(point)
        return point

    yield mount
    for point in mounts:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_read_only_output_folder_is_one_line(mounted, seed_copy):
    point = mounted("size=1m,ro")
    line = one_error(run_cli("generate", "--seeds", str(seed_copy), "--out", str(point / "docs")))
    assert "read-only file system; choose a writable folder" in line, line
    assert str(point.name) in line


def test_a_full_disk_is_one_line_and_leaves_nothing_behind(mounted, seed_copy):
    point = mounted("size=256k")
    out = point / "docs"
    out.mkdir()
    (out / "corpus.json").write_text("{}", encoding="utf-8")  # an earlier output
    line = one_error(run_cli("generate", "--seeds", str(seed_copy), "--out", str(out)))
    assert "no space left on the device; free some space, then run again" in line, line
    assert sorted(p.name for p in point.iterdir()) == ["docs"]  # staging removed
    assert (out / "corpus.json").read_text(encoding="utf-8") == "{}"  # previous output kept
