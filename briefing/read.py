"""Stage 1, read: find the seed files, decode them, detect their script and language.

Seeds are untrusted: anything that is not text gets one clear line naming the file and
what to do. Reading never writes.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .errors import Problem, SeedError, display_path
from .model import Seed
from .script import HAN, detect_script, language_of

SEED_SUFFIXES = (".txt",)
#: A seed larger than this is refused from its size, before reading it: a document of a
#: study collection is at most a few hundred KB; 20 MB is a mistake (or an attack).
MAX_SEED_BYTES = 20 * 1024 * 1024

#: Control characters that have no business in a text document (tab, LF, CR, FF are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def find_seeds(seeds_dir: Path) -> list[Path]:
    """The seed files of a folder, in name order (the order of the corpus)."""
    if not seeds_dir.is_dir():
        raise SeedError(Problem(display_path(seeds_dir), None,
                                "not a folder of seeds; give the folder that holds the .txt files"))
    return sorted(p for p in seeds_dir.iterdir()
                  if p.suffix.lower() in SEED_SUFFIXES and p.is_file())


def read_seed(path: Path, seeds_dir: Path | None = None) -> Seed:
    """Read one seed file into a `Seed`, or raise `SeedError` naming the file.

    With `seeds_dir`, a symbolic link must stay inside it: a link to a file elsewhere
    would publish whatever it points at.
    """
    where = display_path(path)
    if seeds_dir is not None and path.is_symlink():
        target, folder = path.resolve(), Path(seeds_dir).resolve()
        if folder not in target.parents:
            raise SeedError(Problem(where, None, "is a symbolic link to a file outside the "
                                                 "seeds folder; copy the file in instead"))
    size = path.stat().st_size
    if size > MAX_SEED_BYTES:
        raise SeedError(Problem(where, None, f"is larger than {MAX_SEED_BYTES // 2**20} MB "
                                             f"({size / 2**20:.1f} MB); split it into "
                                             "several seeds"))
    data = path.read_bytes()
    text, encoding = decode(data, where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        raise SeedError(Problem(where, _line_of(text, _CONTROL.search(text).start()),
                                "contains control characters: this looks like a binary file, "
                                "not text; remove it from the seeds folder"))
    if not text.strip():
        raise SeedError(Problem(where, None, "is empty; add its text or remove the file"))
    script = detect_script(text)
    return Seed(path=path, name=path.name, id=slug_for(path.stem), text=text,
                encoding=encoding, script=script, language=language_of(script))


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16, GB18030 or Big5.

    A byte-order mark decides at once. Otherwise UTF-8 is tried first (it almost never
    decodes text in another encoding by accident), then GB18030 and Big5. Those two overlap
    (nearly every Big5 byte pair is also valid GB18030), so when both decode, the one whose
    characters are more often among the common characters of Chinese wins.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise _undecodable(where, data, exc.start, name) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise SeedError(Problem(where, data[: data.index(b"\x00")].count(b"\n") + 1,
                                "contains NUL bytes: this is a binary file, not text; "
                                "remove it from the seeds folder"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            candidates.append((name, data.decode(name)))
        except UnicodeDecodeError:
            pass
    if not candidates:
        raise _undecodable(where, data, first_error.start, "utf-8")
    name, text = max(candidates, key=lambda c: _commonness(c[1]))
    return text, name


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the high byte of every ASCII-range character (digits, spaces,
    newlines) is NUL, so NULs pile up on one side: odd offsets for little-endian, even for
    big-endian.

    UTF-8 text with a stray NUL must not pass for UTF-16 (it would decode as gibberish), so
    a file that is valid UTF-8 needs NULs on at least a quarter of one side's bytes and none on the
    other; one that is not UTF-8 (Chinese in UTF-16 has few NULs) only needs the imbalance.
    Binary data with NULs fails to decode or shows control characters later.
    """
    if b"\x00" not in data or len(data) % 2:
        return None
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    if zeros_even == zeros_odd:
        return None
    try:
        data.decode("utf-8")
        valid_utf8 = True
    except UnicodeDecodeError:
        valid_utf8 = False
    if valid_utf8 and not (max(zeros_even, zeros_odd) >= 0.25 * len(data) / 2
                           and min(zeros_even, zeros_odd) == 0):
        return None
    # Which byte order: the one that reads as text (NUL counts alone mislead: 一 is U+4E00).
    readings = []
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            readings.append((_plausibility(text), text))
    if not readings:
        return None
    score, text = max(readings)
    return (text, "utf-16") if score >= 0.5 else None


def _plausibility(text: str) -> float:
    """Share of characters that ordinary documents are made of: printable ASCII, white
    space, common Chinese characters, CJK punctuation."""
    good = sum(1 for c in text if (" " <= c <= "~") or c in "\n\r\t" or c in CJK_MARKS
               or (HAN.match(c) and _is_common(c)))
    return good / max(1, len(text))


CJK_MARKS = "，。、；：？！“”‘’（）《》—…·「」『』【】　"


def _undecodable(where: str, data: bytes, offset: int, encoding: str) -> SeedError:
    return SeedError(Problem(where, data[:offset].count(b"\n") + 1,
                             f"cannot be decoded (byte {offset} is not valid {encoding}, nor is "
                             "the file GB18030 or Big5); save it as UTF-8"))


@lru_cache(maxsize=None)
def _is_common(char: str) -> bool:
    """True for the level-1 characters of GB2312 (3,755) and the common ones of Big5 (5,401)."""
    try:
        if 0xB0 <= char.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= char.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _commonness(text: str) -> float:
    """Share of the Han characters of `text` that are common ones (mis-decoding scores low)."""
    han = HAN.findall(text)
    if not han:
        return 0.0
    return sum(map(_is_common, han)) / len(han)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def slug_for(stem: str) -> str:
    """A stable, URL-safe id from a file name stem.

    Plain ASCII names keep their letters and digits (`000_80a0` -> `000-80a0`). Names with
    other characters get a short hash of the full name too, so two different names never
    share an id by losing their non-ASCII parts.

    >>> slug_for("000_80a0138ffffb83b7"), slug_for("新闻 稿")
    ('000-80a0138ffffb83b7', 'seed-2540e314')
    """
    stem = unicodedata.normalize("NFC", stem)
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    if re.fullmatch(r"[A-Za-z0-9_.\- ]+", stem) and slug:
        return slug
    digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]
    return f"{slug or 'seed'}-{digest}"
