"""No tofu (issue #10): 🍜 and 𪚥 print with real glyphs from the fallback fonts the
bootstrap installs, are embedded, and extract back as themselves; a character that no font
has is known to the glyph check (tests/test_sessions.py checks the build fails on it)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.sessions.glyphs import font_coverage, missing_glyphs

PDF_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "pdf"
TEXT = {"zh": "面条🍜和𪚥字", "en": "Noodles 🍜 and 𪚥."}
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"),
                                   reason="poppler-utils not installed (scripts/bootstrap.sh)")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    import weasyprint

    body = "".join(f'<p lang="{lang}">{text}</p>' for lang, text in TEXT.items())
    html = (f'<html lang="zh-Hans"><head><link rel="stylesheet" href="handout.css"></head>'
            f"<body>{body}</body></html>")
    path = tmp_path_factory.mktemp("fonts") / "fallback.pdf"
    weasyprint.HTML(string=html, base_url=str(PDF_TEMPLATES)).write_pdf(path)
    return path


def test_the_fonts_cover_emoji_and_extension_b_and_not_private_use():
    covered = font_coverage()
    assert missing_glyphs("🍜𪚥面 ok", covered) == []
    assert missing_glyphs("\ue000", covered) == ["\ue000"]


@needs_poppler
def test_emoji_and_extension_b_extract_as_themselves(pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for line in TEXT.values():
        assert line in text


@needs_poppler
def test_the_fallback_fonts_are_embedded(pdf):
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    rows = listing.splitlines()[2:]
    embedded = {row.split()[0].split("+")[-1] for row in rows
                if re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)}
    assert any("HanaMinB" in name for name in embedded), listing
    assert any("Emoji" in name for name in embedded), listing
