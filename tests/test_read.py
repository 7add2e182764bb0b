"""Reading seeds: encodings by detection, script and language, refusing what is not text."""
from __future__ import annotations

import codecs

import pytest

from briefing.errors import SeedError
from briefing.read import decode, read_seed, slug_for
from briefing.script import detect_script
from conftest import SEEDS

HANS = (SEEDS / "002_cf7a6355ccf0b9a8.txt").read_text(encoding="utf-8")[:3000]
HANT = (SEEDS / "004_593e9b3dadb7e903.txt").read_text(encoding="utf-8")[:1500]


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", HANS.encode("utf-8")),
    ("utf-8", codecs.BOM_UTF8 + HANS.encode("utf-8")),
    ("utf-16", HANS.encode("utf-16")),  # with BOM
    ("utf-16", HANS.encode("utf-16-le")),
    ("utf-16", HANS.encode("utf-16-be")),
    ("gb18030", HANS.encode("gb18030")),
])
def test_simplified_text_decodes_from_each_encoding(encoding, data):
    text, found = decode(data, "x.txt")
    assert (text, found) == (HANS, encoding)


def test_big5_is_told_apart_from_gb18030():
    # Big5 cannot encode every character of the seed; drop those for the round trip.
    sample = HANT.encode("big5", errors="ignore").decode("big5")
    text, found = decode(sample.encode("big5"), "x.txt")
    assert (text, found) == (sample, "big5")


def test_gb18030_traditional_text_is_not_taken_for_big5():
    text, found = decode(HANT.encode("gb18030"), "x.txt")
    assert (text, found) == (HANT, "gb18030")


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"text with a \x07 bell", "control characters"),
    (bytes(range(128, 256)) * 4, "cannot be decoded"),
])
def test_what_is_not_text_is_refused_with_one_line(tmp_path, data, message):
    path = tmp_path / "bad seed.txt"
    path.write_bytes(data)
    with pytest.raises(SeedError) as caught:
        read_seed(path)
    assert len(caught.value.problems) == 1
    line = str(caught.value.problems[0])
    assert "bad seed.txt" in line and message in line and "\n" not in line


@pytest.mark.parametrize("name, script, language", [
    ("000_80a0138ffffb83b7.txt", "Latn", "en"),
    ("001_2603e452646e1bca.txt", "Hant", "zh"),
    ("002_cf7a6355ccf0b9a8.txt", "Hans", "zh"),
    ("003_c67a1687915d7e32.txt", "Latn", "en"),
    ("004_593e9b3dadb7e903.txt", "Hant", "zh"),
])
def test_each_seed_script_and_language(name, script, language):
    seed = read_seed(SEEDS / name)
    assert (seed.script, seed.language, seed.encoding) == (script, language, "utf-8")


@pytest.mark.parametrize("text, script", [
    ("人工智能作為引領新一輪科技革命和產業變革的核心驅動力", "Hant"),
    ("人工智能作为引领新一轮科技革命和产业变革的核心驱动力", "Hans"),
    ("Large models (大模型) drive the AI+ action across industries", "Latn"),
    ("人工智能", "Hans"),  # characters common to both scripts: no vote, Simplified
])
def test_detect_script(text, script):
    assert detect_script(text) == script


def test_seed_ids_are_stable_and_distinct():
    assert slug_for("000_80a0138ffffb83b7") == "000-80a0138ffffb83b7"
    assert slug_for("新闻 一") != slug_for("新闻 二")
    assert slug_for("新闻 一") == slug_for("新闻 一")


def test_utf8_with_a_stray_nul_is_not_taken_for_utf16(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes("Hello world.\nNUL\x00 here.\n".encode("utf-8"))  # even length
    with pytest.raises(SeedError, match="NUL bytes"):
        read_seed(path)


def test_chinese_utf16_without_bom_and_almost_no_ascii_is_read():
    text = "人工智能作为引领新一轮科技革命和产业变革的核心驱动力。" * 20 + "\n"
    assert decode(text.encode("utf-16-le"), "x.txt") == (text, "utf-16")
