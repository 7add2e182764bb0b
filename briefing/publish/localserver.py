"""A static file server on 127.0.0.1 for a built site: `serve`'s preview, and the browser
tests and benchmarks, which open the site as readers on an intranet do.
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files of one folder, without a log line per request."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A reader who closes the tab while a page is sent is normal: one line, no
        traceback. Anything else is reported as the standard library does."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            print(f"serve: {client_address[0]}:{client_address[1]} closed the connection "
                  "before the response was sent", file=sys.stderr, flush=True)
            return
        super().handle_error(request, client_address)


def site_server(folder: Path, port: int = 0) -> SiteServer:
    """Bind (raising OSError when the port is taken) but do not serve yet."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    return SiteServer(("127.0.0.1", port), handler)


def start(server: SiteServer) -> str:
    """Serve in a background thread; returns the root address, `http://127.0.0.1:N/`."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` served on a free port for the length of the block; yields its address."""
    server = site_server(folder)
    try:
        yield start(server)
    finally:
        server.shutdown()
        server.server_close()
