"""Stage 9, pdf: a printable digest per language, made by WeasyPrint with real CJK fonts.

The digest is rendered from the same corpus as the site (templates/pdf/), so print and
screen never disagree. Fonts come from the system (Debian's fonts-noto-cjk); WeasyPrint
embeds the subset it uses, so the PDF reads the same on any machine.
"""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from ..edition.notes import mark_reading_text
from ..edition.page import page_values
from ..errors import ToolError
from ..model import Corpus
from ..render.pages import display_title, reading_text
from ..render import TEMPLATES, environment, load_strings
from ..sessions.glyphs import check_digest_glyphs


def check_fonts() -> None:
    """Stop with the command to run when the CJK fonts (else: boxes in the PDF) or the Latin
    ones (else: English with full-width quotes) are missing."""
    found = _font_families()
    for families, package in ((("Noto Serif CJK SC", "Noto Sans CJK SC"), "fonts-noto-cjk"),
                              (("Liberation Serif", "Liberation Sans"), "fonts-liberation2"),
                              # fallbacks: CJK Extension B, emoji, symbols (issue #10)
                              (("HanaMinB",), "fonts-hanazono"),
                              (("Noto Color Emoji",), "fonts-noto-color-emoji"),
                              (("Symbola",), "fonts-symbola")):
        if not all(family in found for family in families):
            raise ToolError(f"the fonts for the PDF ({', '.join(families)}) are missing; run: "
                            f"apt-get install -y {package}  (or: make build, which does it)")


def _font_families() -> str:
    """The font families fontconfig knows, one per line ("" without fontconfig)."""
    try:
        return subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                              check=False).stdout
    except FileNotFoundError:
        return ""


def html_lang(lang: str) -> str:
    """The `lang` attribute of text in one of the corpus's languages.

    >>> html_lang("zh"), html_lang("en")
    ('zh-Hans', 'en')
    """
    return "zh-Hans" if lang == "zh" else lang


def digest_html(corpus: Corpus, lang: str) -> str:
    strings = load_strings()
    documents = []
    for d in corpus.pages():
        title = display_title(d, lang, strings)
        values = page_values(d, lang, strings[lang], title)
        documents.append({"doc": d, "title": title,
                          "title_lang": html_lang(lang if d.title.get(lang) else d.language),
                          **values, "text": mark_reading_text(
                              d, reading_text(d, lang), values["translator_notes"])})
    return environment().get_template("pdf/digest.html.j2").render(
        t=strings[lang], lang=lang, documents=documents, count=len(corpus.documents))


def write_pdf(corpus: Corpus, lang: str, path: Path) -> None:
    import weasyprint  # imported here: the other stages must not pay for loading it

    check_fonts()
    check_digest_glyphs(corpus)  # before rendering: no box ever reaches paper (issue #10)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    path.parent.mkdir(parents=True, exist_ok=True)
    html = weasyprint.HTML(string=digest_html(corpus, lang), base_url=str(TEMPLATES / "pdf"))
    html.write_pdf(str(path))
