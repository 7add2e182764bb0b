"""The offline copy: the whole built site (both languages, the PDFs) as one zip.

Readers on a closed network open it unzipped, from a file share or their own disk, by
file://: the pages link to each other relatively (use_directory_urls is false) and the
search index loads with <script> tags (briefing/publish/search.py), so search works there too.
The zip is written into the site itself, so the served site offers it for download.
Same site, same bytes: entries sorted, one fixed date.

Compressing is most of an edited build's time at a thousand documents (7 s of 24), and
after one edit nearly every file is as before. So a member whose bytes are those of the
previous zip's namesake is copied from it still compressed (`Previous`); the zip comes
out byte for byte as if every member had been compressed again (tests/test_offline.py).
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

NAME = "briefing-offline.zip"
# The earliest date a zip can hold: the copy does not change with the time it was built.
DATE = (1980, 1, 1, 0, 0, 0)
# A local file header: 30 bytes, of which the name's and the extra field's lengths are
# the last two 16-bit fields.
LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")


def write_zip(site_dir: Path, previous: Path | None = None) -> Path:
    """Zip every file under `site_dir` (but the zip) into `site_dir/briefing-offline.zip`,
    under a top folder `briefing/`; returns the zip's path. `previous` is the site this one
    replaces: its zip's members are reused where the bytes are the same."""
    target = site_dir / NAME
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p != target)
    partial = target.with_suffix(".zip.part")
    with Previous(previous / NAME if previous else None) as old, \
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo("briefing/" + path.relative_to(site_dir).as_posix(), DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            raw = old.compressed(info.filename, data)
            if raw is None:
                archive.writestr(info, data)
            else:
                append_compressed(archive, info, data, raw)
    partial.replace(target)
    return target


class Previous:
    """The previous zip, read for its members' compressed bytes; empty when there is none
    or it cannot be read (then every member is compressed again: it only costs time)."""

    def __init__(self, path: Path | None):
        self.archive = None
        if path is not None and path.is_file():
            try:
                self.archive = zipfile.ZipFile(path)
            except (OSError, zipfile.BadZipFile):
                self.archive = None

    def __enter__(self) -> "Previous":
        return self

    def __exit__(self, *exc) -> None:
        if self.archive is not None:
            self.archive.close()

    def compressed(self, name: str, data: bytes) -> bytes | None:
        """The deflated bytes of member `name` if it holds exactly `data`, else None."""
        if self.archive is None:
            return None
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if (info.compress_type != zipfile.ZIP_DEFLATED or info.file_size != len(data)
                or info.CRC != zlib.crc32(data) or info.flag_bits & 0x09):  # encrypted,
            return None                                        # or sizes after the data
        try:
            fp = self.archive.fp
            fp.seek(info.header_offset)
            header = LOCAL_HEADER.unpack(fp.read(LOCAL_HEADER.size))
            fp.seek(header[-2] + header[-1], 1)  # the name and the extra field
            raw = fp.read(info.compress_size)
        except (OSError, struct.error):
            return None
        # The CRC and size agree; the bytes themselves are compared too, so that a zip
        # edited by hand (or a CRC collision) can never put other bytes in the copy.
        # Inflating is several times faster than deflating. (A zlib of another version
        # could deflate the same bytes differently; Python's zlib comes with the machine.)
        try:
            same = zlib.decompress(raw, -zlib.MAX_WBITS) == data
        except zlib.error:
            return None
        return raw if same else None


def append_compressed(archive: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes,
                      raw: bytes) -> None:
    """Add a member whose deflated bytes `raw` are already known, writing what
    `ZipFile.writestr` would write for it: the local header with its final CRC and sizes,
    then the data. (zipfile has no public way to do this; the byte-for-byte test of the
    result guards these few lines against a change of zipfile.)"""
    info.file_size, info.compress_size, info.CRC = len(data), len(raw), zlib.crc32(data)
    info.flag_bits = 0
    zip64 = info.file_size * 1.05 > zipfile.ZIP64_LIMIT
    archive.fp.seek(archive.start_dir)
    info.header_offset = archive.fp.tell()
    archive.fp.write(info.FileHeader(zip64))
    archive.fp.write(raw)
    archive.start_dir = archive.fp.tell()
    archive._didModify = True
    archive.filelist.append(info)
    archive.NameToInfo[info.filename] = info
