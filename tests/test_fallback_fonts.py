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


def render(folder: Path, texts: dict[str, str], css: str = "handout.css") -> Path:
    import weasyprint

    body = "".join(f'<p lang="{lang}">{text}</p>' for lang, text in texts.items())
    html = (f'<html lang="zh-Hans"><head><link rel="stylesheet" href="{css}"></head>'
            f"<body>{body}</body></html>")
    path = folder / "fallback.pdf"
    weasyprint.HTML(string=html, base_url=str(PDF_TEMPLATES)).write_pdf(path)
    return path


def embedded_fonts(pdf: Path) -> set[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    return {row.split()[0].split("+")[-1] for row in listing.splitlines()[2:]
            if re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return render(tmp_path_factory.mktemp("fonts"), TEXT)


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
    embedded = embedded_fonts(pdf)
    assert any("HanaMinB" in name for name in embedded), embedded
    assert any("Emoji" in name for name in embedded), embedded


@needs_poppler
@pytest.mark.parametrize("css", ["handout.css", "digest.css"])
def test_digits_and_spaces_never_come_from_the_emoji_font(tmp_path, css):
    # Noto Color Emoji maps 0-9, # and the space too; named plainly in a font stack it set
    # "Meeting room 3" and every date in wide emoji digits.
    pdf = render(tmp_path, {"en": "Meeting room 3, 2026-12-10 14:30 #1",
                            "zh": "第三会议室 2026·12·10"}, css)
    embedded = embedded_fonts(pdf)
    assert not any("Emoji" in name for name in embedded), embedded
