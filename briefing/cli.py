"""The command line: parse arguments, call one pipeline function, report errors.

`run(argv)` returns an exit status and is what the tests call; `build.py` only passes it to
`sys.exit`. Errors from inputs are printed as `Error: file:line: message`, one per line,
never as a traceback.
"""
from __future__ import annotations

import argparse
import gc
import keyword
import os
import sys
from pathlib import Path

from .errors import BriefingError, InputError, environment_problem

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT / "seeds"
DEFAULT_DOCS = ROOT / "docs"
DEFAULT_SITE = ROOT / "site"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="build.py", description="Turn seed documents into a bilingual briefing site "
                                     "and PDF digests.")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name, help_text):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--strict", action="store_true",
                       help="treat warnings (such as a seed that was skipped) as errors")
        return p

    p = command("generate", "seeds (and editorial files) -> Markdown pages for both "
                            "languages plus corpus.json")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seeds "
                   "(default: seeds/)")
    p.add_argument("--out", type=Path, default=DEFAULT_DOCS, help="output folder, replaced "
                   "as a whole (default: docs/)")

    p = command("build", "generate into docs/, build the site for both languages into "
                         "site/, write the PDF digests")
    p.add_argument("--no-pdf", action="store_true", help="skip the PDFs (digests and "
                   "handouts) for faster rebuilds")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=argparse.SUPPRESS)
    # Other output folders: for benchmarks/scale.py, which must not replace the project's.
    p.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help=argparse.SUPPRESS)
    p.add_argument("--site", type=Path, default=DEFAULT_SITE, help=argparse.SUPPRESS)

    p = command("check", "validate the editorial files and fail when the committed docs/ "
                         "is not what generate produces now")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=argparse.SUPPRESS)
    p.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help=argparse.SUPPRESS)

    p = command("new", "write the editorial and translation files of a seed's documents, "
                       "filled with what analysis found (existing files are kept)")
    p.add_argument("seed", help="the seed's file name in seeds/ (or its path)")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=argparse.SUPPRESS)

    p = command("new-session", "write a study session file for these documents, to "
                               "complete (an existing file is never overwritten)")
    p.add_argument("documents", nargs="+", metavar="DOC_ID")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=argparse.SUPPRESS)

    p = command("export", "write files for translators: XLIFF 2.1 or PO, one per document, "
                          "or the translation memory as TMX")
    p.add_argument("--format", choices=("xliff", "po", "tmx"), required=True)
    p.add_argument("--documents", nargs="+", metavar="ID", help="only these documents "
                   "(ids as in corpus.json; default: all)")
    p.add_argument("--missing", action="store_true", help="only paragraphs not translated yet")
    p.add_argument("--stale", action="store_true", help="only paragraphs whose source changed "
                   "since they were translated")
    p.add_argument("--out", type=Path, required=True, help="folder for the files (not in "
                   "seeds/)")
    p.add_argument("--force", action="store_true", help="overwrite files that differ from a "
                   "fresh export (work not imported yet is lost)")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=argparse.SUPPRESS)

    p = command("import", "read translated XLIFF or PO files back into seeds/translations/ "
                          "(checked first; nothing is written if any unit is refused)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=argparse.SUPPRESS)

    p = command("report", "list per document what the cleaner changed and what it "
                          "flagged, as file:line")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seeds "
                   "(default: seeds/)")
    p.add_argument("--flags-only", action="store_true",
                   help="only the flagged spans (what an editor must look at)")

    p = command("serve", "live preview on localhost; rebuilds when a seed or editorial "
                         "file changes")
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    p.add_argument("--no-pdf", action="store_true", help="skip the PDFs for faster rebuilds")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help=argparse.SUPPRESS)
    return top


def collect_less() -> None:
    """Let Python's cycle collector run less often than by default.

    A run builds millions of small objects that live to its end (every document with its
    paragraphs, read from the cache or made afresh), and with the default thresholds the
    collector scans that growing heap again and again: a quarter of a cached generate's
    CPU time at 1,000 seeds, and a tenth of a cold one's. The pipeline makes hardly any
    cyclic garbage (peak memory is the same with the collector off), so collecting a
    hundred times less often costs nothing."""
    gc.set_threshold(100_000, 50, 100)


#: What a command made, kept to the end of the process when `main` runs it (see `main`).
_kept: list | None = None


def keep(value) -> None:
    """Keep `value` (a corpus: millions of objects) to the end of the process, when it
    ends by `main`; in a test's process, nothing is kept. Only the last one is: `serve`
    builds again and again."""
    if _kept is not None:
        _kept[:] = [value]


def main() -> None:
    """build.py: run the command and end the process without freeing what it made.

    Freeing a corpus object by object, then the interpreter's own teardown, is a
    twentieth of a cached `generate` at a thousand documents, and serves nothing when the
    process ends anyway: so the output is flushed, and the process leaves (os._exit).
    Everything a command writes is closed (and swapped in) before it returns."""
    global _kept
    collect_less()
    _kept = []
    code = run(sys.argv[1:])
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):  # piped into `head` and closed
            pass
    os._exit(code)


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from . import commands  # imported late: `--help` stays fast

    try:
        # `import` is a Python keyword: its function is `import_`.
        name = args.command + "_" if keyword.iskeyword(args.command) else args.command
        name = name.replace("-", "_")  # new-session
        warnings = getattr(commands, name)(args)
    except InputError as exc:
        for problem in exc.problems:
            print(f"Error: {problem}", file=sys.stderr)
        return 1
    except BriefingError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and closed: not an error
        return 0
    except KeyboardInterrupt:
        print("Interrupted; the previous output is untouched.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not a bad input: say so, without a wall of traceback
        problem = environment_problem(exc) if isinstance(exc, OSError) else None
        if problem and not os.environ.get("BRIEFING_DEBUG"):  # the machine's, not a bug
            print(f"Error: {problem}", file=sys.stderr)
            return 1
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(f"Error: internal error (this is a bug in the generator, not in your files): "
              f"{type(exc).__name__}: {exc}. Rerun with BRIEFING_DEBUG=1 for the traceback.",
              file=sys.stderr)
        return 70
    warnings = warnings or []
    for problem in warnings:
        print(f"{'Error' if args.strict else 'Warning'}: {problem}", file=sys.stderr)
    return 1 if (warnings and args.strict) else 0
