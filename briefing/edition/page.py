"""The values a document page and its PDF article take from the edition (one call each
from briefing.render and briefing.publish.pdf): what the text is, the translator's notes, the
suggested citation."""
from __future__ import annotations

from ..model import Document
from .citation import citation, site_url
from .notes import mark_body, page_notes
from .provenance import page_edition


def page_values(doc: Document, lang: str, t: dict, title: str) -> dict:
    """`edition` (briefing.edition.provenance.page_edition), `translator_notes` (numbered)
    and `citation` (one line), for the templates."""
    edition = page_edition(doc, lang, t)
    return {"edition": edition, "translator_notes": page_notes(doc, lang),
            "citation": citation(doc, lang, t, title, edition, site_url())}


def marked_body(body: list[dict], values: dict, t: dict) -> list[dict]:
    """The page's paragraphs with the markers of their translator's notes."""
    return mark_body(body, values["translator_notes"], t["translator_note_ref"])
