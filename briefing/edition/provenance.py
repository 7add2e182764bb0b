"""What a page tells its reader about the text: what the original is, what its translation
is, what the date is, and where it was published (issue #15).

000 and 003 are English machine translations of Chinese articles whose Chinese originals
the collection does not have. Presented as "原文 英文" with a "中文译文", they misled: the
Chinese text is a reconstruction (a back-translation restoring official wording), and the
English shown "side by side" as 原文 is itself a machine translation. `original:` in the
editorial file says what the seed is; everything here follows from it.
"""
from __future__ import annotations

import re

from ..model import Document, other_language
from ..names import names_of

#: Seeds made from a text in another language: translating them back into it is a
#: reconstruction, not "the translation".
DERIVED = ("machine-translation", "translation", "reconstruction")


def original_kind(doc: Document) -> str:
    """`original` unless the editorial file says the seed is something else."""
    original = doc.edition.original if doc.edition else None
    return original.kind if original else "original"


def translation_kind(doc: Document) -> str:
    """What the text in the other language is: a `translation`, or a `reconstruction`
    when the seed was itself made from that language (translating it back restores, at
    best, what the lost original said).

    >>> from briefing.model import Document
    >>> translation_kind(Document("d", "d.txt", "en", "Latn", {}))
    'translation'
    """
    original = doc.edition.original if doc.edition else None
    if original and original.kind in DERIVED and \
            original.source_language == other_language(doc.language):
        return "reconstruction"
    return "translation"


def fill(template: str, **values) -> str:
    """`template` with each `{name}` replaced (str.format would choke on other braces).

    >>> fill("{a} and {b}", a="x", b="y")
    'x and y'
    """
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def page_edition(doc: Document, lang: str, t: dict) -> dict:
    """The values a page (or the PDF) shows about the text, in the reader's language:

    * `text_kind`: the "original language" row (`英文机器翻译，译自中文原文…`);
    * `banner`: the note above the text, instead of "本文原文为英文，以下为中文译文";
    * `side_label`: the side-by-side switch, which never calls a machine translation 原文;
    * `note`: the editors' note on the original; `notes`: editor's notes;
    * `date_label`, `date`, `publication`: what the date is, and the publication as the
      reader's language names it.
    """
    original = doc.edition.original if doc.edition else None
    kind = original.kind if original else "original"
    tr_kind = translation_kind(doc)
    target = other_language(doc.language)
    source = original.source_language if original and original.source_language else target
    values = dict(doc_lang=t["language_" + doc.language], target=t["language_" + target],
                  source=t["language_" + source], kind_name=t["kind_name_" + kind],
                  tr_name=t["kind_name_" + tr_kind])
    translated = lang != doc.language
    if kind == "original":
        text_kind = f"{t['language_' + doc.language]} · {t['script_' + doc.script]}"
    else:
        text_kind = fill(t["text_kind"], **values)
    if translated:
        banner = fill(t["banner_" + tr_kind], **values) if kind != "original" \
            else t["translated_from_" + doc.language]
        side_label = fill(t["side_by_side_derived"], **values) if kind != "original" \
            else t["side_by_side"]
    else:
        banner = fill(t["banner_here"], **values) if kind != "original" else None
        side_label = t["side_by_side_translation"] if tr_kind == "translation" \
            else fill(t["side_by_side_reconstruction"], **values)
    reviewed = t["translation_reviewed"] if tr_kind == "translation" \
        else t["reconstruction_reviewed"]
    edition = doc.edition
    date_kind = edition.date_kind if edition else None
    issue = issue_in(doc.issue, lang)
    date = doc.date or (issue if date_kind == "issue" else None)
    # In the reader's language (an editor's wording, the names file, or as printed).
    publication = names_of(doc, lang)["publication"]
    publication = publication.text if publication else None
    return {"kind": kind, "translation_kind": tr_kind, "text_kind": text_kind,
            "text_kind_label": t["original_language"] if kind == "original"
            else t["text_kind_label"],
            "banner": banner, "side_label": side_label, "reviewed": reviewed,
            "note": (original.note.get(lang) if original and original.note else None),
            "notes": [n[lang] for n in (edition.notes if edition else []) if n.get(lang)],
            "date_label": t["date_" + date_kind] if date_kind else t["date"],
            "date": date, "publication": publication, "issue": issue}


ISSUE = re.compile(r"^(\d{4}) ?年 ?第 ?(\d+) ?期$")
#: An issue numbered without its year, with its running number: `第 2 期（总第 285 期）`.
RUNNING_ISSUE = re.compile(r"^第 ?(\d+) ?期 ?[(（]总第 ?(\d+) ?期[)）]$")


def issue_in(issue: str | None, lang: str) -> str | None:
    """An issue as a reader of `lang` reads it; a form it does not know stays as printed.

    >>> issue_in("2024年第11期", "en"), issue_in("2024年第11期", "zh"), issue_in("Spring", "en")
    ('No. 11, 2024', '2024年第11期', 'Spring')
    >>> issue_in("第 2 期（总第 285 期）", "en")
    'No. 2 (No. 285 overall)'
    """
    match = ISSUE.match(issue or "")
    if lang == "en" and match:
        return f"No. {int(match.group(2))}, {match.group(1)}"
    running = RUNNING_ISSUE.match(issue or "")
    if lang == "en" and running:
        return f"No. {int(running.group(1))} (No. {int(running.group(2))} overall)"
    return issue


def provenance_record(doc: Document) -> dict:
    """What `corpus.json` says about the original and the translation (`original`)."""
    original = doc.edition.original if doc.edition else None
    edition = doc.edition
    return {"kind": original.kind if original else "original",
            "from": original.source_language if original else None,
            "note": {lang: original.note.get(lang) for lang in ("zh", "en")}
            if original and original.note else None,
            "translation_kind": translation_kind(doc),
            "date_kind": edition.date_kind if edition else None,
            "publication": {lang: edition.publication.get(lang) for lang in ("zh", "en")}
            if edition and edition.publication else None,
            "editor_notes": [dict(n) for n in edition.notes] if edition else []}
