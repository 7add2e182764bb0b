"""The offline zip reuses the previous zip's compressed members (briefing.publish.offline),
and comes out byte for byte as a zip compressed afresh, whatever the previous one holds.
(tests/test_site_incremental.py checks the same on real builds.)"""
from __future__ import annotations

import random
import shutil
import zipfile
import zlib
from pathlib import Path

import pytest

from briefing.publish import offline


def make_site(folder: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


def site_files(rng: random.Random) -> dict[str, bytes]:
    words = ["人工智能", "新质生产力", "policy", "data", "<p>", "\n", "。"]
    return {f"{lang}documents/{n:03d}.html":
            "".join(rng.choice(words) for _ in range(rng.randrange(1, 3000))).encode()
            for lang in ("", "en/") for n in range(40)} | {
        "assets/logo.png": rng.randbytes(5000), "empty.txt": b""}


def fresh_zip(site: Path, tmp_path: Path) -> bytes:
    """The zip of `site` with nothing to reuse."""
    copy = tmp_path / "fresh"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(offline.NAME))
    return offline.write_zip(copy).read_bytes()


def test_an_edited_site_gives_the_zip_of_a_fresh_compression(tmp_path):
    rng = random.Random(7)
    files = site_files(rng)
    old = make_site(tmp_path / "old", files)
    offline.write_zip(old)
    edited = dict(files)
    edited["documents/003.html"] += "一处修改".encode()
    edited["en/documents/010.html"] = edited["en/documents/010.html"][:-3]
    edited["en/documents/new.html"] = b"<p>new</p>"
    del edited["documents/020.html"]
    new = make_site(tmp_path / "new", edited)
    assert offline.write_zip(new, previous=old).read_bytes() == fresh_zip(new, tmp_path)


def test_members_are_reused_only_where_the_bytes_are_the_same(tmp_path, monkeypatch):
    files = site_files(random.Random(8))
    old = make_site(tmp_path / "old", files)
    offline.write_zip(old)
    edited = dict(files, **{"documents/001.html": b"changed"})
    new = make_site(tmp_path / "new", edited)
    deflated = []
    real = zipfile.ZipFile.writestr
    monkeypatch.setattr(zipfile.ZipFile, "writestr",
                        lambda self, info, data: deflated.append(info.filename)
                        or real(self, info, data))
    offline.write_zip(new, previous=old)
    assert deflated == ["briefing/documents/001.html"]


def test_a_member_whose_crc_agrees_but_bytes_differ_is_not_reused(tmp_path):
    """A previous zip that claims the new bytes' CRC for other bytes of the same size."""
    old, new = tmp_path / "old", tmp_path / "new"
    make_site(old, {"a.html": b"AAAA" * 100})
    make_site(new, {"a.html": b"BBBB" * 100})
    info = zipfile.ZipInfo("briefing/a.html", offline.DATE)
    info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
    with zipfile.ZipFile(old / offline.NAME, "w") as archive:
        archive.writestr(info, b"AAAA" * 100)
        archive.filelist[-1].CRC = zlib.crc32(b"BBBB" * 100)  # the central directory lies
    written = offline.write_zip(new, previous=old).read_bytes()
    assert written == fresh_zip(new, tmp_path)
    with zipfile.ZipFile(new / offline.NAME) as archive:
        assert archive.read("briefing/a.html") == b"BBBB" * 100


@pytest.mark.parametrize("damage", [b"", b"not a zip", None])
def test_a_damaged_or_missing_previous_zip_only_costs_time(tmp_path, damage):
    files = site_files(random.Random(9))
    old = make_site(tmp_path / "old", files)
    offline.write_zip(old)
    if damage is None:
        (old / offline.NAME).unlink()
    else:
        data = (old / offline.NAME).read_bytes()
        (old / offline.NAME).write_bytes(damage + data[len(damage) + 40:])
    new = make_site(tmp_path / "new", files)
    assert offline.write_zip(new, previous=old).read_bytes() == fresh_zip(new, tmp_path)


def test_a_zip_with_its_member_bytes_garbled_is_not_trusted(tmp_path):
    """Damage inside a member's compressed bytes, headers intact."""
    files = {"a.html": "人工智能+行动".encode() * 500}
    old = make_site(tmp_path / "old", files)
    path = offline.write_zip(old)
    data = bytearray(path.read_bytes())
    data[60:70] = b"\xff" * 10
    path.write_bytes(bytes(data))
    new = make_site(tmp_path / "new", files)
    assert offline.write_zip(new, previous=old).read_bytes() == fresh_zip(new, tmp_path)
