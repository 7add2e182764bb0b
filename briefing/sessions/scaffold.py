"""`build.py new-session DOC_ID…`: a session file to complete, never overwriting one."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, Problem, display_path
from ..model import Corpus
from .load import SESSIONS_DIR

TEMPLATE = """\
# A study session (README, "Study sessions"). Complete every TODO, then run:
#   python build.py check
title: {{zh: TODO 标题, en: TODO title}}
purpose: {{zh: TODO 本次学习的目的, en: TODO what this session is for}}
date: TODO-YYYY-MM-DD
time: "14:30"
# place: {{zh: 第三会议室, en: Meeting room 3}}
host: TODO
readings:
{readings}
preparation:
  - {{zh: TODO 会前思考题, en: TODO question to prepare}}
discussion:
  - {{zh: TODO 讨论题, en: TODO question to discuss}}
status: planned
"""


def session_text(corpus: Corpus, doc_ids: list[str]) -> str:
    """The scaffold's text: one reading per document, its title as a comment."""
    lines = []
    for doc_id in doc_ids:
        doc = corpus.document(doc_id)
        lines.append(f"  - document: {doc.id}   # {doc.title.get(doc.language) or ''}")
        lines.append(f"    # paragraphs: {doc.paragraphs[0].id}-{doc.paragraphs[-1].id}"
                     if doc.paragraphs else "")
    return TEMPLATE.format(readings="\n".join(line for line in lines if line))


def new_session(corpus: Corpus, seeds_dir: Path, doc_ids: list[str]) -> Path:
    """Write `seeds/sessions/session-<n>.yml` for these documents, under a name no file
    has yet (an existing session is never overwritten); return its path."""
    known = {d.id for d in corpus.pages()}
    unknown = [i for i in doc_ids if i not in known]
    if unknown:
        raise InputError([Problem(i, None, f"is not a document id; documents: "
                                           f"{', '.join(sorted(known))}") for i in unknown])
    folder = Path(seeds_dir) / SESSIONS_DIR
    number = len(list(folder.glob("*.yml"))) + 1 if folder.is_dir() else 1
    path = folder / f"session-{number}.yml"
    while path.exists():  # never overwrite: take the next free name
        number += 1
        path = folder / f"session-{number}.yml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(session_text(corpus, doc_ids), encoding="utf-8")
    return path


def report(path: Path) -> str:
    return f"wrote {display_path(path)}; complete its TODOs, then run: python build.py check"
