"""`build.py new SEED`: the editorial and translation files of a seed's documents, filled
with what analysis found, for editors to complete. Existing files are never overwritten.

Both files are written for review in Git: one line per value, each translation on the line
after a comment with the start of its source paragraph, so a diff shows exactly which
paragraph changed.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .editorial import EDITORIAL_DIR, KEY_POINTS, QUESTIONS, TRANSLATIONS_DIR
from .model import Corpus, Document, other_language, source_hash


def scaffold(corpus: Corpus, seeds_dir: Path, seed_name: str) -> list[tuple[Path, bool]]:
    """Write the missing files of every document of `seed_name`; (path, written) each."""
    results = []
    for doc in [d for d in corpus.pages() if d.source == seed_name]:
        for folder, text in ((EDITORIAL_DIR, editorial_yaml(doc)),
                             (TRANSLATIONS_DIR, translation_yaml(doc))):
            path = Path(seeds_dir) / folder / f"{doc.id}.yml"
            if path.exists():
                results.append((path, False))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as out:  # "x": never over an existing one
                out.write(text)
            results.append((path, True))
    return results


def scalar(value) -> str:
    """One YAML scalar on one line, quoted as needed (`null` for None).

    >>> scalar("a: b"), scalar(None), scalar("人工智能")
    ("'a: b'", 'null', '人工智能')
    """
    return yaml.safe_dump(value, allow_unicode=True, width=10 ** 9).removesuffix(
        "\n...\n").strip()


def comment(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line[:width] + ("…" if len(line) > width else "")


def editorial_yaml(doc: Document) -> str:
    lines = [f"# Editorial file of {doc.id} ({doc.source}). Fill in what is empty; see README.",
             "title:"]
    lines += [f"  {lang}: {scalar(doc.title.get(lang))}" for lang in ("zh", "en")]
    lines += ["summary:", "  zh: null", "  en: null",
              f"# {KEY_POINTS[0]} to {KEY_POINTS[1]} key points, each in both languages"]
    lines += ["key_points:"] + ["  - {zh: null, en: null}"] * KEY_POINTS[0]
    lines += [f"# {QUESTIONS[0]} to {QUESTIONS[1]} questions for discussion"]
    lines += ["questions:"] + ["  - {zh: null, en: null}"] * QUESTIONS[0]
    lines += [f"# themes found: {', '.join(doc.themes) or 'none'}",
              "themes: {add: [], remove: []}",
              f"# glossary terms found: {', '.join(sorted({u.term for u in doc.terms})) or 'none'}",
              "terms: {remove: []}",
              "review:", "  status: draft", ""]
    return "\n".join(lines)


def translation_yaml(doc: Document, texts: dict[str, str] | None = None,
                     provenance: str = "editor") -> str:
    """The translation file: every paragraph with its source hash; `texts` (by paragraph
    id) fills them in, otherwise they are left empty (`text: null`)."""
    target = other_language(doc.language)
    lines = [f"# The {target} translation of {doc.id}, paragraph by paragraph. `source` is the",
             "# hash of the source paragraph it translates: when the source changes, the",
             "# translation is shown as stale until it is updated and the hash set anew.",
             f"language: {target}", "paragraphs:"]
    for para in doc.paragraphs:
        text = (texts or {}).get(para.id)
        lines += [f"  # {comment(para.text)}",
                  f"  - id: {para.id}",
                  f"    source: {scalar(source_hash(para.text))}",  # quoted when all digits
                  f"    provenance: {provenance}",
                  f"    text: {scalar(text)}"]
    return "\n".join(lines) + "\n"
