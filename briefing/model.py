"""Plain data passed between the pipeline's stages.

Each stage takes these objects and returns new ones; none of them does I/O. Field names that
also appear in `corpus.json` keep the names of its schema (`schema/corpus.schema.json`).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("zh", "en")


def other_language(lang: str) -> str:
    """The language a text in `lang` is translated into."""
    return "en" if lang == "zh" else "zh"


@dataclass
class Seed:
    """A seed file as read from disk (stage `read`)."""

    path: Path
    name: str  #: file name, e.g. `000_80a0138ffffb83b7.txt`; shown in every message
    id: str  #: stable slug derived from the name; the id of its (first) document
    text: str  #: decoded text, line endings normalised to `\n`, no BOM
    encoding: str  #: the encoding detected (`utf-8`, `utf-16`, `gb18030`, `big5`)
    script: str  #: `Hans`, `Hant` or `Latn`: the raw file's writing system
    language: str  #: `zh` or `en`


@dataclass
class Block:
    """A run of text on its way to becoming a paragraph, with the seed lines it came from.

    `first_line`/`last_line` are 1-based line numbers in the raw seed, so every cleaned
    paragraph traces back to its lines.
    """

    text: str
    first_line: int
    last_line: int
    kind: str = "text"  #: `text`, `heading`, or a kind the splitter gives (`toc`, `byline`...)
    #: for a `note` block (a footnote): the raw line of the text that carries its marker,
    #: None when no marker was found for it
    marker_line: int | None = None


@dataclass
class Change:
    """One edit a fixer made (stage `clean`): the provenance log."""

    fixer: str
    line: int  #: line in the raw seed where the edited text stands
    before: str
    after: str


@dataclass
class Flag:
    """A span that looks corrupted but could not be repaired: kept, and shown to the editor."""

    kind: str  #: e.g. `question-mark-in-han`, `latin-in-han`
    line: int
    span: str  #: the suspicious text itself
    context: str  #: a few characters either side


@dataclass
class CleanSeed:
    """A seed after cleaning: blocks of text plus everything the cleaner did and doubted."""

    seed: Seed
    blocks: list[Block]
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    conversion: str | None = None  #: OpenCC configuration used to reach Simplified, if any


@dataclass
class Correction:
    """An editor's correction of a span the cleaner could not repair (an erratum)."""

    start: int  #: where the corrected text starts in `Paragraph.text`
    end: int
    original: str  #: what the source has there (Simplified, as cleaned)
    note: str = ""


@dataclass
class Note:
    """A footnote or endnote, moved out of the body text (briefing.clean.footnotes).

    Its marker (`①`, `[1]`, `¹`) stays in the paragraph that cites it; the note is shown
    with the document's notes.
    """

    id: str  #: `n1`, `n2`... in the order the notes are printed
    marker: str  #: as printed: `①`, `[1]`, `¹`, `注1`
    text: str  #: the note's text, without its marker (Chinese in Simplified)
    lines: tuple[int, int]  #: first and last line in the raw seed
    marker_line: int | None = None  #: raw line of the text citing it; None: no marker found


@dataclass
class Paragraph:
    """A paragraph of a document, in its original language (Chinese in Simplified)."""

    id: str  #: stable within the document: `p1`, `p2`...
    kind: str  #: `text` or `heading`
    text: str
    lines: tuple[int, int]  #: first and last line in the raw seed
    traditional: str | None = None  #: the cleaned Traditional text, when the seed was Hant
    corrections: list[Correction] = field(default_factory=list)  #: errata applied to `text`


def source_hash(text: str) -> str:
    """The key a translation is kept under: a hash of the source paragraph's text, as the
    reader sees it (cleaned, errata applied). When the text changes, so does the hash, and
    the translation made from the old text is stale.

    >>> source_hash("人工智能")
    '161332dd5ba2'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class ParagraphTranslation:
    """A paragraph's text in the other language (`seeds/translations/<id>.yml`)."""

    state: str  #: `current`, `stale` (made from an earlier source text) or `missing`
    text: str | None = None
    provenance: str | None = None  #: `editor` (translated by an editor) or `reviewed`
    source: str | None = None  #: the source hash it was made from
    line: int | None = None  #: its entry's line in the translation file
    #: translator's notes: per note, its text per language (briefing.edition.notes)
    notes: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Review:
    """Where a document stands in review."""

    status: str  #: `draft`, `reviewed` or `approved`
    reviewer: str | None = None
    date: str | None = None


@dataclass
class Link:
    """A cross-link from one document to another, with the reason a reader is shown."""

    target: str  #: a document id
    kind: str  #: `part-of`, `has-part`, `related`...
    note: str = ""  #: why the link exists, in plain words
    themes: list[str] = field(default_factory=list)  #: for `related`: the shared themes
    terms: list[str] = field(default_factory=list)  #: for `related`: the shared glossary terms
    #: for `shared-passage`: the wording as this document prints it, and where it stands
    #: here and in the target; for `reference`: the name as printed, and where
    passage: str | None = None
    paragraph: str | None = None
    target_paragraph: str | None = None


@dataclass
class Reference:
    """A document a text names (briefing.link.references): linked when the corpus has it."""

    name: str  #: as printed, without 《》 or the quotes
    paragraph: str
    target: str | None = None  #: the corpus document that is or discusses it
    how: str | None = None  #: `is`, `discusses`, or `editorial`
    titled: bool = True  #: printed as a title (《》, quotes); False: text an editor named


@dataclass
class TimelineEvent:
    """A dated event a document prints (briefing.analyze.timeline), for the timeline pages."""

    date: str  #: ISO `YYYY-MM-DD`, or `YYYY-MM` when the text gives only the month
    text: str  #: the date as printed
    sentence: str  #: the sentence around it
    paragraph: str  #: where it stands ("" for a metadata line: dateline, source, masthead)
    resolved_year: bool = False  #: the year came from the document's date, not the text
    kind: str = "text"  #: `text`, or `dateline`: the document's own date, as its line prints it


@dataclass
class ThemeEvidence:
    """A sentence that carries a theme (briefing.analyze.themes), shown on the theme pages."""

    paragraph: str
    sentence: str
    phrases: list[str]  #: the theme's phrases as the sentence prints them


@dataclass
class KeyFigure:
    """A number with a unit a document prints (briefing.analyze.figures), for "by the numbers"."""

    text: str  #: as printed: `157.6万件`
    english: str  #: rendered in English: `1.576 million`
    number: float  #: with Chinese magnitudes applied
    unit: str
    measure: str  #: what it measures, when the text says so; "" otherwise
    sentence: str
    paragraph: str


@dataclass
class Theme:
    """One theme of the editors' taxonomy (`seeds/themes.yml`)."""

    id: str
    name: dict[str, str]  #: per language
    description: dict[str, str]
    phrases: dict[str, list[str]]  #: phrases that signal the theme, per language


@dataclass
class Term:
    """One entry of the editors' bilingual glossary (`seeds/glossary.yml`)."""

    id: str
    zh: str  #: the Chinese term
    en: str  #: its English rendering, the one translations use
    note: dict[str, str]  #: a short explanation, per language
    variants: dict[str, list[str]]  #: other forms texts print, per language (`big models`)

    def forms(self, language: str) -> list[str]:
        return [getattr(self, language)] + self.variants.get(language, [])


@dataclass
class TermUse:
    """Where a glossary term stands in a document (briefing.analyze.glossary)."""

    term: str  #: the term's id
    paragraph: str
    start: int  #: span in the paragraph's text
    end: int


@dataclass
class Document:
    """One document of the corpus: a seed, or one article of a compilation."""

    id: str
    source: str  #: seed file name
    language: str
    script: str
    title: dict[str, str | None]  #: per language; None where nobody has given one
    date: str | None = None  #: ISO `YYYY-MM-DD`
    authors: list[str] = field(default_factory=list)
    publication: str | None = None
    issue: str | None = None  #: the publication's issue as printed (`2024年第11期`)
    publisher: str | None = None
    affiliation: str | None = None  #: the authors' affiliation as printed
    editors: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  #: footnotes and endnotes, in print order
    metadata_lines: list[Block] = field(default_factory=list)  #: lines `analyze` reads
    kind: str = "article"  #: `article` or `compilation`
    parent: str | None = None  #: the compilation an article belongs to
    parts: list[str] = field(default_factory=list)  #: a compilation's articles, in order
    themes: list[str] = field(default_factory=list)
    theme_scores: dict[str, int] = field(default_factory=dict)  #: hits of each theme
    #: per theme with any hit (tagged or not): the sentences that carry it most
    theme_evidence: dict[str, list[ThemeEvidence]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)
    figures: list[KeyFigure] = field(default_factory=list)
    terms: list[TermUse] = field(default_factory=list)  #: glossary terms, in text order
    references: list[Reference] = field(default_factory=list)  #: documents the text names
    title_origin: dict[str, str] = field(default_factory=dict)  #: `seed` or `editorial`
    printed_title: str | None = None  #: the title the seed itself prints, if any
    editorial_path: str | None = None  #: the editorial file this document's curation comes from
    summary: dict[str, str | None] = field(default_factory=dict)
    key_points: list[dict[str, str | None]] = field(default_factory=list)
    questions: list[dict[str, str | None]] = field(default_factory=list)
    review: Review | None = None
    #: per paragraph id: its text in the other language (every paragraph has an entry)
    translation: dict[str, ParagraphTranslation] = field(default_factory=dict)
    translation_path: str | None = None  #: the translation file, when there is one
    #: translation entries that match no paragraph any more: (paragraph id, line)
    translation_orphans: list[tuple[str, int]] = field(default_factory=list)
    #: what the original is, date kind, publication per language, editor's notes
    #: (briefing.edition.schema.EditionEdits); None: nothing said
    edition: EditionEdits | None = None
    #: per language: authors, editors, affiliation, publication, publisher as its pages
    #: show them (briefing.names.show.Shown; None for an empty field)
    names: dict[str, dict] = field(default_factory=dict)


@dataclass
class Corpus:
    """Everything the writing stages need, computed before anything is written."""

    documents: list[Document]  #: articles: every seed's document, every compilation's article
    compilations: list[Document]  #: overview pages of compilations (kind `compilation`)
    themes: list[Theme]
    #: per seed, for the provenance report (only when analyse_corpus is asked for it)
    cleaned: list[CleanSeed]
    glossary: list[Term] = field(default_factory=list)
    seeds_dir: str = "seeds"  #: as editors name it (pages say which files they come from)
    warnings: list = field(default_factory=list)  #: `errors.Problem`s that did not stop the run
    sessions: list = field(default_factory=list)  #: study sessions (briefing.sessions), by date
    document_types: dict = field(default_factory=dict)  #: document id -> type (editors say)
    names: object = None  #: the editors' names file (briefing.names.book.NameBook)
    #: document id -> key of the per-document work it came from (briefing.cache.seed_key):
    #: the document as it was before the corpus-wide stages (briefing.publish.page_cache)
    work_keys: dict = field(default_factory=dict)
    #: document id -> what the corpus-wide stages read of it (briefing.facts.Facts)
    facts: dict = field(default_factory=dict)

    def document(self, doc_id: str) -> Document:
        for doc in self.documents + self.compilations:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def pages(self) -> list[Document]:
        """Documents and compilations in reading order: seed by seed, a compilation first,
        then its articles in the order of its contents."""
        by_id = {d.id: d for d in self.documents}
        ordered = []
        for compilation in self.compilations:
            ordered.append(compilation)
            ordered.extend(by_id[i] for i in compilation.parts if i in by_id)
        ordered.extend(d for d in self.documents if d.parent is None)
        return sorted(ordered, key=lambda d: d.source)  # stable: keeps the order within a seed
