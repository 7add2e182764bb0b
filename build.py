#!/usr/bin/env python3
"""Command line of the briefing-site generator: `python build.py --help`."""
import sys

from briefing.cli import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
