"""The cleaned text of every seed document as reviewable text files (tests/expected/).

`test_expected.py` compares them with what the cleaner produces now; after a deliberate
change to the cleaner, regenerate them and review the diff like code:

    .venv/bin/python tests/expected_text.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.analyze import find_metadata  # noqa: E402
from briefing.clean import clean  # noqa: E402
from briefing.clean.footnotes import note_paragraph  # noqa: E402
from briefing.model import Document  # noqa: E402
from briefing.read import find_seeds, read_seed  # noqa: E402
from briefing.split import split  # noqa: E402

EXPECTED = ROOT / "tests" / "expected"


def cleaned_documents(seeds_dir: Path) -> list[Document]:
    """What cleaning, splitting and metadata give, before any editorial file is applied."""
    documents = []
    for path in find_seeds(seeds_dir):
        for doc in split(clean(read_seed(path))):
            documents.append(doc if doc.kind == "compilation" else find_metadata(doc))
    return documents


def as_text(doc: Document) -> str:
    lines = [f"id: {doc.id}", f"source: {doc.source}", f"kind: {doc.kind}",
             f"title: {doc.title.get(doc.language)}", f"date: {doc.date}",
             f"authors: {', '.join(doc.authors) or None}", f"publication: {doc.publication}",
             f"issue: {doc.issue}", f"publisher: {doc.publisher}",
             f"affiliation: {doc.affiliation}", f"editors: {', '.join(doc.editors) or None}",
             f"parts: {', '.join(doc.parts) or None}", "---"]
    for p in doc.paragraphs:
        lines.append(f"[{p.id} {p.kind} lines {p.lines[0]}-{p.lines[1]}] {p.text}")
    if doc.notes:  # (a seed with footnotes: they are reviewed with the text)
        lines.append("--- notes")
        lines += [f"[{n.id} {n.marker} lines {n.lines[0]}-{n.lines[1]} cited in "
                  f"{note_paragraph(n, doc.paragraphs)}] {n.text}" for n in doc.notes]
    return "\n".join(lines) + "\n"


def expected_files(seeds_dir: Path) -> dict[str, str]:
    return {f"{doc.id}.txt": as_text(doc) for doc in cleaned_documents(seeds_dir)}


def main() -> int:
    EXPECTED.mkdir(exist_ok=True)
    files = expected_files(ROOT / "seeds")
    for stale in EXPECTED.glob("*.txt"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (EXPECTED / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {EXPECTED.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
