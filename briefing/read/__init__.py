"""Stage 1, read: find the seed files, decode them, detect their script and language.

Seeds are untrusted: anything that is not text gets one clear line naming the file and
what to do, and so does every entry of the seeds folder that is passed over. Reading never
writes.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from .encoding import CONTROL, decode
from ..errors import InputError, Problem, SeedError, display_path
from ..model import Seed
from ..script import detect_script, language_of, unpublished_language

__all__ = ["find_seeds", "list_seeds", "read_seed", "read_error", "decode",
           "normalize_line_breaks", "slug_for", "EDITORIAL_ENTRIES"]

SEED_SUFFIXES = (".txt",)
#: A seed larger than this is refused from its size, before reading it: a document of a
#: study collection is at most a few hundred KB; 20 MB is a mistake (or an attack).
MAX_SEED_BYTES = 20 * 1024 * 1024
#: The entries of a seeds folder that are the editors' (`briefing.editorial` reads them):
#: not seeds, and passed over without a word. Every other entry is a seed or is warned about.
EDITORIAL_ENTRIES = ("editorial", "translations", "themes.yml", "glossary.yml",
                     "sessions", "names.yml", "document_types.yml")
#: Line ends other than LF and CR: vertical tab (a word processor's manual line break),
#: form feed (a page break: PDF extraction starts each page with one), NEL (EBCDIC's line
#: end), LINE SEPARATOR and PARAGRAPH SEPARATOR.
LINE_SEPARATORS = "\x0b\x0c\x85\u2028\u2029"
_SEPARATOR = re.compile(f"[{LINE_SEPARATORS}]")
_SEPARATORS_AT_LINE_BREAK = re.compile(f"[{LINE_SEPARATORS}]*\n[{LINE_SEPARATORS}]*")
#: Entries that are neither files nor folders, as a message names them.
SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                 (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
#: Longest id. An id names files (`<id>-a12.md`, `<id>.html`, `editorial/<id>.yml`) that
#: must stay far below the 255 bytes a file name may have, and URLs that stay readable.
MAX_ID = 64


def find_seeds(seeds_dir: Path) -> list[Path]:
    """The seed files of a folder, in name order (the order of the corpus)."""
    return list_seeds(seeds_dir)[0]


def list_seeds(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The seed files of a folder in name order, and one problem for each other entry.

    The editors' entries (`EDITORIAL_ENTRIES`) and hidden entries that are not `.txt`
    (`.git`, `.DS_Store`, an editor's swap file) are passed over without a word; anything
    else that is not a `.txt` file (a folder, a FIFO, a dangling link...) gets a problem
    naming it. Nothing is opened: a FIFO would block the reader.
    """
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise SeedError(Problem(display_path(seeds_dir), None,
                                "not a folder of seeds; give the folder that holds the .txt files"))
    try:
        entries = sorted(seeds_dir.iterdir())
    except OSError as exc:
        raise SeedError(Problem(display_path(seeds_dir), None, (
            f"cannot be listed ({exc.strerror or exc}); make it readable for this user"))) \
            from None
    seeds, skipped = [], []
    for entry in entries:
        if entry.name in EDITORIAL_ENTRIES or (entry.name.startswith(".")
                                               and not _is_txt(entry)):
            continue
        why = why_not_a_seed(entry)
        if why is None:
            seeds.append(entry)
        else:
            skipped.append(Problem(display_path(entry), None, why))
    return seeds, skipped


def why_not_a_seed(entry: Path) -> str | None:
    """Why an entry of the seeds folder is not read as a seed (`what it is; what to do`),
    or None for a seed: a `.txt` file, or a link to one.

    An entry gone since the folder was listed stops the run (`InputError`): what the run
    read would be no one state of the folder.
    """
    link = entry.is_symlink()
    try:
        mode = entry.stat().st_mode
    except FileNotFoundError:
        if not link:
            raise _vanished(entry) from None
        return (f"is a symbolic link to {display_path(os.readlink(entry))}, which does not "
                "exist; remove the link, or point it at a .txt file")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that loops (it leads back to itself); remove it"
        return f"cannot be examined ({exc.strerror or exc}); check it, or remove it"
    what = "is a symbolic link to" if link else "is"
    if stat.S_ISDIR(mode):
        if link:
            return (f"{what} a folder, not a seed file (only .txt files in the seeds folder "
                    "are read); remove the link, or link to a .txt file instead")
        return ("is a folder, not a seed file (only .txt files directly in the seeds folder "
                "are read); move the files it holds into the seeds folder, or the folder out")
    if not stat.S_ISREG(mode):
        kind = next((name for is_kind, name in SPECIAL_FILES if is_kind(mode)),
                    "a special file")
        return f"{what} {kind}, not a text file; remove it from the seeds folder"
    if not _is_txt(entry):
        return ("is not a .txt file, so it is not read as a seed; give it the .txt ending "
                "if it is one, or move it out of the seeds folder")
    return None


def _is_txt(entry: Path) -> bool:
    return entry.suffix.lower() in SEED_SUFFIXES


def read_seed(path: Path, seeds_dir: Path | None = None) -> Seed:
    """Read one seed file into a `Seed`, or raise `SeedError` naming the file.

    With `seeds_dir`, a symbolic link must stay inside it: a link to a file elsewhere
    would publish whatever it points at. A seed that disappears while it is read raises
    `InputError`: the run stops, and is to be run again.
    """
    return decode_seed(path, read_seed_bytes(path, seeds_dir))


def read_seed_bytes(path: Path, seeds_dir: Path | None = None) -> bytes:
    """The bytes of a seed, with the checks of `read_seed` on the file itself (a link
    leaving `seeds_dir`, not a regular file, too large)."""
    where = display_path(path)
    if seeds_dir is not None and path.is_symlink():
        _check_link(path, Path(seeds_dir), where)
    return _read_bytes(path, where)


def decode_seed(path: Path, data: bytes) -> Seed:
    """A seed's bytes as text, or `SeedError` for what is not a publishable text."""
    where = display_path(path)
    text, encoding = decode(data, where)
    text = normalize_line_breaks(text)
    control = CONTROL.search(text)
    if control:
        raise SeedError(Problem(where, _line_of(text, control.start()),
                                "contains control characters: this looks like a binary file, "
                                "not text; remove it from the seeds folder"))
    if not text.strip():
        raise SeedError(Problem(where, None, "is empty; add its text or remove the file"))
    language = unpublished_language(text)
    if language:
        raise SeedError(Problem(where, None, (
            f"is {language} text ({encoding}), which this generator does not publish (it "
            "publishes Chinese and English); remove it from the seeds folder")))
    script = detect_script(text)
    return Seed(path=path, name=path.name, id=slug_for(path.stem), text=text,
                encoding=encoding, script=script, language=language_of(script))


def _check_link(path: Path, seeds_dir: Path, where: str) -> None:
    """Refuse a link that leads out of the seeds folder (or nowhere)."""
    try:
        target, folder = path.resolve(strict=True), seeds_dir.resolve()
    except FileNotFoundError:
        raise _vanished(path) from None
    except (OSError, RuntimeError):  # a loop: RuntimeError before Python 3.13
        raise SeedError(Problem(where, None, "is a symbolic link that loops (it leads back "
                                             "to itself); remove it")) from None
    if folder not in target.parents:
        raise SeedError(Problem(where, None, "is a symbolic link to a file outside the "
                                             "seeds folder; copy the file in instead"))


def _read_bytes(path: Path, where: str) -> bytes:
    """The bytes of a seed, judged by the open file itself (the entry listed may have been
    replaced since): a regular file, at most `MAX_SEED_BYTES`.

    It is opened without blocking, so a FIFO put in its place is refused, not waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise read_error(path, exc) from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SeedError(Problem(where, None, "is not a regular file (a folder, a pipe or "
                                                 "a device); remove it from the seeds folder"))
        if info.st_size > MAX_SEED_BYTES:
            raise _too_large(where, info.st_size)
        try:
            data = file.read(MAX_SEED_BYTES + 1)
        except OSError as exc:
            raise read_error(path, exc) from None
    if len(data) > MAX_SEED_BYTES:  # it grew after the check
        raise _too_large(where, len(data))
    return data


def _too_large(where: str, size: int) -> SeedError:
    return SeedError(Problem(where, None, f"is larger than {MAX_SEED_BYTES // 2**20} MB "
                                          f"({size / 2**20:.1f} MB); split it into several "
                                          "seeds"))


def read_error(path: Path, exc: OSError) -> InputError:
    """The problem of a seed the system would not let us read, as `what; what to do`."""
    where = display_path(path)
    if isinstance(exc, FileNotFoundError):
        return _vanished(path)
    if isinstance(exc, PermissionError):
        return SeedError(Problem(where, None, "cannot be read (permission denied); make it "
                                              "readable for this user, or remove it"))
    if isinstance(exc, IsADirectoryError):
        return SeedError(Problem(where, None, "is a folder, not a seed file; move it out "
                                              "of the seeds folder"))
    if exc.errno == errno.ELOOP:
        return SeedError(Problem(where, None, "is a symbolic link that loops (it leads "
                                              "back to itself); remove it"))
    return SeedError(Problem(where, None, f"cannot be read ({exc.strerror or exc}); check "
                                          "the file and the disk it is on"))


def _vanished(path: Path) -> InputError:
    # Not a SeedError (which skips the seed and goes on): a seed deleted or moved during
    # the run leaves the output with or without it by chance.
    return InputError(Problem(display_path(path), None, "disappeared while it was being "
                                                        "read; run the build again"))


def normalize_line_breaks(text: str) -> str:
    """Line ends as `\\n`: CRLF and CR, and the other separators (`LINE_SEPARATORS`).

    A separator next to a line break adds nothing and goes, so the line numbers of a file
    with LF (or CRLF) line ends stay those of `grep -n` (pdftotext's page breaks stand at
    the start of a line); elsewhere a separator ends a line. A page or paragraph separator
    becomes a plain line break too: every line is a block to the cleaner, which judges
    itself whether a paragraph goes on across it (a page break often cuts one).

    >>> normalize_line_breaks("page one\\r\\n\\x0cpage two\\x85next\\u2029last\\n")
    'page one\\npage two\\nnext\\nlast\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _SEPARATOR.search(text):  # the usual case: one quick scan
        return text
    return _SEPARATOR.sub("\n", _SEPARATORS_AT_LINE_BREAK.sub("\n", text))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def slug_for(stem: str) -> str:
    """A stable, URL-safe id from a file name stem, at most `MAX_ID` characters.

    Plain ASCII names keep their letters and digits (`000_80a0` -> `000-80a0`). Names with
    other characters get a short hash of the full name too, so two different names never
    share an id by losing their non-ASCII parts; so do names too long for an id, which keep
    their beginning.

    >>> slug_for("000_80a0138ffffb83b7"), slug_for("新闻 稿"), len(slug_for("a" * 251))
    ('000-80a0138ffffb83b7', 'seed-2540e314', 64)
    """
    stem = unicodedata.normalize("NFC", stem)
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    if re.fullmatch(r"[A-Za-z0-9_.\- ]+", stem) and slug and len(slug) <= MAX_ID:
        return slug
    digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]
    head = slug[: MAX_ID - len(digest) - 1].rstrip("-") or "seed"
    return f"{head}-{digest}"
