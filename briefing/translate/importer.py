"""`build.py import FILE…`: translations from XLIFF or PO files back into
`seeds/translations/<id>.yml`.

Everything is checked before anything is written, and one refused unit stops the import
(the files are fixed, or exported anew, and imported again: importing is idempotent):

* a unit whose source hash is no paragraph's any more is **stale**: the text it was
  translated from has changed, so its translation is never applied to the new text;
* a unit of an unknown document or paragraph, or in the wrong language;
* a translation holding markup its source does not (an HTML tag, a Markdown link, an
  attribute list, a character reference) or an inline XLIFF code: the page shows text.

Provenance follows the state: `translated` is `editor`, `reviewed` (or `final`) is
`reviewed`. A suggestion (`initial`, PO's fuzzy) is never applied. A reviewed translation
whose text comes back unchanged but unreviewed stays reviewed; one whose text changed
becomes `editor`, and the import says so.
"""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import editorial
from ..errors import BriefingError, InputError, Problem, display_path
from ..model import Corpus, Document, other_language, source_hash
from . import yamlfile
from .po import read_po
from .units import INITIAL, PROVENANCE, Refused, Returned
from .xliff import read_xliff

MAX_BYTES = 50_000_000  # a document's units are a few hundred kilobytes
#: Text that would be markup somewhere on the way to the page, were it not escaped: when
#: the source has none of it, a tool has turned its codes into text.
MARKUP = re.compile(r"<[A-Za-z/!?][^<>]*>|\]\(|\{[:{%#]|[%}]\}"
                    r"|&(?:[A-Za-z]{2,8}|#[0-9]{2,7}|#x[0-9A-Fa-f]{2,6});")


@dataclass
class Outcome:
    """What an import did (or would do) to one translation file."""

    path: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    notices: list[str] = field(default_factory=list)


def read_file(path: Path) -> tuple[list[Returned], list[Problem]]:
    """The units of one returned file (XLIFF or PO by its content), with its problems."""
    where = display_path(path)
    if not path.is_file():
        return [], [Problem(where, None, "is not a file; name the .xlf or .po files to import")]
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return [], [Problem(where, None, f"is larger than {MAX_BYTES} bytes; import the "
                                         "file of one document")]
    reader = read_xliff if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else read_po
    try:
        units, refused = reader(data, where)
    except Refused as exc:
        return [], [Problem(where, exc.line, exc.message)]
    return units, [Problem(where, r.line, r.message) for r in refused]


def plan(corpus: Corpus, returned: list[Returned]):
    """(changes by document id, outcome by document id, problems) for the units."""
    docs = {d.id: d for d in corpus.pages()}
    problems: list[Problem] = []
    changes: dict[str, dict[str, yamlfile.Change]] = {}
    outcomes: dict[str, Outcome] = {}
    seen: dict[tuple[str, str], Returned] = {}
    wrong_language = set()
    for unit in returned:
        doc = docs.get(unit.document)
        if doc is None:
            problems.append(Problem(unit.path, unit.line, (
                f"there is no document {unit.document!r}; export the document again "
                "(build.py export) and translate that file")))
            continue
        target = other_language(doc.language)
        if unit.language and unit.language.split("-")[0].lower() != target:
            if unit.path not in wrong_language:
                wrong_language.add(unit.path)
                problems.append(Problem(unit.path, None, (
                    f"is a translation into {unit.language!r}, but {doc.id} is translated "
                    f"into {target!r}")))
            continue
        if unit.state == INITIAL or not unit.target:
            continue  # a suggestion, or nothing yet: left for the translator
        para = next((p for p in doc.paragraphs if source_hash(p.text) == unit.hash), None)
        if para is None:
            if _carried_over(doc, unit):  # what the translation file has already: no news
                outcome = outcomes.setdefault(doc.id, Outcome(_translation_path(corpus, doc)))
                outcome.notices.append(f"{unit.paragraph}: stale since the export and sent "
                                       "back unchanged; left as it is (export it again)")
                continue
            problems.append(Problem(unit.path, unit.line, _stale(doc, unit)))
            continue
        bad = [m.group(0) for m in MARKUP.finditer(unit.target) if m.group(0) not in para.text]
        controls = sorted({f"U+{ord(c):04X}" for c in unit.target
                           if unicodedata.category(c) == "Cc"})
        if controls:
            problems.append(Problem(unit.path, unit.line, (
                f"the translation of {para.id} holds control characters ({', '.join(controls)}); "
                "a translation is text: remove them")))
            continue
        if bad:
            problems.append(Problem(unit.path, unit.line, (
                f"the translation of {para.id} holds markup its source does not have "
                f"({', '.join(dict.fromkeys(bad))}); the page shows text only: remove it "
                "(a tool may have turned its tags into text)")))
            continue
        earlier = seen.setdefault((doc.id, para.id), unit)
        if earlier is not unit:
            if (earlier.target, earlier.state) != (unit.target, unit.state):
                problems.append(Problem(unit.path, unit.line, (
                    f"{para.id} of {doc.id} is also in {earlier.path}:{earlier.line} with "
                    "another translation; import one of them")))
            continue
        outcome = outcomes.setdefault(doc.id, Outcome(_translation_path(corpus, doc)))
        change = _merge(doc, para, unit, outcome)
        if change:
            changes.setdefault(doc.id, {})[para.id] = change
    return changes, outcomes, problems


def _carried_over(doc: Document, unit: Returned) -> bool:
    """Whether a unit from an earlier source only carries the translation the file holds
    for it (exported as current, returned untouched, the source changed meanwhile)."""
    tr = doc.translation.get(unit.paragraph)
    return bool(tr and tr.state == "stale" and tr.source == unit.hash and tr.text == unit.target)


def _stale(doc: Document, unit: Returned) -> str:
    if unit.paragraph in {p.id for p in doc.paragraphs}:
        now = source_hash(next(p for p in doc.paragraphs if p.id == unit.paragraph).text)
        return (f"{unit.paragraph} of {doc.id} is stale: it was exported from source "
                f"{unit.hash}, and the paragraph's source is now {now}; its translation is "
                "not applied. Export the document again, into another folder (this file is "
                "kept): the new file shows this translation as stale, with what changed")
    return (f"unit {unit.paragraph} ({unit.hash}) matches no paragraph of {doc.id} (its "
            "source text is gone); export the document again")


def _merge(doc: Document, para, unit: Returned, outcome: Outcome):
    """The change a returned translation makes to its paragraph's entry, or None."""
    tr = doc.translation.get(para.id)
    current = tr if tr and tr.state == "current" else None
    provenance = PROVENANCE[unit.state]
    if current and current.text == unit.target:
        if current.provenance == "reviewed" and provenance != "reviewed":
            outcome.unchanged += 1
            outcome.notices.append(f"{para.id}: kept reviewed (the text is unchanged; the "
                                   "file says translated)")
            return None
        if current.provenance == provenance:
            outcome.unchanged += 1
            return None
    if current and current.provenance == "reviewed" and provenance != "reviewed":
        outcome.notices.append(f"{para.id}: the reviewed translation was changed; it is now "
                               "provenance editor until it is reviewed again")
    if current:
        outcome.updated += 1
    else:
        outcome.added += 1
    return yamlfile.Change(para.id, source_hash(para.text), provenance, unit.target,
                           tr.line if tr and tr.state != "missing" else _empty_entry(doc, para),
                           para.text)


def _empty_entry(doc: Document, para) -> int | None:
    """The line of an entry with no text yet for the paragraph (a scaffold's), if any."""
    path = Path(doc.translation_path) if doc.translation_path else None
    if not path or not path.is_file():
        return None
    found = [e for e in yamlfile.entries(path.read_text(encoding="utf-8"))
             if e.paragraph == para.id]
    return found[0].line if found else None


def _translation_path(corpus: Corpus, doc: Document) -> Path:
    return Path(doc.translation_path or
                Path(corpus.seeds_dir) / editorial.TRANSLATIONS_DIR / f"{doc.id}.yml")


def import_files(corpus: Corpus, paths: list[Path]) -> list[Outcome]:
    """Check every unit of every file, then write the translation files that change."""
    returned, problems = [], []
    for path in paths:
        units, file_problems = read_file(Path(path))
        returned += units
        problems += file_problems
    changes, outcomes, plan_problems = plan(corpus, returned)
    if problems + plan_problems:
        raise InputError(problems + plan_problems)
    for doc_id, by_paragraph in changes.items():
        doc = corpus.document(doc_id)
        path = outcomes[doc_id].path
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        text = yamlfile.edit(old, doc, list(by_paragraph.values()))
        write_checked(path, text, list(by_paragraph.values()))
    return [outcomes[d] for d in sorted(outcomes)]


def write_checked(path: Path, text: str, changes: list[yamlfile.Change]) -> None:
    """Write a translation file atomically (a temporary file beside it, then os.replace),
    after the editorial loader has read it back and found every change in it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        check = editorial.Checker(path)  # the loader's own checks, on the new text
        loaded = editorial.translation_file(check, editorial.load_yaml(Path(temporary)), path)
        by_hash = {e.source: e for e in loaded.entries}
        lost = [c.paragraph for c in changes
                if (by_hash.get(c.hash) is None or by_hash[c.hash].text != c.text
                    or by_hash[c.hash].provenance != c.provenance)]
        if check.problems or lost:
            raise BriefingError(
                f"{display_path(path)}: internal error (a bug in the importer, not in your "
                f"files): the rewritten file does not read back "
                f"({'; '.join(str(p) for p in check.problems) or ', '.join(lost)}); "
                "nothing was written")
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def report(outcomes: list[Outcome]) -> None:
    """Print what the import did, file by file, with what a reviewer should know."""
    if not outcomes:
        print("import: no translated units (suggestions and empty units are not applied)")
    for o in outcomes:
        print(f"{display_path(o.path)}: {o.added} added, {o.updated} updated, "
              f"{o.unchanged} unchanged" + ("" if o.added or o.updated else " (not written)"))
        for notice in o.notices:
            print(f"  {notice}")
