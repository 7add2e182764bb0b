"""The offline copy: the whole built site (both languages, the PDFs) as one zip.

Readers on a closed network open it unzipped, from a file share or their own disk, by
file://: the pages link to each other relatively (use_directory_urls is false) and the
search index loads with <script> tags (briefing/publish/search.py), so search works there too.
The zip is written into the site itself, so the served site offers it for download.
Same site, same bytes: entries sorted, one fixed date.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

NAME = "briefing-offline.zip"
# The earliest date a zip can hold: the copy does not change with the time it was built.
DATE = (1980, 1, 1, 0, 0, 0)


def write_zip(site_dir: Path) -> Path:
    """Zip every file under `site_dir` (but the zip) into `site_dir/briefing-offline.zip`,
    under a top folder `briefing/`; returns the zip's path."""
    target = site_dir / NAME
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p != target)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo("briefing/" + path.relative_to(site_dir).as_posix(), DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)
    return target
