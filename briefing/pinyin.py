"""pypinyin's readings, remembered between runs (issue 13).

Names (briefing.names.romanise) and glossary terms (briefing.render.glossary_letters) are
read in pinyin on every run, and importing pypinyin (its phrase tables) costs more than
all the readings a run asks for: about a tenth of a second, which a run that takes
everything else from the cache would spend on the same few hundred names and terms
every time. So readings are kept in the cache (kind `pinyin`, per version of the code,
which holds pypinyin's pinned version), and pypinyin is imported only for a text not
read before. A reading is what pypinyin gives; the cache only ever saves time.
"""
from __future__ import annotations

from pathlib import Path

from . import cache

KIND = "pinyin"
ENTRY = "readings"

#: The styles asked for, by name: pypinyin's `Style` members.
STYLES = ("NORMAL", "TONE")

_readings: dict[tuple, tuple[str, ...]] = {}
_where: Path | None = None  #: the cache folder `_readings` was loaded from
_added = False  #: whether `_readings` holds any the folder does not


def _memo() -> dict[tuple, tuple[str, ...]]:
    """The readings known, those of the cache folder in use included."""
    global _readings, _where, _added
    where = cache.folder(KIND)
    if where != _where or not _readings:
        kept = cache.load(ENTRY, KIND, dict) or {}
        _added = _added or bool(_readings.keys() - kept.keys())
        _readings, _where = {**kept, **_readings}, where
    return _readings


def lazy_pinyin(text: str, style: str = "NORMAL", v_to_u: bool = False,
                drop_unknown: bool = False) -> list[str]:
    """pypinyin.lazy_pinyin(text, style=Style.<style>, v_to_u=v_to_u), one reading per
    character or run of other characters; with `drop_unknown`, a character pypinyin does
    not know gives nothing (not itself).

    >>> lazy_pinyin("人工智能", "TONE")
    ['rén', 'gōng', 'zhì', 'néng']
    >>> lazy_pinyin("女儿", v_to_u=True)
    ['nü', 'er']
    """
    global _added
    readings = _memo()
    asked = (text, style, v_to_u, drop_unknown)
    found = readings.get(asked)
    if found is None:
        import pypinyin  # here: most runs never need it (see the module's docstring)

        if style not in STYLES:
            raise ValueError(f"style {style!r} is not one of {STYLES}")
        found = readings[asked] = tuple(pypinyin.lazy_pinyin(
            text, style=getattr(pypinyin.Style, style), v_to_u=v_to_u,
            errors=(lambda chars: None) if drop_unknown else "default"))
        _added = True
    return list(found)


def keep() -> None:
    """Store the readings this process added (once per run, at its end)."""
    global _added
    readings = _memo()
    if _added:
        cache.store(ENTRY, readings, KIND)
        _added = False
