"""The whole pipeline, top to bottom. All reading and analysis happen before any writing.

    read -> clean -> split -> correct (errata) -> analyze -> curate   per seed (cached)
    -> link                                                          corpus-wide
                                                          (analyse_corpus: no I/O but reading)
    render -> write docs/                                 (generate)
    site (MkDocs, both languages) -> pdf (WeasyPrint)     (build)

Each stage is a module or a folder of the package, named after it (read/, clean/, split,
curate, analyze/, link/, render/, publish/): the per-seed ones look at one seed and are
cached (briefing.cache); from link on, every document's result is an input.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import cache, editorial, pinyin
from .analyze import analyze, find_dated_events
from .clean import clean
from .cache import SeedWork
from .curate import correct, curate, unknown_documents
from .errors import EditorialError, InputError, Problem, SeedError, display_path
from .link import link
from .facts import document_facts
from .model import CleanSeed, Corpus, Seed
from .names import attach_names, load_names
from .output import check_target, replace_tree, write_files
from .publish.outputs import Outputs
from .read import decode_seed, list_seeds, read_seed_bytes, slug_for
from .render import render
from .sessions.load import load_session_data
from .split import split


SKIPPED = " (skipped; the build goes on)"

ROOT = Path(__file__).resolve().parent.parent
#: The project's own folders. An output folder is replaced whole, so it may never be,
#: hold or lie inside one of them (nor the seeds folder given on the command line).
SOURCE_FOLDERS = ("briefing", "templates", "tests", "schema", "scripts", "benchmarks",
                  "seeds", ".git", ".ci", ".venv")


def check_outputs(seeds_dir: Path, *outputs: Path) -> None:
    """Refuse, before any work, an output folder whose replacement would delete inputs."""
    inputs = [Path(seeds_dir), *(ROOT / name for name in SOURCE_FOLDERS)]
    for out in outputs:
        check_target(Path(out), inputs, root=ROOT)


@dataclass
class Editorial:
    """The editors' files that the per-document stages read, loaded and checked once."""

    edits: list[editorial.DocumentEdits]
    themes: list
    glossary: list
    translations: list[editorial.TranslationFile]

    def of(self, ids: set[str]) -> "Editorial":
        """Only what concerns the documents `ids`."""
        return Editorial([e for e in self.edits if e.document_id in ids], self.themes,
                         self.glossary, [t for t in self.translations if t.document_id in ids])


def analyse_corpus(seeds_dir: Path, cleaning: bool = False) -> Corpus:
    """Read, clean, split, analyze, curate and link every seed of a folder.

    With `cleaning`, the corpus also holds what the cleaner did to each seed
    (`Corpus.cleaned`, for the provenance report); without, it is not kept (it is half of
    a seed's work, and only the report reads it).

    A seed that cannot be read, and any entry of the seeds folder that is not a seed (a
    folder, a FIFO, a dangling link, a file that is not .txt), is reported as a warning and
    left out, so one bad file among many does not stop the run (`--strict` makes warnings
    fatal). Problems in editorial files stop the run: they are the editors' own and must be
    fixed; all of them are said at once.
    """
    seeds_dir = Path(seeds_dir)
    cache.prune()  # other versions of the code's entries: only the last few are kept
    paths, skipped = list_seeds(seeds_dir)
    found = Editorial(editorial.load_document_edits(seeds_dir), editorial.load_themes(seeds_dir),
                      editorial.load_glossary(seeds_dir), editorial.load_translations(seeds_dir))
    shared = cache.files_digest([seeds_dir / editorial.THEMES_FILE,
                                 seeds_dir / editorial.GLOSSARY_FILE])
    works, unreadable, problems, failed = [], [], [], set()
    warnings = [Problem(p.path, p.line, p.message + SKIPPED) for p in skipped]
    by_id: dict[str, Path] = {}
    for path in paths:
        seed_id = slug_for(path.stem)
        if seed_id in by_id:
            # Two names that make one id (`a b.txt`, `a-b.txt`) would share a page.
            warnings.append(Problem(display_path(path), None, (
                f"has the same id {seed_id!r} as {display_path(by_id[seed_id])}; rename one "
                f"of them" + SKIPPED)))
            continue
        try:
            work = seed_work(path, seeds_dir, found, shared, cleaning)
        except SeedError as exc:
            unreadable.extend(exc.problems)
            warnings.extend(Problem(p.path, p.line, p.message + SKIPPED) for p in exc.problems)
            continue
        except EditorialError as exc:
            problems.extend(exc.problems)
            failed.add(seed_id)
        else:
            works.append(work)
        by_id[seed_id] = path
    if not works and not problems:  # nothing to build: the problems are errors
        raise SeedError(skipped + unreadable or [Problem(
            display_path(seeds_dir), None, "holds no readable seed (.txt) files; add at "
                                           "least one")])
    pages = [page for work in works for page in work.pages]
    # A file for no document; one of a seed whose own files failed is not said twice.
    files = [f for f in found.edits + found.translations
             if not any(belongs(f.document_id, seed_id) for seed_id in failed)]
    problems = unknown_documents({d.id for d in pages}, files) + problems
    if problems:
        raise EditorialError(problems)
    # Corpus-wide from here: every document's links depend on all the others.
    facts = {i: f for work in works for i, f in work.facts.items()}
    documents = link([d for d in pages if d.kind != "compilation"], found.edits,
                     {i: f.printed for i, f in facts.items()},
                     {i: f.fingerprint for i, f in facts.items()})
    compilations = [d for d in pages if d.kind == "compilation"]
    corpus = Corpus(documents=documents, compilations=compilations, themes=found.themes,
                    glossary=found.glossary,
                    cleaned=[work.cleaned for work in works] if cleaning else [],
                    warnings=warnings, seeds_dir=display_path(seeds_dir),
                    work_keys={d.id: work.key for work in works for d in work.pages},
                    facts=facts)
    corpus.sessions, corpus.document_types = load_session_data(seeds_dir, corpus.pages())
    attach_names(corpus, load_names(seeds_dir))
    return corpus


def seed_work(path: Path, seeds_dir: Path, found: Editorial, shared: bytes,
              cleaning: bool = False) -> SeedWork:
    """One seed through the per-document stages, or their result from the cache. The
    cleaner's record (`SeedWork.cleaned`) is a cache entry of its own, read only when
    `cleaning` asks for it, and dropped otherwise."""
    data = read_seed_bytes(path, seeds_dir)
    seed_id = slug_for(path.stem)
    own = [Path(f.path) for f in found.edits + found.translations
           if belongs(f.document_id, seed_id)]
    key = cache.seed_key(path, data, shared, own)
    work = cache.load(key)
    if work is not None and cleaning:
        work.cleaned = cache.load(key, cache.CLEANED, CleanSeed)
        if work.cleaned is None:  # lost or damaged: the work is done again
            work = None
    if work is None:
        work = document_stages(decode_seed(path, data), found)
        work.key = key
        cache.store(key, SeedWork(None, work.pages, key, work.facts))
        cache.store(key, work.cleaned, cache.CLEANED)
    if not cleaning:
        work.cleaned = None
    return work


def belongs(document_id: str, seed_id: str) -> bool:
    """Whether a document may come from a seed: it is the seed, or an article of it
    (`x-a3`). Generous on purpose (seed `a`'s key also holds the files of a seed `a-b`):
    a file too many in a key costs a rerun, one too few a stale page.

    >>> belongs("002-cf7a6355ccf0b9a8-a3", "002-cf7a6355ccf0b9a8"), belongs("a", "a-b")
    (True, False)
    """
    return document_id == seed_id or document_id.startswith(seed_id + "-")


def document_stages(seed: Seed, found: Editorial) -> SeedWork:
    """clean -> split -> correct -> analyze -> curate, for one seed's documents."""
    cleaned = clean(seed)
    parts = split(cleaned)
    own = found.of({d.id for d in parts})
    pages = correct(parts, own.edits)
    compilations = [d for d in pages if d.kind == "compilation"]
    documents = analyze([d for d in pages if d.kind != "compilation"], own.themes,
                        own.glossary)
    # A compilation's own date (its masthead) belongs on the timeline too.
    compilations = [find_dated_events(c) for c in compilations]
    pages = curate(documents + compilations, own.edits, own.themes, own.glossary,
                   own.translations)
    # What the corpus-wide stages read of a document alone, found once (briefing.facts).
    return SeedWork(cleaned, pages, facts={d.id: document_facts(d) for d in pages})


@contextmanager
def collector_paused():
    """Python's cycle collector off for a block, and what the block made left out of its
    later scans (gc.freeze).

    Analysing and rendering make millions of objects that live to the end of the run and
    hardly any cyclic garbage (peak memory is the same without the collector): scanning
    them again and again is a twentieth of a cold run and more of a cached one, and
    merely turning the collector on again would scan them all at its next pass. Frozen,
    they are still freed when no longer used (by their reference counts); only a cycle
    among them would outlive its use, and `serve` unfreezes after each rebuild. The
    collector is on again for what comes after (WeasyPrint's trees are cyclic)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def generate(seeds_dir: Path, out_dir: Path, strict: bool = False) -> Corpus:
    """Seeds -> Markdown pages for both languages plus corpus.json, replacing `out_dir`.

    With `strict`, any warning stops the run before anything is written.
    """
    check_outputs(seeds_dir, out_dir)
    with collector_paused():
        corpus = analyse_corpus(seeds_dir)
        if strict and corpus.warnings:
            raise InputError(corpus.warnings)
        outputs = Outputs.of(out_dir)  # what out_dir holds from the cache
        files = render(corpus, outputs)
    pinyin.keep()  # the names' and terms' readings, for the next run
    # Unchanged files are linked from the output they replace: an edit rewrites only what
    # shows it (issue #13).
    replace_tree(Path(out_dir), lambda folder: write_files(folder, files, Path(out_dir)))
    outputs.save()
    return corpus
