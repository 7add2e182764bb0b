"""Mojibake repair: UTF-8 text that was once read as Windows-1252 and saved again.

A page that went through such a round trip decodes as UTF-8 but prints `itâ€™s` for `it’s`
and `cafÃ©` for `café`. ftfy is the well-kept library for exactly that; it only runs on
text that shows the signs (`chardata.MOJIBAKE`), so clean text costs a regex search.
(Pages saved in Windows-1252 or Latin-1 are decoded by `briefing.read`; this is the case
where the bytes are UTF-8 and the damage is in the characters.)
"""
from __future__ import annotations

from .. import chardata as cd


def repair_mojibake(text: str) -> str:
    """Repair UTF-8 read as Windows-1252 (`â€™` -> `’`, `Ã©` -> `é`); leave the rest.

    Only the encoding is fixed (`ftfy.fix_encoding`): quotes stay curly, and text that
    merely contains `â` or `Ã` (`Ãland`, `â` in French) is left alone when ftfy sees no
    mojibake in it.

    >>> repair_mojibake("Itâ€™s the cafÃ©â€”a â€œtestâ€\\x9d.")
    'It’s the café—a “test”.'
    >>> repair_mojibake("Le château, Ã la carte, 人工智能")
    'Le château, Ã la carte, 人工智能'
    """
    if not cd.MOJIBAKE.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)
