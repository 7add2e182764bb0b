"""Stage 8, site: MkDocs (Material) builds both languages from the generated pages.

MkDocs runs in a process of its own, as `mkdocs build --strict` would, once per language
(briefing.publish.mkdocs_run, which renders again only the pages that changed since the
site being replaced was built): mkdocs.yml (Chinese, at /) and mkdocs.en.yml (English, at
/en/, inheriting the Chinese one). Those two files name docs/ and site/; a build reads a
staged docs folder and writes a staged site folder (so a failed build changes nothing), so
it runs MkDocs on the same configurations with those paths made absolute.
"""
from __future__ import annotations

import copy
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from . import search
from ..errors import ToolError

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = {"zh": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en")}


def build_sites(docs_dir: Path, site_dir: Path, previous: Path | None = None) -> None:
    """Build the Chinese site into `site_dir` and the English one into `site_dir/en`,
    from the pages in `docs_dir` (`zh/`, `en/`, `jieba-userdict.txt`),
    each with its search index (briefing/publish/search.py).

    `previous` is the site that `site_dir` will replace: what is unchanged since it was
    built is taken from it, not rendered again (briefing.publish.mkdocs_run, which
    explains when that is safe). The two languages build at once, in two processes (two
    cores: half the wait); neither empties its folder, so the English one builds in place.
    """
    with tempfile.TemporaryDirectory(prefix="briefing-mkdocs-") as work:
        running, keys = [], {}
        for lang, (_, sub) in CONFIGS.items():
            config = Path(work) / f"mkdocs.{lang}.yml"
            target = site_dir / sub if sub else site_dir
            settings = language_config(lang, docs_dir, target)
            config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False),
                              encoding="utf-8")
            args = [str(config)]
            if previous is not None:
                before = Path(previous).resolve() / sub if sub else Path(previous).resolve()
                keys[lang] = (before, hashlib.sha256(f"{before}\0{lang}".encode()).hexdigest())
                args += ["--previous", str(before), "--cache-key", keys[lang][1]]
            running.append((lang, start_mkdocs(args)))
        try:
            for lang, proc in running:
                finish_mkdocs(proc, lang)
        finally:  # one failed: the other is not left running
            for _, proc in running:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        for lang, (_, sub) in CONFIGS.items():
            search.write_index(site_dir / sub if sub else site_dir,
                               docs_dir / "jieba-userdict.txt", *keys.get(lang, ()))


def language_config(lang: str, docs_dir: Path, site_dir: Path) -> dict:
    """One language's MkDocs settings: mkdocs.yml, with mkdocs.en.yml on top for English
    (as its INHERIT says), and every path absolute."""
    settings = yaml.safe_load((ROOT / CONFIGS["zh"][0]).read_text(encoding="utf-8"))
    if lang != "zh":
        own = yaml.safe_load((ROOT / CONFIGS[lang][0]).read_text(encoding="utf-8"))
        own.pop("INHERIT", None)
        settings = merged(settings, own)
    folder = CONFIGS[lang][1]
    if folder and settings.get("site_url"):
        # The English site is the Chinese site's en/ folder: its pages' canonical
        # addresses and its sitemap are there, not at the Chinese site's.
        settings["site_url"] = settings["site_url"].rstrip("/") + f"/{folder}/"
    # MkDocs makes an error page's links absolute, from site_url's path or, without one,
    # from "/" (the server's root, where the Chinese site is). Without one, this
    # language's error page starts them from its own folder instead (`error_page_base`,
    # which mkdocs_hooks.on_template_context applies), so that its navigation, its assets
    # and its home link lead into this language's site. `error_page_home` is the home from
    # "/", for a builder that runs no hooks (Zensical; templates/theme/404.html).
    extra = settings.setdefault("extra", {})
    if not settings.get("site_url"):
        extra["error_page_base"] = f"/{folder}/" if folder else "/"
    extra["error_page_home"] = "index.html" if settings.get("site_url") or not folder \
        else f"{folder}/index.html"
    settings["docs_dir"] = str(Path(docs_dir).resolve() / lang)
    settings["site_dir"] = str(Path(site_dir).resolve())
    settings["theme"]["custom_dir"] = str(ROOT / settings["theme"]["custom_dir"])
    settings["hooks"] = [str(ROOT / hook) for hook in settings.get("hooks", [])]
    return settings


def merged(base: dict, override: dict) -> dict:
    """`override` on top of `base`: mappings merge, anything else is replaced (as MkDocs'
    INHERIT does)."""
    result = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def start_mkdocs(args: list[str]) -> subprocess.Popen:
    """`mkdocs build --strict` on a configuration, by briefing.publish.mkdocs_run (which
    renders again only what changed when given a previous site)."""
    # NO_MKDOCS_2_WARNING: Material's end-of-life notice would otherwise fail every build
    # (any output counts as a problem here, as --strict intends).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "briefing.publish.mkdocs_run", *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish_mkdocs(proc: subprocess.Popen, lang: str) -> None:
    """Wait for a MkDocs run; any output but its INFO lines and the search tokenizer's
    chatter is a problem."""
    stdout, stderr = proc.communicate()
    noise = ("Building prefix dict", "Loading model from cache", "Loading model cost",
             "Prefix dict has been built", "Dumping model to file cache", "INFO ")
    output = [line for line in (stdout + stderr).splitlines()
              if line.strip() and not line.startswith(noise)]
    if proc.returncode != 0 or output:
        shown = "\n".join(output[-20:]) or f"exit status {proc.returncode}"
        raise ToolError(f"MkDocs could not build the {lang} site cleanly:\n{shown}")
