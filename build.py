#!/usr/bin/env python3
"""Command line of the briefing-site generator: `python build.py --help`."""
from briefing.cli import main

if __name__ == "__main__":
    main()
