"""Nothing lost: inputs are never written, outputs are replaced whole or not at all."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import copy_project

pytestmark = pytest.mark.slow


def checksums(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(root, *args):
    return subprocess.run([sys.executable, "build.py", "build", *args], cwd=root,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("atomic") / "briefing")
    assert build(root).returncode == 0
    return root


def test_a_build_reads_its_inputs_and_writes_none_of_them(project):
    before = checksums(project / "seeds")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert checksums(project / "seeds") == before


def test_a_build_killed_midway_leaves_the_previous_output_intact(project):
    docs, site = checksums(project / "docs"), checksums(project / "site")
    # Change a seed so that a completed build would change docs/ and site/.
    seed = project / "seeds" / "003_c67a1687915d7e32.txt"
    original = seed.read_bytes()
    seed.write_bytes(original + b"\nA paragraph that the killed build never publishes.\n")
    try:
        proc = subprocess.Popen([sys.executable, "build.py", "build"], cwd=project,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill it once it is writing its staged site (MkDocs is running by then).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list(project.glob(".site.new-*/*")):
            time.sleep(0.05)
        assert list(project.glob(".site.new-*")), "the build never started writing"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert checksums(project / "docs") == docs
        assert checksums(project / "site") == site
        # The next build clears the leftovers and publishes the change.
        assert build(project).returncode == 0
        assert not list(project.glob(".site.*")) and not list(project.glob(".docs.*"))
        record = project / "docs" / "corpus" / "003-c67a1687915d7e32.json"
        assert b"never publishes" in record.read_bytes()
    finally:
        seed.write_bytes(original)


def test_a_failed_build_leaves_the_previous_output_intact(project):
    docs, site = checksums(project / "docs"), checksums(project / "site")
    bad = project / "seeds" / "editorial" / "003-c67a1687915d7e32.yml"
    bad.write_text("title:\n  fr: titre\n", encoding="utf-8")
    try:
        result = build(project)
        assert result.returncode == 1 and "unknown key 'fr'" in result.stderr
        assert checksums(project / "docs") == docs
        assert checksums(project / "site") == site
    finally:
        bad.unlink()


def test_the_committed_configurations_build_with_plain_mkdocs(project, tmp_path):
    # `build` derives its MkDocs settings from mkdocs.yml and mkdocs.en.yml; the files
    # themselves stay usable as they are (and by MkDocs-compatible tools).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                                 "-f", config, "-d", str(tmp_path / config)], cwd=project,
                                env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / config / "index.html").is_file()
