"""The errors the pipeline raises. Only the command line turns them into `Error: ...`.

Every error about an input names its file (and line, when there is one) so an editor can
jump straight to it, and says what to do.
"""
from __future__ import annotations

from dataclasses import dataclass
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


def display_path(path: Path | str) -> str:
    """Path as shown in messages: relative to the working directory when inside it, with
    control characters escaped (a file name with a line break must not break the one-line
    message format)."""
    p = Path(path)
    try:
        shown = str(p.absolute().relative_to(Path.cwd().resolve()))
    except ValueError:
        shown = str(p)
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in shown)
