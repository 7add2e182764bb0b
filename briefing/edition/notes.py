"""Translator's notes: what a translator changed or could not render, per paragraph
(`notes:` of an entry in `seeds/translations/<id>.yml`), numbered on each page and in the
PDFs the way DigiChina and China Law Translate annotate their translations.

A note written as a text is in the translation's language and is shown with the
translation; a note written `{zh: …, en: …}` is shown on both pages (a reader of the
original should know, for instance, that a paragraph is a fragment). Numbers run through
the page in reading order; each marker links to its note and the note back to its paragraph.
"""
from __future__ import annotations

from ..markup import html_text
from ..model import Document


def page_notes(doc: Document, lang: str) -> list[dict]:
    """The translator's notes a page in `lang` shows, numbered: `{number, id, paragraph,
    text}`. Only a current or stale translation's notes count (a missing one has none)."""
    notes = []
    for para in doc.paragraphs:
        tr = doc.translation.get(para.id)
        if not tr or tr.state not in ("current", "stale"):
            continue
        for note in tr.notes:
            if note.get(lang):
                number = len(notes) + 1
                notes.append({"number": number, "id": f"tn{number}", "paragraph": para.id,
                              "text": note[lang]})
    return notes


def note_marks(notes: list[dict], label: str) -> dict[str, str]:
    """Per paragraph id, the markers (HTML) that follow its text on the page.

    >>> note_marks([{"number": 1, "id": "tn1", "paragraph": "p2", "text": "x"}], "TN")
    {'p2': '<sup class="briefing-tn-ref" id="tnref1"><a href="#tn1" title="TN 1">[1]</a></sup>'}
    """
    marks: dict[str, str] = {}
    for n in notes:
        marks[n["paragraph"]] = marks.get(n["paragraph"], "") + (
            f'<sup class="briefing-tn-ref" id="tnref{n["number"]}"><a href="#{n["id"]}" '
            f'title="{html_text(label)} {n["number"]}">[{n["number"]}]</a></sup>')
    return marks


def mark_body(body: list[dict], notes: list[dict], label: str) -> list[dict]:
    """The page's paragraphs with their note markers after the text the reader reads."""
    marks = note_marks(notes, label)
    return [dict(item, main=item["main"] + marks[item["id"]]) if item["id"] in marks
            else item for item in body]


def mark_reading_text(doc: Document, text: list[dict], notes: list[dict]) -> list[dict]:
    """The PDF's paragraphs (briefing.render.pages.reading_text, in paragraph order) with the
    numbers of their notes."""
    numbers: dict[str, list[int]] = {}
    for n in notes:
        numbers.setdefault(n["paragraph"], []).append(n["number"])
    return [dict(entry, note_numbers=numbers.get(para.id, []))
            for entry, para in zip(text, doc.paragraphs)]


def note_records(tr) -> list[dict]:
    """A paragraph translation's notes as `corpus.json` has them: per note, its text per
    language (null where it has none)."""
    return [{"zh": n.get("zh"), "en": n.get("en")} for n in (tr.notes if tr else [])]
