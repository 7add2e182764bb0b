"""Briefing-site generator: seed documents -> curated bilingual pages, a site and PDFs.

The pipeline reads top to bottom, one module per stage (see README, "Layout"):

    read -> clean -> split -> analyze -> curate -> link -> render -> site -> pdf

`briefing.pipeline` strings the stages together; `build.py` is the command line.
"""
