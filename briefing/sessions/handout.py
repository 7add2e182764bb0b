"""A printed handout per session, in three editions: Chinese, English, and bilingual
(paragraph by paragraph, the original and then its translation), made by WeasyPrint.

Each has a cover (the issuing body from `extra.organisation` in mkdocs.yml, the session's
title, date and place), contents with page numbers (compilation articles nested under their
compilation), running headers with the current document's title, the readings narrowed to
their paragraphs with their curated summary and key points, the questions, and a glossary
of the terms the readings use. The PDFs are tagged (structure for screen readers), carry
their title and language, and have bookmarks (from the headings).
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import time
from functools import lru_cache
from pathlib import Path

import yaml

from .. import cache
from ..model import LANGUAGES, Corpus, other_language
from ..render.pages import display_title
from ..publish.pdf import check_fonts, html_lang
from ..render import TEMPLATES, environment, load_strings
from .glyphs import check_glyphs
from .load import paragraphs_of
from .pages import EDITIONS, editions_for, handout_name, session_entry

ROOT = TEMPLATES.parent
HANDOUT_DIR = Path("pdf") / "sessions"


def organisation(config: Path = ROOT / "mkdocs.yml") -> dict[str, str]:
    """The issuing body per language, from `extra.organisation` in mkdocs.yml (a text or
    `{zh: …, en: …}`); empty when not set."""
    extra = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("extra") or {}
    value = extra.get("organisation") or {}
    return value if isinstance(value, dict) else {lang: str(value) for lang in LANGUAGES}


def bilingual_paragraphs(doc, reading) -> list[dict]:
    """The reading's paragraphs as pairs: the original, then its translation when there is
    a current or stale one (a missing one is said, never invented)."""
    pairs = []
    for para in paragraphs_of(reading, doc):
        tr = doc.translation.get(para.id)
        pairs.append({"id": para.id, "kind": para.kind, "text": para.text,
                      "lang": html_lang(doc.language),
                      "translation": tr.text if tr and tr.state in ("current", "stale") else None,
                      "state": tr.state if tr else "missing",
                      "translation_lang": html_lang(other_language(doc.language))})
    return pairs


def contents_groups(readings: list[dict], corpus: Corpus, lang: str, strings) -> list[dict]:
    """Readings grouped for the contents: consecutive articles of one compilation under its
    title; a reading of its own is a group of one, with no title."""
    groups: list[dict] = []
    for number, reading in enumerate(readings, start=1):
        reading["number"] = number
        parent = reading["parent"]
        if parent and groups and groups[-1]["parent"] == parent:
            groups[-1]["readings"].append(reading)
            continue
        title = display_title(corpus.document(parent), lang, strings) if parent else None
        groups.append({"parent": parent, "title": title, "readings": [reading]})
    return groups


def glossary_terms(corpus: Corpus, session) -> list:
    """The glossary terms the session's readings use (within their paragraph ranges), in
    the glossary's order."""
    used = set()
    for reading in session.readings:
        doc = corpus.document(reading.document)
        wanted = {p.id for p in paragraphs_of(reading, doc)}
        used |= {u.term for u in doc.terms if u.paragraph in wanted}
    return [t for t in corpus.glossary if t.id in used]


def handout_html(corpus: Corpus, session, edition: str, strings=None) -> str:
    """The HTML of one edition of a session's handout."""
    strings = strings or load_strings()
    lang = "zh" if edition == "bilingual" else edition
    entry = session_entry(session, corpus, lang, strings)
    for reading, source in zip(entry["readings"], session.readings):
        doc = corpus.document(source.document)
        reading["title_lang"] = html_lang(lang if doc.title.get(lang) else doc.language)
        reading["pairs"] = bilingual_paragraphs(doc, source) if edition == "bilingual" else None
        reading["other_title"] = display_title(doc, "en", strings) \
            if edition == "bilingual" else None
        reading["other_summary"] = doc.summary.get("en") if edition == "bilingual" else None
    other = {key: session_entry(session, corpus, "en", strings)[key]
             for key in ("title", "purpose", "place", "host", "preparation", "discussion",
                         "readings")} if edition == "bilingual" else None
    return environment().get_template("pdf/handout.html.j2").render(
        t=strings[lang], te=strings["en"], lang=lang, edition=edition, s=entry, other=other,
        html_lang=html_lang(lang), organisation=organisation(),
        groups=contents_groups(entry["readings"], corpus, lang, strings),
        terms=glossary_terms(corpus, session))


#: The cache kind of rendered handouts, by the hash of what they are made from
#: (briefing.cache: `.cache/v-…/handouts/`, or under BRIEFING_CACHE; none when it is off).
CACHE_KIND = "handouts"


def cache_key(html: str, weasyprint_version: str) -> str:
    """What a handout's PDF depends on: its HTML (every input and the code that made it),
    the stylesheet, the WeasyPrint version and the fonts it can use. Same key, same PDF."""
    digest = hashlib.sha256()
    for part in (html, (TEMPLATES / "pdf" / "handout.css").read_text(encoding="utf-8"),
                 weasyprint_version, installed_fonts()):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def installed_fonts() -> str:
    """Every font fontconfig offers WeasyPrint, with its version and size: a font
    installed, removed or upgraded (a new fonts-noto-cjk) changes what a handout looks
    like, so it is in the handout's key."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}|%{fontversion}\n"],
                                capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        return ""
    fonts = []
    for line in sorted(set(listed.splitlines())):
        path = line.rsplit("|", 1)[0]
        try:
            fonts.append(f"{line}|{os.stat(path).st_size}")
        except OSError:
            fonts.append(line)
    return "\n".join(fonts)


def write_handouts(corpus: Corpus, site_dir: Path, cache_dir: Path | None = None
                   ) -> list[tuple[Path, float, bool]]:
    """Every edition of every session's handout into site/pdf/sessions/ (Chinese and
    bilingual) and site/en/pdf/sessions/ (English and bilingual). A handout whose inputs
    have not changed since it was last rendered comes from `cache_dir` (by default the
    cache's folder of handouts; none when the cache is off).
    Returns, per file written, the seconds it took and whether it was rendered."""
    import weasyprint  # here: the other stages must not pay for loading it

    if not corpus.sessions:
        return []
    check_fonts()
    check_glyphs(corpus)  # before anything is rendered: no box ever reaches paper
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    strings = load_strings()
    cache_dir = cache_dir or cache.folder(CACHE_KIND)
    written = []
    for session in corpus.sessions:
        for edition in EDITIONS:
            start = time.perf_counter()
            html = handout_html(corpus, session, edition, strings)
            cached = cache_dir / f"{cache_key(html, weasyprint.__version__)}.pdf" \
                if cache_dir else None
            rendered = not (cached and cached.is_file())
            if rendered:
                pdf = weasyprint.HTML(string=html, base_url=str(TEMPLATES / "pdf")) \
                    .write_pdf(pdf_tags=True)
                if cached:
                    keep(cached, pdf)
            else:
                pdf = cached.read_bytes()
            for lang in LANGUAGES:
                if edition in editions_for(lang):
                    path = site_dir / ("en" if lang == "en" else "") / HANDOUT_DIR \
                        / handout_name(session.id, edition)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(pdf)
                    written.append((path, time.perf_counter() - start, rendered))
    return written


def keep(cached: Path, pdf: bytes) -> None:
    """Store a rendered handout, whole or not at all; a cache that cannot be written
    only costs time."""
    temporary = cached.with_suffix(".tmp")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(pdf)
        temporary.replace(cached)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
