#!/usr/bin/env python3
"""Command line of the briefing-site generator: `python build.py --help`."""
import sys

from briefing.cli import collect_less, run

if __name__ == "__main__":
    collect_less()
    sys.exit(run(sys.argv[1:]))
