"""Stage 8, site: MkDocs (Material) builds both languages from the generated docs/.

MkDocs runs as its own process, exactly as `mkdocs build --strict` would, once per
language configuration: mkdocs.yml (Chinese, at /) and mkdocs.en.yml (English, at /en/).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .errors import ToolError

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"zh": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en")}


def build_sites(site_dir: Path) -> None:
    """Build the Chinese site into `site_dir` and the English one into `site_dir/en`."""
    for lang, (config, sub) in CONFIGS.items():
        target = site_dir / sub if sub else site_dir
        run_mkdocs(["build", "--strict", "--quiet", "--no-directory-urls",
                    "-f", config, "-d", str(target)], lang)


def run_mkdocs(args: list[str], lang: str) -> None:
    # --dirty is never used: a full build is the one that is checked.
    # NO_MKDOCS_2_WARNING: Material's end-of-life notice would otherwise fail every build
    # (any output counts as a problem here, as --strict intends).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    noise = ("Building prefix dict", "Loading model from cache", "Loading model cost",
             "Prefix dict has been built", "Dumping model to file cache")
    output = [line for line in (proc.stdout + proc.stderr).splitlines()
              if line.strip() and not line.startswith(noise)]
    if proc.returncode != 0 or output:
        shown = "\n".join(output[-20:]) or f"exit status {proc.returncode}"
        raise ToolError(f"MkDocs could not build the {lang} site cleanly:\n{shown}")
