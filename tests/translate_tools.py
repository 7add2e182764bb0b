"""What the translators' round-trip tests share: scratch seed folders, the command line run
in-process, and a structural check of XLIFF 2.1 files.

No XLIFF 2.1 schema (XSD) can be had here: translate-toolkit ships none and the tests never
download. `xliff_problems` checks, with lxml, the parts of the XLIFF 2.1 core schema and of
its Glossary and Translation Candidates modules that the exported files use: content
models (which children, in which order), required attributes, the values of enumerated
ones, unique ids. translate-toolkit's own parser reads every file as well.
"""
from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

from lxml import etree

from briefing import cli
from conftest import SEEDS

DATA = Path(__file__).resolve().parent / "data" / "translate"
X = "urn:oasis:names:tc:xliff:document:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
PREFIX = {X: "", GLS: "gls:", MTC: "mtc:"}


def run(*args: str) -> tuple[int, str, str]:
    """`build.py ARGS` in this process: (status, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.run([str(a) for a in args])
    return status, out.getvalue(), err.getvalue()


def copy_seeds(tmp_path: Path, without: tuple[str, ...] = ()) -> Path:
    """The project's seeds with their editorial files; `without`: translation files
    (document ids) left out."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for doc_id in without:
        (seeds / "translations" / f"{doc_id}.yml").unlink()
    return seeds


def synthetic_seeds(tmp_path: Path) -> Path:
    """A three-paragraph Chinese seed (`zh`), its glossary, and `build.py new`'s files:
    the hashes in tests/data/translate/cat-edited.xlf are this seed's."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(DATA / "zh.txt", seeds / "zh.txt")
    shutil.copyfile(DATA / "glossary.yml", seeds / "glossary.yml")
    status, _, err = run("new", "zh.txt", "--seeds", seeds)
    assert status == 0, err
    return seeds


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- XLIFF 2.1, structurally -----------------------------------------------------------------

#: Children of each element, in order (the core schema's and the modules' sequences);
#: OTHER: any element of another namespace.
CONTENT = {
    "xliff": r"(file )+",
    "file": r"(skeleton )?(OTHER )*(notes )?((unit|group) )+",
    "notes": r"(note )+",
    "unit": r"(OTHER )*(notes )?(originalData )?((segment|ignorable) )+",
    "segment": r"source (target )?",
    "ignorable": r"source (target )?",
    "mtc:matches": r"(mtc:match )+",
    "mtc:match": r"(mda:metadata )?(originalData )?source target (OTHER )*",
    "gls:glossary": r"(gls:glossEntry )+",
    "gls:glossEntry": r"gls:term (gls:translation )*(gls:definition )?(OTHER )*",
}
REQUIRED = {"xliff": ("version", "srcLang"), "file": ("id",), "unit": ("id",),
            "mtc:match": ("ref",)}
STATES = {"initial", "translated", "reviewed", "final"}
MATCH_TYPES = {"am", "mt", "icm", "idm", "tb", "tm", "other"}
NMTOKEN = re.compile(r"[\w.:-]+")
PREFIXED = re.compile(r"[A-Za-z][\w.-]*:[^\s]+")


def _label(element) -> str:
    """`unit`, `gls:glossEntry`…; OTHER for a namespace this check does not know."""
    q = etree.QName(element)
    return PREFIX[q.namespace] + q.localname if q.namespace in PREFIX else "OTHER"


def _child(child, parent) -> str:
    """A child as its parent's content model names it: core elements by name, elements
    of the parent's own module by name, anything else OTHER (a module inside the core)."""
    q, p = etree.QName(child), etree.QName(parent)
    if q.namespace == X or (q.namespace == p.namespace and q.namespace in PREFIX):
        return PREFIX[q.namespace] + q.localname
    return "OTHER"


def xliff_problems(data: bytes) -> list[str]:
    """What a validator of XLIFF 2.1 would find in the parts this project writes."""
    root = etree.fromstring(data)
    problems = []
    if root.tag != f"{{{X}}}xliff" or root.get("version") != "2.1":
        return [f"root is {root.tag} version {root.get('version')}, not XLIFF 2.1"]
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _label(element)
        where = f"line {element.sourceline}: <{name}>"
        children = "".join(f"{_child(c, element)} " for c in element if isinstance(c.tag, str))
        if name in CONTENT and not re.fullmatch(CONTENT[name], children):
            problems.append(f"{where} has children {children!r}")
        problems += [f"{where} lacks {a}" for a in REQUIRED.get(name, ()) if not element.get(a)]
        if name in ("segment",) and element.get("state", "initial") not in STATES:
            problems.append(f"{where} has state {element.get('state')!r}")
        if element.get("subState") and not (element.get("state")
                                             and PREFIXED.fullmatch(element.get("subState"))):
            problems.append(f"{where} has subState without state or prefix")
        if name == "mtc:match":
            if element.get("type") not in MATCH_TYPES | {None}:
                problems.append(f"{where} has type {element.get('type')!r}")
            if element.get("similarity") and not 0 <= float(element.get("similarity")) <= 100:
                problems.append(f"{where} has similarity out of 0-100")
        if name == "gls:glossEntry" and not (element.find(f"{{{GLS}}}translation") is not None
                                            or element.find(f"{{{GLS}}}definition") is not None):
            problems.append(f"{where} has neither translation nor definition")
        if name in ("source", "target") and len(element) and element.getparent().tag in (
                f"{{{X}}}segment", f"{{{MTC}}}match"):
            problems.append(f"{where} holds inline elements; the sources are plain text")
    for file in root.iter(f"{{{X}}}file"):
        ids = [u.get("id") for u in file.iter(f"{{{X}}}unit") if u.get("id")]
        problems += [f"unit id {i!r} is not an NMTOKEN" for i in ids if not NMTOKEN.fullmatch(i)]
        problems += [f"unit id {i!r} is used twice" for i in set(ids) if ids.count(i) > 1]
    return problems
