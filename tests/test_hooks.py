"""The pages' last change in Git: one `git log` for the whole site gives, for every file, what
one `git log -1 -- file` per page gave (briefing.publish.mkdocs_hooks)."""
from __future__ import annotations

import subprocess

from briefing.publish import mkdocs_hooks
from conftest import ROOT


def tracked(*folders: str) -> list[str]:
    out = subprocess.run(["git", "-c", "core.quotePath=false", "ls-files", *folders], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def one_by_one(*paths: str) -> str | None:
    out = subprocess.run(["git", "log", "-1", "--format=%cs (%h)", "--", *paths], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.strip()
    return out or None


def test_one_log_gives_each_files_last_commit_as_a_log_per_file_did():
    files = tracked("seeds", "templates")
    assert len(files) > 20
    assert [mkdocs_hooks.last_change((f,)) for f in files] == [one_by_one(f) for f in files]


def test_a_page_of_several_sources_gets_the_latest_of_them():
    groups = [tuple(tracked("seeds/editorial")[:2]) + ("templates/strings.yml",),
              ("seeds/glossary.yml", "templates/site/glossary.md.j2")]
    # The latest of the files' own last commits. (`git log -- a b` can also name a merge
    # that brought a's change from one side and b's from the other: it changed neither.)
    for group in groups:
        assert mkdocs_hooks.last_change(group) in {one_by_one(f) for f in group}
        ages = [mkdocs_hooks.file_changes()[f][0] for f in group]
        assert mkdocs_hooks.last_change(group) == one_by_one(group[ages.index(min(ages))])


def test_a_file_not_in_git_has_no_last_change():
    assert mkdocs_hooks.last_change(("seeds/no-such-file.yml",)) is None
