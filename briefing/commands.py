"""The body of each command: load what it needs and call the pipeline.

Each returns the warnings to print (the command line decides whether `--strict` makes
them fatal) and raises `BriefingError` for anything that stops it.
"""
from __future__ import annotations

import gc
import shutil
import sys
import time
from pathlib import Path

from . import pipeline, review
from .publish import records
from .publish.outputs import Outputs
from .errors import BriefingError, InputError, Problem, display_path, environment_problem
from .output import read_tree, staged, write_files
from .render import digests_enabled, pdf_name, render


def generate(args) -> list[Problem]:
    from .cli import keep

    corpus = pipeline.generate(args.seeds, args.out, strict=args.strict)
    keep(corpus)  # freed by the process's end, not object by object (cli.main)
    print(f"generated {len(corpus.documents)} documents into {display_path(args.out)}")
    return corpus.warnings


def build(args, with_pdf: bool | None = None) -> list[Problem]:
    """generate into docs/, then both sites and the PDFs into site/ (swapped in whole)."""
    # Here, not at the top: `generate` needs none of them (icalendar, WeasyPrint's
    # helpers and the site builders are a tenth of its start).
    from .cli import DEFAULT_DOCS, DEFAULT_SITE, keep
    from .publish import offline, pdf, site
    from .sessions.calendar import write_calendars
    from .sessions.handout import write_handouts

    docs_dir = getattr(args, "docs", None) or DEFAULT_DOCS
    site_dir = getattr(args, "site", None) or DEFAULT_SITE
    if with_pdf is None:
        with_pdf = not args.no_pdf
    pipeline.check_outputs(args.seeds, docs_dir, site_dir)
    with pipeline.collector_paused():
        corpus = pipeline.analyse_corpus(args.seeds)
        if corpus.warnings and args.strict:
            raise InputError(corpus.warnings)
        outputs = Outputs.of(docs_dir)  # what docs/ holds from the cache
        files = render(corpus, outputs)
    keep(corpus)  # freed by the process's end, not object by object (cli.main)

    # Everything is made in staging folders and swapped in at the end: a build that fails
    # or is killed midway leaves the previous docs/ and site/ exactly as they were.
    with staged(docs_dir, site_dir) as (docs, out):
        write_files(docs, files, docs_dir)
        site.build_sites(docs, out, previous=site_dir)
        shutil.copyfile(docs / records.INDEX, out / records.INDEX)
        shutil.copytree(docs / records.RECORDS, out / records.RECORDS)
        if with_pdf and digests_enabled():
            pdf.write_pdf(corpus, "zh", out / "pdf" / pdf_name("zh"))
            pdf.write_pdf(corpus, "en", out / "en" / "pdf" / pdf_name("en"))
        if with_pdf:
            write_handouts(corpus, out)
        write_calendars(corpus, out)
        offline.write_zip(out, previous=site_dir)  # last: it holds everything above
    outputs.save()
    print(f"built {len(corpus.documents)} documents: {display_path(site_dir)}/ (zh), "
          f"{display_path(site_dir)}/en/ (en)" + (", PDFs in pdf/" if with_pdf else ""))
    return corpus.warnings


def check(args) -> list[Problem]:
    """Validate editorial files (analysis loads them all) and compare docs/ with generate."""
    corpus = pipeline.analyse_corpus(args.seeds)
    expected = render(corpus)
    actual = read_tree(args.docs)
    problems = []
    for rel in sorted(set(expected) | set(actual)):
        where = display_path(args.docs / rel)
        if rel not in actual:
            problems.append(Problem(where, None, "missing; run: python build.py generate"))
        elif rel not in expected:
            problems.append(Problem(where, None, "is not produced by generate any more; "
                                                 "run: python build.py generate"))
        elif actual[rel] != expected[rel]:
            line = _first_difference(actual[rel], expected[rel])
            problems.append(Problem(where, line, "differs from what generate produces now; "
                                                 "run: python build.py generate"))
    problems += [Problem(display_path(args.docs / "corpus.json"), None,
                         message + "; check the editorial file's reference targets")
                 for message in review.broken_links(corpus)]
    if problems:
        raise InputError(problems)
    release = [Problem(path, line, message)
               for path, line, message in review.release_findings(corpus)]
    print(f"check: {len(corpus.documents)} documents, editorial files valid, docs/ up to date"
          + (f"; {len(release)} things to do before a release (--strict fails on them)"
             if release else "; ready for release"))
    return corpus.warnings + release


def _first_difference(a: str, b: str) -> int:
    for n, (x, y) in enumerate(zip(a.split("\n"), b.split("\n")), start=1):
        if x != y:
            return n
    return min(a.count("\n"), b.count("\n")) + 1


def new(args) -> list[Problem]:
    """Scaffold the editorial and translation files of one seed's documents."""
    from .scaffold import scaffold

    corpus = pipeline.analyse_corpus(args.seeds)
    name = Path(args.seed).name
    if not any(d.source == name for d in corpus.pages()):
        raise InputError(Problem(display_path(args.seed), None, (
            f"is not a seed of {display_path(args.seeds)}; copy it there first (the name "
            "as in seeds/, e.g. 003_c67a1687915d7e32.txt)")))
    for path, written in scaffold(corpus, args.seeds, name):
        print(f"{'wrote' if written else 'kept the existing'} {display_path(path)}")
    return corpus.warnings


def new_session(args) -> list[Problem]:
    """Scaffold a session file for some documents (briefing.sessions.scaffold)."""
    from .sessions.scaffold import new_session as scaffold_session, report as scaffold_report

    corpus = pipeline.analyse_corpus(args.seeds)
    print(scaffold_report(scaffold_session(corpus, args.seeds, args.documents)))
    return corpus.warnings


def export(args) -> list[Problem]:
    """Files for translators (XLIFF, PO), or the translation memory (TMX): briefing.translate."""
    from .translate import export as translate_export

    translate_export.check_out(args.out, args.seeds, pipeline.ROOT, pipeline.SOURCE_FOLDERS)
    corpus = pipeline.analyse_corpus(args.seeds)
    only = tuple(state for state in ("missing", "stale") if getattr(args, state))
    ids = [i for value in args.documents or [] for i in value.split(",") if i]
    written, conflicts = translate_export.export(corpus, args.format, args.out, ids, only,
                                                 args.force)
    return corpus.warnings + translate_export.report(written, conflicts)


def import_(args) -> list[Problem]:
    """Translations from XLIFF or PO files into seeds/translations/ (`import` is Python's)."""
    from .translate.importer import import_files, report as import_report

    corpus = pipeline.analyse_corpus(args.seeds)
    import_report(import_files(corpus, args.files))
    return corpus.warnings


def report(args) -> list[Problem]:
    """Print the provenance report (briefing.report) to standard output."""
    from .report import report_lines

    corpus = pipeline.analyse_corpus(args.seeds, cleaning=True)
    for line in report_lines(corpus, flags_only=args.flags_only):
        print(line)
    return corpus.warnings


def serve(args) -> list[Problem]:
    """Build, serve site/ on 127.0.0.1, rebuild whenever a seed or editorial file changes."""
    from .cli import DEFAULT_SITE
    from .publish import localserver

    def rebuild():
        try:
            for problem in build(args, with_pdf=not args.no_pdf):
                print(f"Warning: {problem}", file=sys.stderr)
        except InputError as exc:
            for problem in exc.problems:
                print(f"Error: {problem}", file=sys.stderr)
        except BriefingError as exc:
            print(f"Error: {exc}", file=sys.stderr)
        except OSError as exc:  # a full disk, say: the preview goes on, the edit can too
            problem = environment_problem(exc)
            if problem is None:
                raise
            print(f"Error: {problem}", file=sys.stderr)
        finally:
            # What the build froze (pipeline.collector_paused) is scanned again: a
            # preview rebuilt all day keeps no cycle of an earlier build.
            gc.unfreeze()

    # The port is taken before the first build: a port in use is said at once, not after
    # a full build.
    try:
        server = localserver.site_server(DEFAULT_SITE, args.port)
    except OSError as exc:
        raise BriefingError(f"127.0.0.1:{args.port}: cannot serve there ({exc.strerror}); "
                            "choose another port with --port N (0 picks a free one)") from None
    rebuild()
    print(f"serving on {localserver.start(server)} (Ctrl-C to stop)", flush=True)
    seen = _snapshot(args.seeds)
    try:
        while True:
            time.sleep(1)
            now = _snapshot(args.seeds)
            if now != seen:
                seen = now
                print("change in seeds/: rebuilding", flush=True)
                rebuild()
                print("rebuilt", flush=True)
    finally:
        server.shutdown()


def _snapshot(folder: Path) -> dict:
    """(size, mtime) of every file below `folder`: cheap polling, no extra dependency."""
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}
