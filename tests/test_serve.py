"""`serve`: a live preview on localhost that rebuilds when a seed changes."""
from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import copy_project

pytestmark = pytest.mark.slow


def read_lines(stream, sink):
    for line in stream:
        sink.put(line)


def wait_for(lines, pattern, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if re.search(pattern, line):
            return line
    raise AssertionError(f"no line matching {pattern!r} within {timeout}s")


def test_serve_rebuilds_when_a_seed_changes(tmp_path):
    root = copy_project(tmp_path / "project")
    proc = subprocess.Popen([sys.executable, "build.py", "serve", "--port", "0", "--no-pdf"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=read_lines, args=(proc.stdout, lines), daemon=True).start()
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", wait_for(lines, "serving on")).group(0)
        page = f"{url}en/documents/003-c67a1687915d7e32.html"
        assert "action plan" in urllib.request.urlopen(page).read().decode()
        seed = root / "seeds" / "003_c67a1687915d7e32.txt"
        with open(seed, "a", encoding="utf-8") as handle:
            handle.write("\nA closing line added while the preview runs.\n")
        wait_for(lines, "^rebuilt")
        assert "A closing line added while the preview runs." in \
            urllib.request.urlopen(page).read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
