"""Shared test helpers. Tests run the real pipeline on real files; nothing is mocked."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
EDIT_REMOTE = "https://git.example.org/study/briefing.git"


def validate_corpus(read) -> dict:
    """Validate generated corpus records against schema/corpus.schema.json (the index at
    its root, each record as `$defs/document`), given `read(relative path) -> text`; return
    the whole corpus (briefing.publish.records.assemble)."""
    import json

    import jsonschema

    from briefing.publish.records import assemble

    schema = json.loads((ROOT / "schema" / "corpus.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(read("corpus.json")))
    record = jsonschema.Draft202012Validator(
        {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/document"})
    corpus = assemble(read)
    for doc in corpus["compilations"] + corpus["documents"]:
        record.validate(doc)
    return corpus


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `build.py` as a user would, in its own process."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The project's seed files (texts only, no editorial files) in a scratch folder."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(path, folder / path.name)
    return folder


def copy_project(target: Path) -> Path:
    """A copy of the project's own files, for tests that run commands writing docs/ and site/."""
    def ignore(folder, names):
        skipped = {"__pycache__"}
        if Path(folder) == ROOT:  # build outputs and tools live only at the top
            skipped |= {n for n in names if n in (".venv", ".git", "site", "node_modules")
                        or n.startswith(".")}
        return [n for n in names if n in skipped]

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """`build.py build` run once, in a copy of the project (the working tree is not touched).

    Returns the copy's root: its site/ holds both sites and the PDFs. The copy is a Git
    repository with one commit and a web remote, as an editor's clone is: pages show their
    last change and link "edit this page" to the host.
    """
    root = copy_project(tmp_path_factory.mktemp("project") / "briefing")
    for command in (["init", "-q", "-b", "main"], ["add", "-A"],
                    ["-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                     "commit", "-q", "-m", "Briefing"],
                    ["remote", "add", "origin", EDIT_REMOTE]):
        subprocess.run(["git", *command], cwd=root, check=True, capture_output=True)
    result = subprocess.run([sys.executable, "build.py", "build"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root
