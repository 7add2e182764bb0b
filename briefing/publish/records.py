"""The machine-readable corpus: an index, `corpus.json`, and one record per document,
`corpus/<id>.json` (schema/corpus.schema.json: the index at its root, a record as
`$defs/document`).

One file per document keeps a Git review small: a paragraph edit rewrites that document's
record, not a file of every document (53 MB at a thousand documents). The index lists the
themes, the glossary and, per document, the little a list shows (id, kind, title, date) and
where its record is; `load_corpus` puts the two back together for a reader that wants the
whole corpus at once.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..edition import notes as edition_notes
from ..edition.provenance import provenance_record
from ..clean.footnotes import note_records
from ..model import LANGUAGES, Corpus, Document, other_language, source_hash
from ..names import names_record

SCHEMA_VERSION = 2
INDEX = "corpus.json"
RECORDS = "corpus"


def record_file(doc: Document) -> dict[str, str]:
    return {record_path(doc.id): dump(corpus_record(doc))}


def index_file(corpus: Corpus) -> dict[str, str]:
    return {INDEX: dump({
        "version": SCHEMA_VERSION,
        "themes": [{"id": t.id, "name": t.name, "description": t.description}
                   for t in corpus.themes],
        "glossary": [{"id": t.id, "zh": t.zh, "en": t.en, "note": t.note,
                      "variants": t.variants} for t in corpus.glossary],
        "compilations": [index_entry(d) for d in corpus.compilations],
        "documents": [index_entry(d) for d in corpus.documents],
    })}


def record_path(doc_id: str) -> str:
    return f"{RECORDS}/{doc_id}.json"


def index_entry(doc: Document) -> dict:
    """What the index says of a document: enough for a list, and where its record is."""
    return {"id": doc.id, "kind": doc.kind, "title": {l: doc.title.get(l) for l in LANGUAGES},
            "date": doc.date, "record": record_path(doc.id)}


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def assemble(read) -> dict:
    """The whole corpus in one dict (the index with each entry's record in its place),
    given `read(relative path) -> text`."""
    data = json.loads(read(INDEX))
    for key in ("compilations", "documents"):
        data[key] = [json.loads(read(entry["record"])) for entry in data[key]]
    return data


def load_corpus(folder: Path) -> dict:
    """The whole corpus from a generated folder (docs/, or a built site)."""
    folder = Path(folder)
    return assemble(lambda rel: (folder / rel).read_text(encoding="utf-8"))


def corpus_record(doc: Document) -> dict:
    """One document as `corpus.json` has it (see schema/corpus.schema.json)."""
    return {
        "id": doc.id,
        "source": doc.source,
        "kind": doc.kind,
        "language": doc.language,
        "script": doc.script,
        "title": {lang: doc.title.get(lang) for lang in LANGUAGES},
        "date": doc.date,
        "authors": list(doc.authors),
        "publication": doc.publication,
        "issue": doc.issue,
        "publisher": doc.publisher,
        "affiliation": doc.affiliation,
        "editors": list(doc.editors),
        "names": names_record(doc),
        "parent": doc.parent,
        "parts": list(doc.parts),
        "paragraphs": [
            {"id": p.id, "kind": p.kind, "text": p.text, "lines": list(p.lines),
             **({"traditional": p.traditional} if p.traditional is not None else {}),
             **({"corrections": [{"start": c.start, "end": c.end, "original": c.original,
                                  "note": c.note} for c in p.corrections]}
                if p.corrections else {}),
             "source_hash": source_hash(p.text),
             "translation": translation_record(doc.translation.get(p.id))}
            for p in doc.paragraphs],
        **({"notes": note_records(doc)} if doc.notes else {}),
        "translation_language": other_language(doc.language),
        "original": provenance_record(doc),
        "summary": {lang: doc.summary.get(lang) for lang in LANGUAGES},
        "key_points": [{lang: i.get(lang) for lang in LANGUAGES} for i in doc.key_points],
        "questions": [{lang: i.get(lang) for lang in LANGUAGES} for i in doc.questions],
        "review": {"status": doc.review.status, "reviewer": doc.review.reviewer,
                   "date": doc.review.date} if doc.review else None,
        "themes": list(doc.themes),
        "theme_scores": {t: doc.theme_scores.get(t, 0) for t in doc.themes},
        "theme_evidence": {t: [{"paragraph": e.paragraph, "sentence": e.sentence,
                                "phrases": list(e.phrases)}
                               for e in doc.theme_evidence.get(t, [])] for t in doc.themes},
        "terms": term_records(doc),
        "references": [{"name": r.name, "paragraph": r.paragraph, "target": r.target,
                        "how": r.how, "titled": r.titled} for r in doc.references],
        "figures": [{"text": f.text, "english": f.english, "number": f.number, "unit": f.unit,
                     "measure": f.measure, "sentence": f.sentence, "paragraph": f.paragraph}
                    for f in doc.figures],
        "events": [{"date": e.date, "text": e.text, "sentence": e.sentence,
                    "paragraph": e.paragraph, "resolved_year": e.resolved_year, "kind": e.kind}
                   for e in doc.events],
        "links": [{"target": l.target, "kind": l.kind, "note": l.note,
                   **({"passage": l.passage, "paragraph": l.paragraph,
                       "target_paragraph": l.target_paragraph}
                      if l.kind == "shared-passage" else {}),
                   **({"name": l.passage, "paragraph": l.paragraph}
                      if l.kind == "reference" else {}),
                   **({"themes": list(l.themes), "terms": list(l.terms)}
                      if l.kind == "related" else {})}
                  for l in doc.links],
    }


def translation_record(tr) -> dict:
    """A paragraph's translation as corpus.json has it: state, text, provenance, source."""
    if tr is None or tr.state == "missing":
        return {"state": "missing"}
    return {"state": tr.state, "text": tr.text, "provenance": tr.provenance,
            "source": tr.source,
            **({"notes": edition_notes.note_records(tr)} if tr.notes else {})}


def term_records(doc: Document) -> list[dict]:
    """Each glossary term the document uses: how often, and in which paragraphs."""
    records: dict[str, dict] = {}
    for use in doc.terms:
        record = records.setdefault(use.term, {"id": use.term, "count": 0, "paragraphs": []})
        record["count"] += 1
        if use.paragraph not in record["paragraphs"]:
            record["paragraphs"].append(use.paragraph)
    return list(records.values())
