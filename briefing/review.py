"""What `check` looks at beyond the schema: cross-links that lead nowhere (always an
error), and what a release needs (warnings, errors with `--strict`): every paragraph
translated and none stale, the glossary's renderings used, every document reviewed, every
name shown in the reader's language (briefing.names).

Each finding names the file (and line) to change and says what is expected.
"""
from __future__ import annotations

from .edition.breaks import split_hint
from .edition.quotations import quotation_findings
from .analyze.glossary import TermMatcher
from .model import Corpus, Document, Term, other_language, source_hash
from .names import name_findings

RELEASED = ("reviewed", "approved")


def broken_links(corpus: Corpus) -> list[str]:
    """Links whose target document or paragraph does not exist (a generator bug or an
    editorial target gone stale), as messages for `docs/corpus.json`."""
    pages = {d.id: {p.id for p in d.paragraphs} for d in corpus.pages()}
    found = []
    for doc in corpus.pages():
        for link in doc.links:
            if link.target not in pages:
                found.append(f"{doc.id}: {link.kind} link to {link.target!r}, which is not a "
                             "document")
            elif link.target_paragraph and link.target_paragraph not in pages[link.target]:
                found.append(f"{doc.id}: {link.kind} link to {link.target}#"
                             f"{link.target_paragraph}, which is not a paragraph")
            if link.paragraph and link.paragraph not in pages[doc.id]:
                found.append(f"{doc.id}: {link.kind} link from #{link.paragraph}, which is "
                             "not a paragraph")
    return found


def release_findings(corpus: Corpus) -> list[tuple[str, int | None, str]]:
    """(file, line, message) for everything a release still needs, document by document."""
    findings = []
    for doc in corpus.pages():
        translations = doc.translation_path or f"{corpus.seeds_dir}/translations/{doc.id}.yml"
        editorial = doc.editorial_path or f"{corpus.seeds_dir}/editorial/{doc.id}.yml"
        findings += translation_findings(doc, translations)
        findings += [(translations, line, message)
                     for line, message in terminology_misses(doc, corpus.glossary)]
        if not doc.review or doc.review.status not in RELEASED:
            status = doc.review.status if doc.review else "none"
            findings.append((editorial, None, (
                f"{doc.id} is not reviewed (review status: {status}); once it is, set "
                "review: {status: reviewed, reviewer: <name>, date: <YYYY-MM-DD>}")))
    return findings + quotation_findings(corpus) + name_findings(corpus)


def translation_findings(doc: Document, path: str) -> list[tuple[str, int | None, str]]:
    """Missing paragraphs (one finding per document), stale ones and orphans (one each)."""
    target = other_language(doc.language)
    findings = []
    missing = [p.id for p in doc.paragraphs
               if doc.translation.get(p.id) is None or doc.translation[p.id].state == "missing"]
    if missing:
        findings.append((path, None, (
            f"{len(missing)} of {len(doc.paragraphs)} paragraphs of {doc.id} have no {target} "
            f"translation ({', '.join(missing[:8])}{', …' if len(missing) > 8 else ''}); "
            + ("fill in their text" if doc.translation_path else
               f"python build.py new {doc.source} writes the file with an empty entry for "
               "each, with its source hash"))))
    for para in doc.paragraphs:
        tr = doc.translation.get(para.id)
        if tr and tr.state == "stale":
            findings.append((path, tr.line, (
                f"paragraph {para.id} of {doc.id} changed since it was translated (source "
                f"{tr.source}, now {source_hash(para.text)}); update the translation, then "
                f"set source: {source_hash(para.text)}" + _split_hint(doc, tr.source))))
    findings += [(path, line, f"the translation of {paragraph} matches no paragraph of "
                              f"{doc.id} (its source text is gone); move it to its paragraph "
                              "or remove it")
                 for paragraph, line in doc.translation_orphans]
    return findings


def _split_hint(doc: Document, source: str) -> str:
    """What to do when editors' breaks cut the translated paragraph in pieces."""
    pieces = split_hint(doc, source)
    return (f"; editors' breaks cut the paragraph it was made from into {', '.join(pieces)}: "
            "split its translation the same way, one entry each") if pieces else ""


def terminology_misses(doc: Document, glossary: list[Term]) -> list[tuple[int | None, str]]:
    """Paragraphs whose current translation lacks the glossary rendering of a term its
    source uses (in either direction: Chinese -> English, English -> Chinese)."""
    if not glossary:
        return []
    target = other_language(doc.language)
    # Only the rendering itself counts in a translation, not the variants other texts print.
    renderings = TermMatcher.of([Term(t.id, t.zh, t.en, t.note, {}) for t in glossary], target)
    by_id = {t.id: t for t in glossary}
    used: dict[str, list[str]] = {}
    for use in doc.terms:
        used.setdefault(use.paragraph, [])
        if use.term not in used[use.paragraph]:
            used[use.paragraph].append(use.term)
    misses = []
    for para in doc.paragraphs:
        tr = doc.translation.get(para.id)
        if not tr or tr.state != "current" or para.id not in used:
            continue
        rendered = {term for _, _, term in renderings.find(tr.text)}
        for term_id in used[para.id]:
            # A rendering inside a longer term's (人工智能+ in “人工智能+”行动) still counts.
            if term_id not in rendered and not TermMatcher.of(
                    [Term(term_id, by_id[term_id].zh, by_id[term_id].en, {}, {})],
                    target).find(tr.text):
                term = by_id[term_id]
                source, wanted = (term.zh, term.en) if doc.language == "zh" else (term.en, term.zh)
                misses.append((tr.line, (
                    f"paragraph {para.id} of {doc.id} uses {source!r} but its translation "
                    f"does not have the glossary's rendering {wanted!r} ({term_id})")))
    return misses
