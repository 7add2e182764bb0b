"""The whole pipeline, top to bottom. All reading and analysis happen before any writing.

    read -> clean -> split -> correct (errata) -> analyze -> curate -> link
                                                          (analyse_corpus: no I/O but reading)
    render -> write docs/                                 (generate)
    site (MkDocs, both languages) -> pdf (WeasyPrint)     (build)
"""
from __future__ import annotations

from pathlib import Path

from . import editorial
from .analyze import analyze, find_dated_events
from .clean import clean
from .curate import correct, curate
from .errors import InputError, Problem, SeedError, display_path
from .link import link
from .model import Corpus
from .names import attach_names, load_names
from .output import check_target, replace_tree, write_files
from .read import list_seeds, read_seed
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


def analyse_corpus(seeds_dir: Path) -> Corpus:
    """Read, clean, split, analyze, curate and link every seed of a folder.

    A seed that cannot be read, and any entry of the seeds folder that is not a seed (a
    folder, a FIFO, a dangling link, a file that is not .txt), is reported as a warning and
    left out, so one bad file among many does not stop the run (`--strict` makes warnings
    fatal). Problems in editorial files stop the run: they are the editors' own and must be
    fixed.
    """
    seeds_dir = Path(seeds_dir)
    paths, skipped = list_seeds(seeds_dir)
    seeds, unreadable = [], []
    warnings = [Problem(p.path, p.line, p.message + SKIPPED) for p in skipped]
    by_id: dict[str, Path] = {}
    for path in paths:
        try:
            seed = read_seed(path, seeds_dir)
        except SeedError as exc:
            unreadable.extend(exc.problems)
            warnings.extend(Problem(p.path, p.line, p.message + SKIPPED) for p in exc.problems)
            continue
        if seed.id in by_id:
            # Two names that make one id (`a b.txt`, `a-b.txt`) would share a page.
            warnings.append(Problem(display_path(path), None, (
                f"has the same id {seed.id!r} as {display_path(by_id[seed.id])}; rename one "
                f"of them" + SKIPPED)))
            continue
        by_id[seed.id] = path
        seeds.append(seed)
    if not seeds:  # nothing to build: the problems are errors, nothing "goes on"
        raise SeedError(skipped + unreadable or [Problem(
            display_path(seeds_dir), None, "holds no readable seed (.txt) files; add at "
                                           "least one")])
    cleaned = [clean(seed) for seed in seeds]
    edits = editorial.load_document_edits(seeds_dir)
    pages = correct([doc for c in cleaned for doc in split(c)], edits)
    compilations = [d for d in pages if d.kind == "compilation"]
    documents = [d for d in pages if d.kind != "compilation"]
    themes = editorial.load_themes(seeds_dir)
    glossary = editorial.load_glossary(seeds_dir)
    documents = analyze(documents, themes, glossary)
    # A compilation's own date (its masthead) belongs on the timeline too.
    compilations = [find_dated_events(c) for c in compilations]
    translations = editorial.load_translations(seeds_dir)
    curated = curate(documents + compilations, edits, themes, glossary, translations)
    documents = link([d for d in curated if d.kind != "compilation"], edits)
    compilations = [d for d in curated if d.kind == "compilation"]
    corpus = Corpus(documents=documents, compilations=compilations, themes=themes,
                    glossary=glossary, cleaned=cleaned, warnings=warnings,
                    seeds_dir=display_path(seeds_dir))
    corpus.sessions, corpus.document_types = load_session_data(seeds_dir, corpus.pages())
    attach_names(corpus, load_names(seeds_dir))
    return corpus


def generate(seeds_dir: Path, out_dir: Path, strict: bool = False) -> Corpus:
    """Seeds -> Markdown pages for both languages plus corpus.json, replacing `out_dir`.

    With `strict`, any warning stops the run before anything is written.
    """
    check_outputs(seeds_dir, out_dir)
    corpus = analyse_corpus(seeds_dir)
    if strict and corpus.warnings:
        raise InputError(corpus.warnings)
    files = render(corpus)
    # Unchanged files are linked from the output they replace: an edit rewrites only what
    # shows it (issue #13).
    replace_tree(Path(out_dir), lambda folder: write_files(folder, files, Path(out_dir)))
    return corpus
