"""`serve`: a live preview on localhost that rebuilds when a seed changes."""
from __future__ import annotations

import queue
import re
import socket
import struct
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
        # A reader who goes away mid-page: one line in the log, no traceback. The file
        # is larger than any socket buffer (loopback autotunes to 4 MB), so the server is
        # still writing when the connection is reset, whatever the machine.
        (root / "site" / "large.bin").write_bytes(bytes(64 * 1024 * 1024))
        port = int(url.rsplit(":", 1)[1].strip("/"))
        drop_connection_midway(port, "/large.bin")
        line = wait_for(lines, "closed the connection|Traceback", timeout=30)
        assert "closed the connection before the response was sent" in line, line
        assert "Traceback" not in line
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def drop_connection_midway(port: int, path: str) -> None:
    """Ask for a large file with a tiny receive window, then reset the connection."""
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    client.connect(("127.0.0.1", port))
    client.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    client.recv(100)  # the response has begun
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()  # with linger 0: a reset, as a closed tab gives


def test_serve_on_a_port_in_use_says_so_before_building(tmp_path):
    root = copy_project(tmp_path / "project")
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = subprocess.run([sys.executable, "build.py", "serve", "--port", str(port),
                                 "--no-pdf"], cwd=root, capture_output=True, text=True,
                                timeout=60)
    finally:
        taken.close()
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        f"Error: 127.0.0.1:{port}: cannot serve there (Address already in use); choose "
        "another port with --port N (0 picks a free one)"]
    assert not (root / "site").exists()  # nothing was built first
