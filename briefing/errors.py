"""The errors the pipeline raises. Only the command line turns them into `Error: ...`.

Every error about an input names its file (and line, when there is one) so an editor can
jump straight to it, and says what to do.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass
class Problem:
    """One finding about an input: printed as `file:line: message`."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class BriefingError(Exception):
    """Base class: something the user can fix; never shown with a traceback."""


class InputError(BriefingError):
    """A seed or editorial file is unusable. Carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))


class SeedError(InputError):
    """A seed file cannot be read (binary, undecodable, empty...)."""


class EditorialError(InputError):
    """An editorial file (YAML) is malformed or does not match its schema."""


class ToolError(BriefingError):
    """An external step (MkDocs, WeasyPrint, a missing font) failed."""


class OutputError(BriefingError):
    """An output folder cannot be used (it would take an input with it, say)."""


#: What the machine can do to a run, said as `what happened; what to do`. Any other
#: OSError is a bug of the generator and is reported as one.
ENVIRONMENT_ERRORS = {
    errno.EROFS: "is on a read-only file system; choose a writable folder",
    errno.ENOSPC: "no space left on the device; free some space, then run again",
    errno.EDQUOT: "the disk quota is used up; free some space, then run again",
    errno.EACCES: "permission denied; make it writable (or readable) for this user, or "
                  "choose another folder",
    errno.EPERM: "operation not permitted; make it writable for this user, or choose "
                 "another folder",
    errno.ENOENT: "disappeared while the build was using it (moved or deleted by "
                  "something else); run again",
    errno.ENAMETOOLONG: "the name is too long for the file system; use a shorter folder "
                        "or file name",
    errno.EMFILE: "too many open files; raise the limit (ulimit -n), then run again",
    errno.EIO: "input/output error from the device; check the disk, then run again",
    errno.EADDRINUSE: "the address is in use by another program; choose another --port",
}


def environment_problem(exc: OSError) -> str | None:
    """`path: what happened; what to do` for an OSError the machine caused, else None.

    >>> environment_problem(OSError(errno.ENOSPC, "No space left", "docs/a.md"))
    'docs/a.md: no space left on the device; free some space, then run again'
    >>> environment_problem(OSError(errno.EBADF, "Bad file descriptor")) is None
    True
    """
    message = ENVIRONMENT_ERRORS.get(exc.errno)
    if message is None:
        return None
    return f"{display_path(exc.filename)}: {message}" if exc.filename else message


def display_path(path: Path | str) -> str:
    """Path as shown in messages: relative to the working directory when inside it, with
    control characters escaped (a file name with a line break must not break the one-line
    message format)."""
    p = Path(path)
    try:
        shown = str(p.absolute().relative_to(_resolved(os.getcwd())))
    except ValueError:
        shown = str(p)
    if shown.isprintable():  # nearly always: no character to escape
        return shown
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in shown)


@lru_cache(maxsize=4)
def _resolved(folder: str) -> Path:
    """The working directory with its links resolved (asked for every seed of a run)."""
    return Path(folder).resolve()
