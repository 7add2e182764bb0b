"""Editorial files: what editors write about the seeds, as YAML, loaded safely.

* `seeds/themes.yml` — the theme taxonomy;
* `seeds/glossary.yml` — the bilingual glossary;
* `seeds/editorial/<document id>.yml` — curation of one document: titles, summary, key
  points, discussion questions, theme and glossary overrides, errata, references, review;
* `seeds/translations/<document id>.yml` — its paragraphs in the other language.

YAML is untrusted input: it is loaded with a strict safe loader (briefing.editorial_yaml:
no aliases, duplicate keys, tags or complex keys; every plain value is text; no control
characters), and every problem is reported as `file:line: message` with the valid keys
listed. All problems of all files are collected before failing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .edition.schema import (EDITION_KEYS, EditionEdits, check_edition,
                             check_translation_notes)
from .editorial_yaml import Checker, load_yaml
from .errors import EditorialError, display_path
from .model import LANGUAGES, Term, Theme

EDITORIAL_DIR = "editorial"
TRANSLATIONS_DIR = "translations"
THEMES_FILE = "themes.yml"
GLOSSARY_FILE = "glossary.yml"


# --- the theme taxonomy and the glossary ------------------------------------------------

THEME_KEYS = ("id", "name", "description", "phrases")
TERM_KEYS = ("id", "zh", "en", "note", "variants")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def load_themes(seeds_dir: Path) -> list[Theme]:
    """The taxonomy in `seeds/themes.yml`; none when the folder has no such file."""
    def theme(check, entry, entry_id, line):
        name = check.per_language(entry.get("name"), line, "name", optional=False)
        description = check.per_language(entry.get("description"), line, "description",
                                         optional=False)
        phrases = check_phrase_lists(check, entry.get("phrases"), line, "phrases",
                                     required=True)
        return Theme(entry_id, name, description, phrases)

    return load_entries(seeds_dir / THEMES_FILE, "themes", "a theme", THEME_KEYS,
                        THEME_KEYS, theme)


def load_glossary(seeds_dir: Path) -> list[Term]:
    """The glossary in `seeds/glossary.yml`; none when the folder has no such file."""
    def term(check, entry, entry_id, line):
        forms = {lang: check.text(entry.get(lang), entry.line_of(lang), lang)
                 for lang in LANGUAGES}
        note = check.per_language(entry.get("note"), entry.line_of("note"), "note",
                                  optional=False)
        variants = check_phrase_lists(check, entry.get("variants"), entry.line_of("variants"),
                                      "variants", required=False) \
            if "variants" in entry else {lang: [] for lang in LANGUAGES}
        return Term(entry_id, forms["zh"], forms["en"], note, variants)

    return load_entries(seeds_dir / GLOSSARY_FILE, "terms", "a term", TERM_KEYS,
                        ("id", "zh", "en", "note"), term)


def load_entries(path: Path, list_key: str, what: str, keys, required, parse) -> list:
    """A file holding a list of entries with unique slug ids under `list_key`; each entry is
    checked for its keys and id, then made by `parse(check, entry, id, line)`. All problems
    are collected, then raised together."""
    if not path.is_file():
        return []
    data = load_yaml(path)
    check = Checker(path)
    if not isinstance(data, dict) or not isinstance(data.get(list_key), list):
        check.fail(1, f"must be a mapping with a list under {list_key!r}")
        raise EditorialError(check.problems)
    entries, seen = [], set()
    for entry in data[list_key]:
        line = getattr(entry, "line", data.line_of(list_key))
        entry = check.mapping(entry, line, what, keys, required=required)
        entry_id = check.text(entry.get("id"), entry.line_of("id") if entry else line, "id")
        if entry_id and not SLUG.fullmatch(entry_id):
            # Ids go into URLs and HTML attributes: letters, digits and hyphens only.
            check.fail(entry.line_of("id"), f"{what[2:]} id {entry_id!r} must be lower-case "
                                            "letters, digits and single hyphens "
                                            "(e.g. large-models)")
            entry_id = None
        if entry_id in seen:
            check.fail(entry.line_of("id"), f"{what[2:]} id {entry_id!r} is used twice")
        seen.add(entry_id)
        parsed = parse(check, entry, entry_id, line) if entry else None
        if entry_id and parsed:
            entries.append(parsed)
    if check.problems:
        raise EditorialError(check.problems)
    return entries


def check_phrase_lists(check: Checker, value, line: int, what: str,
                       required: bool) -> dict[str, list[str]]:
    """`{zh: [text, …], en: [text, …]}`; both languages required or both optional."""
    value = check.mapping(value, line, what, LANGUAGES, LANGUAGES if required else ())
    lists = {}
    for lang in LANGUAGES:
        items = value.get(lang, None if required else []) if value else []
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip()
                                                  for i in items):
            check.fail(value.line_of(lang) if value else line,
                       f"{what}.{lang} must be a list of texts")
            items = []
        lists[lang] = [i.strip() for i in items]
    return lists


# --- per-document editorial files -------------------------------------------------------

DOCUMENT_KEYS = ("title", "summary", "key_points", "questions", "themes", "terms", "figures",
                 "events", "related", "errata", "references", "review") + EDITION_KEYS
RELATED_EDIT_KEYS = ("add", "remove")
REFERENCE_KEYS = ("name", "target")
TERM_EDIT_KEYS = ("remove",)
REVIEW_KEYS = ("status", "reviewer", "date")
REVIEW_STATES = ("draft", "reviewed", "approved")
#: How many key points and discussion questions a curated document has.
KEY_POINTS = (3, 6)
QUESTIONS = (2, 4)
THEME_EDIT_KEYS = ("add", "remove")
ERRATUM_KEYS = ("find", "replace", "paragraph", "note")


@dataclass
class Erratum:
    """A correction of the source text, anchored to the text it replaces."""

    find: str  #: the text as cleaned (either script); must still occur, or the build fails
    replace: str
    paragraph: str | None  #: `p4`: where to look, when `find` occurs more than once
    note: str
    line: int  #: line of the entry in the editorial file, for messages


@dataclass
class ReferenceEdit:
    """An editor's word on a reference: which document it links to (None: none)."""

    name: str  #: as the document prints it (a title found, or any text of the document)
    target: str | None
    line: int


@dataclass
class DocumentEdits:
    """What an editor wrote about one document."""

    path: str  #: shown in messages and linked as the page's "edit" target
    document_id: str
    title: dict[str, str | None] = field(default_factory=dict)
    errata: list[Erratum] = field(default_factory=list)
    #: theme ids to add to / remove from what analysis found, each with its line
    themes_add: list[tuple[str, int]] = field(default_factory=list)
    themes_remove: list[tuple[str, int]] = field(default_factory=list)
    references: list[ReferenceEdit] = field(default_factory=list)
    summary: dict[str, str | None] = field(default_factory=dict)
    key_points: list[dict[str, str | None]] = field(default_factory=list)
    questions: list[dict[str, str | None]] = field(default_factory=list)
    #: glossary term ids an editor says the text does not use (a false match), with lines
    terms_remove: list[tuple[str, int]] = field(default_factory=list)
    review: Review | None = None
    #: figures and dated events (as printed) an editor says are not ones, with lines
    figures_remove: list[tuple[str, int]] = field(default_factory=list)
    events_remove: list[tuple[str, int]] = field(default_factory=list)
    #: documents an editor relates to this one, or says are not related
    related_add: list[tuple[str, int]] = field(default_factory=list)
    related_remove: list[tuple[str, int]] = field(default_factory=list)
    #: what the original is, paragraph breaks, date kind... (briefing.edition.schema)
    edition: EditionEdits = field(default_factory=EditionEdits)


@dataclass
class Review:
    """Where a document stands in review: `draft`, `reviewed` or `approved`."""

    status: str
    reviewer: str | None
    date: str | None
    line: int


def load_document_edits(seeds_dir: Path) -> list[DocumentEdits]:
    """Every `seeds/editorial/*.yml`, checked against the schema; all problems at once."""
    return load_folder(seeds_dir / EDITORIAL_DIR, document_edits)


def load_folder(folder: Path, parse) -> list:
    """Every `*.yml` of a folder, each made by `parse(check, data, path)`; the problems of
    all files are collected, then raised together."""
    if not folder.is_dir():
        return []
    items, problems = [], []
    for path in sorted(folder.glob("*.yml")):
        try:
            data = load_yaml(path)
        except EditorialError as exc:
            problems.extend(exc.problems)
            continue
        check = Checker(path)
        item = parse(check, data, path)
        problems.extend(check.problems)
        items.append(item)
    if problems:
        raise EditorialError(problems)
    return items


def document_edits(check: Checker, data, path: Path) -> DocumentEdits:
    """One editorial file's values; every problem goes to `check`."""
    data = check.mapping(data, 1, "the editorial file", DOCUMENT_KEYS)
    title = (check.per_language(data.get("title"), data.line_of("title"), "title")
             if data and "title" in data else {})
    errata = check_errata(check, data.get("errata"), data.line_of("errata")) \
        if data and "errata" in data else []
    add, remove = check_theme_edits(check, data.get("themes"), data.line_of("themes")) \
        if data and "themes" in data else ([], [])
    references = check_references(check, data.get("references"),
                                  data.line_of("references")) \
        if data and "references" in data else []
    summary = (check.per_language(data.get("summary"), data.line_of("summary"), "summary")
               if data and "summary" in data else {})
    key_points = check_bilingual_list(check, data, "key_points", KEY_POINTS)
    questions = check_bilingual_list(check, data, "questions", QUESTIONS)
    terms_remove = check_id_edits(check, data.get("terms"), data.line_of("terms"),
                                  "terms", TERM_EDIT_KEYS)[0] \
        if data and "terms" in data else []
    review = check_review(check, data.get("review"), data.line_of("review")) \
        if data and "review" in data else None
    removals = {key: check_id_edits(check, data.get(key), data.line_of(key), key,
                                    TERM_EDIT_KEYS)[0] if data and key in data else []
                for key in ("figures", "events")}
    related = check_id_edits(check, data.get("related"), data.line_of("related"),
                             "related", RELATED_EDIT_KEYS) \
        if data and "related" in data else ([], [])
    return DocumentEdits(display_path(path), path.stem, title, errata, add, remove,
                         references, summary, key_points, questions, terms_remove, review,
                         removals["figures"], removals["events"], related[0], related[1],
                         check_edition(check, data))


def check_errata(check: Checker, value, line: int) -> list[Erratum]:
    if not isinstance(value, list):
        check.fail(line, "errata must be a list of entries with find, replace (and "
                         "optionally paragraph, note)")
        return []
    errata = []
    for entry in value:
        entry_line = getattr(entry, "line", line)
        entry = check.mapping(entry, entry_line, "an erratum", ERRATUM_KEYS,
                              required=("find", "replace"))
        if not entry:
            continue
        find = check.text(entry.get("find"), entry.line_of("find"), "find")
        replace = check.text(entry.get("replace"), entry.line_of("replace"), "replace")
        paragraph = check.text(entry.get("paragraph"), entry.line_of("paragraph"),
                               "paragraph", optional=True)
        note = check.text(entry.get("note"), entry.line_of("note"), "note", optional=True)
        if find and replace:
            errata.append(Erratum(find, replace, paragraph, note or "", entry.line))
    return errata


def check_references(check: Checker, value, line: int) -> list[ReferenceEdit]:
    """`references: [{name: text, target: document id or null}, …]`; ids are checked
    against the corpus later (link), where it is known."""
    if not isinstance(value, list):
        check.fail(line, "references must be a list of entries with name and target")
        return []
    edits = []
    for entry in value:
        entry_line = getattr(entry, "line", line)
        entry = check.mapping(entry, entry_line, "a reference", REFERENCE_KEYS,
                              required=REFERENCE_KEYS)
        if not entry:
            continue
        name = check.text(entry.get("name"), entry.line_of("name"), "name")
        target = check.text(entry.get("target"), entry.line_of("target"), "target",
                            optional=True)
        if name:
            edits.append(ReferenceEdit(name, target, entry.line))
    return edits


def check_theme_edits(check: Checker, value, line: int):
    """`themes: {add: [id, …], remove: [id, …]}`; ids are checked against the taxonomy
    later (curate), where it is known."""
    return check_id_edits(check, value, line, "themes", THEME_EDIT_KEYS)


def check_id_edits(check: Checker, value, line: int, what: str, keys) -> list:
    """`{key: [id, …], …}`, each id with its line; one list per key, in order."""
    value = check.mapping(value, line, what, keys)
    lists = []
    for key in keys:
        items = value.get(key, []) if value else []
        key_line = value.line_of(key) if value else line
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            check.fail(key_line, f"{what}.{key} must be a list of ids (or printed texts)")
            items = []
        lists.append([(i, key_line) for i in items])
    return lists


def check_bilingual_list(check: Checker, data, key: str, size: tuple[int, int]) -> list:
    """`key: [{zh: …, en: …}, …]` with between size[0] and size[1] items."""
    if not data or key not in data:
        return []
    value, line = data.get(key), data.line_of(key)
    if not isinstance(value, list) or not size[0] <= len(value) <= size[1]:
        check.fail(line, f"{key} must be a list of {size[0]} to {size[1]} items, "
                         "each with zh and en")
        return []
    return [check.per_language(item, getattr(item, "line", line), key) for item in value]


def check_review(check: Checker, value, line: int) -> Review | None:
    """`review: {status: draft|reviewed|approved, reviewer: name, date: YYYY-MM-DD}`;
    reviewer and date are needed from `reviewed` on."""
    value = check.mapping(value, line, "review", REVIEW_KEYS, required=("status",))
    if not value:
        return None
    status = value.get("status")
    if status not in REVIEW_STATES:
        check.fail(value.line_of("status"), f"review.status must be one of "
                                            f"{', '.join(REVIEW_STATES)}")
        return None
    reviewer = check.text(value.get("reviewer"), value.line_of("reviewer"), "review.reviewer",
                          optional=status == "draft")
    date = check.date(value.get("date"), value.line_of("date"), "review.date",
                      optional=status == "draft")
    if date is None and (status != "draft" or value.get("date") is not None):
        return None
    return Review(status, reviewer, date, value.line)


# --- translation files ---------------------------------------------------------------------

TRANSLATION_KEYS = ("language", "paragraphs")
ENTRY_KEYS = ("id", "source", "provenance", "text", "notes")
PROVENANCES = ("editor", "reviewed")
PARAGRAPH_ID = re.compile(r"p[0-9]+")
HASH = re.compile(r"[0-9a-f]{12}")


@dataclass
class TranslationEntry:
    paragraph: str  #: `p5`
    source: str  #: hash of the source paragraph it translates (briefing.model.source_hash)
    provenance: str
    text: str | None  #: None: not translated yet (a scaffold's empty entry)
    line: int
    #: translator's notes: per note, its text per language (briefing.edition.schema)
    notes: list[dict[str, str]] = field(default_factory=list)


@dataclass
class TranslationFile:
    path: str
    document_id: str
    language: str  #: the language translated into
    entries: list[TranslationEntry]


def load_translations(seeds_dir: Path) -> list[TranslationFile]:
    """Every `seeds/translations/*.yml`, checked against the schema; all problems at once."""
    return load_folder(seeds_dir / TRANSLATIONS_DIR, translation_file)


def translation_file(check: Checker, data, path: Path) -> TranslationFile:
    """One translation file's values; every problem goes to `check`."""
    data = check.mapping(data, 1, "the translation file", TRANSLATION_KEYS,
                         required=TRANSLATION_KEYS)
    language = data.get("language") if data else None
    if data and language not in LANGUAGES:
        check.fail(data.line_of("language"), f"language must be one of {', '.join(LANGUAGES)}")
    entries = check_translation_entries(check, data.get("paragraphs"),
                                        data.line_of("paragraphs"), language) if data else []
    return TranslationFile(display_path(path), path.stem, language, entries)


def check_translation_entries(check: Checker, value, line: int,
                              language: str | None = None) -> list[TranslationEntry]:
    if not isinstance(value, list):
        check.fail(line, "paragraphs must be a list of entries with id, source, provenance "
                         "and text")
        return []
    entries, seen = [], set()
    for entry in value:
        entry_line = getattr(entry, "line", line)
        entry = check.mapping(entry, entry_line, "a paragraph", ENTRY_KEYS,
                              required=("id", "source", "provenance"))
        if not entry:
            continue
        paragraph, source = entry.get("id"), entry.get("source")
        if not isinstance(paragraph, str) or not PARAGRAPH_ID.fullmatch(paragraph):
            check.fail(entry.line_of("id"), "id must be a paragraph id (p1, p2, …)")
            continue
        if paragraph in seen:
            check.fail(entry.line_of("id"), f"paragraph {paragraph} is translated twice")
        seen.add(paragraph)
        if not isinstance(source, str) or not HASH.fullmatch(source):
            check.fail(entry.line_of("source"), "source must be the 12-character hash of the "
                                                "source paragraph (see corpus.json or "
                                                "python build.py new)")
            continue
        provenance = entry.get("provenance")
        if provenance not in PROVENANCES:
            check.fail(entry.line_of("provenance"), f"provenance must be one of "
                                                    f"{', '.join(PROVENANCES)}")
            continue
        text = entry.get("text")
        if text is not None and not isinstance(text, str):
            check.fail(entry.line_of("text"), "text must be a text (or left empty)")
            continue
        text = " ".join(text.split()) if text and text.strip() else None
        notes = check_translation_notes(check, entry.get("notes"), entry.line_of("notes"),
                                        language) if "notes" in entry else []
        entries.append(TranslationEntry(paragraph, source, provenance, text, entry.line,
                                        notes))
    return entries
