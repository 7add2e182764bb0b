"""Decoding a seed's bytes: which encoding it was written in, and whether it can be told.

Seeds come as UTF-8, UTF-16, GB18030 or Big5 (with Hong Kong's supplement, HKSCS), and
English pages and Word exports as Windows-1252 or Latin-1. The legacy Chinese encodings accept almost any pair of high bytes, so Japanese and Korean files
(Shift-JIS, EUC-JP, EUC-KR) decode as GB18030 too, into Chinese-looking nonsense: telling
them apart takes a statistical detector (chardet), which knows those languages. Chinese
against Chinese (GB18030 or Big5) is decided by our own measure, how common the characters
of each reading are; the detector is asked only whether the text is Chinese at all.
Windows-1252 is told by its shape: its non-ASCII characters (curly quotes, dashes, accented
letters) come one or two at a time between ASCII letters, where Chinese in any encoding
gives long runs of high bytes.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache

import chardet

from .. import chardata as cd
from ..errors import Problem, SeedError
from ..script import HAN, unpublished_language

#: Control characters that have no business in a text document (tab, LF, CR, and the line
#: and page separators that reading turns into line breaks are fine).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Unicode's private-use area: what a decoder gives for byte pairs it maps to no character
#: (GB18030 does so for the Big5-HKSCS Cantonese characters). Never real text.
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
CJK_MARKS = "，。、；：？！“”‘’（）《》—…·「」『』【】　"

#: Legacy Chinese encodings, in the order that wins a tie.
CHINESE = ("gb18030", "big5", "big5hkscs")
#: Encodings of the detector that mean "Chinese text" (UTF-8 and ASCII: any text).
DETECTED_CHINESE = {"gb18030", "gb2312", "gbk", "hz", "big5", "big5hkscs", "cp950",
                    "utf-8", "ascii"}
#: Japanese and Korean encodings the detector knows, with the names people know them by.
EAST_ASIAN = {
    "cp932": "Shift-JIS", "shift_jis": "Shift-JIS", "shift_jis_2004": "Shift-JIS",
    "shift_jisx0213": "Shift-JIS", "euc_jp": "EUC-JP", "euc_jis_2004": "EUC-JP",
    "euc_jisx0213": "EUC-JP", "iso2022_jp": "ISO-2022-JP", "iso2022_jp_2": "ISO-2022-JP",
    "iso2022_jp_2004": "ISO-2022-JP", "iso2022_jp_ext": "ISO-2022-JP",
    "euc_kr": "EUC-KR", "cp949": "EUC-KR", "johab": "Johab", "iso2022_kr": "ISO-2022-KR",
}
#: A reading whose Han characters are less often common ones than this is not Chinese:
#: the seeds and a Cantonese text score above 0.99, Big5 read as GB18030 0.2-0.4, Shift-JIS
#: read as GB18030 under 0.2. (EUC-JP and EUC-KR read as GB18030 score 1.0: their rows
#: are GB2312's. That is what the detector is for.)
MIN_COMMONNESS = 0.7
#: A reading at least this common is Chinese even when its bytes also read as Windows-1252.
MIN_CHINESE_COMMONNESS = 0.9
#: Below this many Han characters, commonness says too little to refuse a reading.
MIN_HAN_TO_JUDGE = 10
#: In Windows-1252 text, a run of non-ASCII characters longer than this that is not all
#: punctuation or mojibake (`â€™`) is not Western text: `naïve`, `Ã©`, `’s` stay under it;
#: two Chinese characters in GB18030 or Big5 already make four.
MAX_WESTERN_RUN = 3
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
#: Windows-1252's own characters above 0x7F that are punctuation or symbols, not letters.
WESTERN_MARKS = set("\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷€‚„…†‡ˆ‰‹‘’“”•–—˜™›")
#: Latin-1's C1 controls: what the five bytes Windows-1252 leaves undefined decode to.
C1_CONTROL = re.compile(r"[\x80-\x9f]")
#: The detector reads this much of a file: enough to tell, and fast on a 20 MB seed.
DETECT_BYTES = 200_000
#: A guess of the detector less sure than this is not passed on in a message.
MIN_CONFIDENCE = 0.2


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16, GB18030, Big5 or Big5-HKSCS.

    A byte-order mark decides at once. Otherwise UTF-8 is tried first (it almost never
    decodes text in another encoding by accident), then the legacy Chinese encodings; a file
    the detector takes for Japanese or Korean, or whose readings are not plausibly Chinese,
    is refused, naming the encoding it probably is in.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise _undecodable(where, data, exc.start, name) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise SeedError(Problem(where, data[: data.index(b"\x00")].count(b"\n") + 1,
                                "contains NUL bytes: this is a binary file, not text; "
                                "remove it from the seeds folder"))
    if b"\x1b" in data:  # ISO-2022-JP/-KR are 7-bit: they would pass for UTF-8
        _refuse_east_asian(data, detect(data)[0], where)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        return decode_legacy(data, where, exc.start)


def decode_legacy(data: bytes, where: str, bad_utf8_byte: int) -> tuple[str, str]:
    """Bytes that are not UTF-8: Western text in Windows-1252 or Latin-1 when it has that
    shape (`western_reading`) and no Chinese reading is convincing; else Chinese in GB18030,
    Big5 or Big5-HKSCS, whichever reading has the more common characters; refused when the detector takes them for Japanese or
    Korean, or when no reading is plausibly Chinese and the detector does not think so."""
    guess = detect(data)
    _refuse_east_asian(data, guess[0], where)
    readings = chinese_readings(data)
    western = western_reading(data)
    if western and not _convincingly_chinese(readings):
        return western
    if not readings:
        raise _undecodable(where, data, bad_utf8_byte, "utf-8", guess)
    name = max(readings, key=lambda n: commonness(readings[n]))
    text = readings[name]
    if (len(HAN.findall(text)) >= MIN_HAN_TO_JUDGE and commonness(text) < MIN_COMMONNESS
            and guess[0] not in DETECTED_CHINESE):
        raise SeedError(Problem(where, None, (
            f"does not read as Chinese: as {name.upper()} most of its characters are rare "
            f"ones, the mark of a wrong encoding{_probably(guess)}; save it as UTF-8")))
    return text, name


def western_reading(data: bytes) -> tuple[str, str] | None:
    """The Windows-1252 reading of `data` and its name, when it has the shape of Western
    text: every run of non-ASCII characters short (`MAX_WESTERN_RUN`), or all punctuation,
    or mojibake that the clean stage repairs. Latin-1 is named when no byte is in
    0x80-0x9F, where the two differ.

    >>> western_reading("“AI+” – it’s here…".encode("cp1252"))
    ('“AI+” – it’s here…', 'cp1252')
    >>> western_reading("Orléans, café".encode("latin-1"))
    ('Orléans, café', 'latin-1')
    >>> western_reading("人工智能".encode("gb18030")) is None
    True
    """
    import ftfy  # noqa: F401  (registers "sloppy-windows-1252")

    # Windows-1252 with its five undefined bytes read as Latin-1, as browsers do: mojibake
    # of ” (`â€` + 0x9D) then survives for the clean stage to repair.
    text = data.decode("sloppy-windows-1252")
    for run in NON_ASCII_RUN.findall(text):
        if (len(run) > MAX_WESTERN_RUN and not set(run) <= WESTERN_MARKS
                and not cd.MOJIBAKE.fullmatch(run[:2])):
            return None
    for control in C1_CONTROL.finditer(text):
        if not cd.MOJIBAKE.search(text, max(0, control.start() - 2), control.end()):
            return None
    high = [b for b in data if b >= 0x80]
    return text, ("cp1252" if any(b < 0xA0 for b in high) else "latin-1")


def _convincingly_chinese(readings: dict[str, str]) -> bool:
    """True when some Chinese reading is made of common characters: then the bytes are
    Chinese, whatever shape they have. (Big5's second bytes are often ASCII letters, so
    `人工` in Big5 has the shape of `¤H¤u`; Western text read as Chinese gives rare
    characters, as `decode_legacy` relies on.)

    >>> _convincingly_chinese(chinese_readings("人工智慧".encode("big5")))
    True
    >>> _convincingly_chinese(chinese_readings("naïve “AI”".encode("cp1252")))
    False
    """
    return any(len(HAN.findall(text)) >= 2 and commonness(text) >= MIN_CHINESE_COMMONNESS
               for text in readings.values())


def chinese_readings(data: bytes) -> dict[str, str]:
    """The decodings of `data` in each legacy Chinese encoding that accepts it.

    Hong Kong's supplement (HKSCS) holds Cantonese characters (嘅, 咗, 啲, 嚟) that plain
    Big5 lacks: it is tried when Big5 fails or gives private-use characters.

    >>> sorted(chinese_readings("佢哋嘅嘢".encode("big5hkscs")))
    ['big5hkscs', 'gb18030']
    """
    readings = {}
    for name in CHINESE[:2]:
        try:
            readings[name] = data.decode(name)
        except UnicodeDecodeError:
            pass
    if "big5" not in readings or PRIVATE_USE.search(readings["big5"]):
        try:
            readings["big5hkscs"] = data.decode("big5hkscs")
        except UnicodeDecodeError:
            pass
    return readings


def detect(data: bytes) -> tuple[str | None, float]:
    """The detector's guess (a Python codec name, or None when nothing fits) and how sure
    it is (0 to 1).

    It is asked only about bytes that are not UTF-8, so `ascii` can only mean "no match".
    """
    guess = chardet.detect(data, max_bytes=DETECT_BYTES, compat_names=False,
                           no_match_encoding="ascii")
    name = codecs.lookup(guess["encoding"]).name if guess["encoding"] else "ascii"
    return (None if name == "ascii" else name), guess["confidence"] or 0.0


def _refuse_east_asian(data: bytes, name: str | None, where: str) -> None:
    """Refuse a file the detector takes for Japanese or Korean (`name`: its guess), when its
    reading in that encoding bears it out (kana or Hangul: Chinese text has neither)."""
    if name not in EAST_ASIAN:
        return
    try:
        language = unpublished_language(data.decode(name))
    except UnicodeDecodeError:
        return
    if language in ("Japanese", "Korean"):
        raise SeedError(Problem(where, None, (
            f"looks like {EAST_ASIAN[name]} ({language}) text, which this generator does "
            "not publish (it publishes Chinese and English); remove it from the seeds "
            "folder, or, if it is in fact Chinese, save it as UTF-8")))


def _probably(guess: tuple[str | None, float]) -> str:
    """`; it may be cp1251 text` when the detector has a guess that is not a Chinese
    encoding and is not a shot in the dark (on short text it often is)."""
    name, confidence = guess
    if name is None or name in DETECTED_CHINESE or confidence < MIN_CONFIDENCE:
        return ""
    return f"; it may be {EAST_ASIAN.get(name, name)} text"


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the high byte of every ASCII-range character (digits, spaces,
    newlines) is NUL, so NULs pile up on one side: odd offsets for little-endian, even for
    big-endian.

    UTF-8 text with a stray NUL must not pass for UTF-16 (it would decode as gibberish), so
    a file that is valid UTF-8 needs NULs on at least a quarter of one side's bytes and none on the
    other; one that is not UTF-8 (Chinese in UTF-16 has few NULs) only needs the imbalance.
    Binary data with NULs fails to decode or shows control characters later.
    """
    if b"\x00" not in data or len(data) % 2:
        return None
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    if zeros_even == zeros_odd:
        return None
    try:
        data.decode("utf-8")
        valid_utf8 = True
    except UnicodeDecodeError:
        valid_utf8 = False
    if valid_utf8 and not (max(zeros_even, zeros_odd) >= 0.25 * len(data) / 2
                           and min(zeros_even, zeros_odd) == 0):
        return None
    # Which byte order: the one that reads as text (NUL counts alone mislead: 一 is U+4E00).
    readings = []
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not CONTROL.search(text):
            readings.append((_plausibility(text), text))
    if not readings:
        return None
    score, text = max(readings)
    return (text, "utf-16") if score >= 0.5 else None


def _plausibility(text: str) -> float:
    """Share of characters that ordinary documents are made of: printable ASCII, white
    space, common Chinese characters, CJK punctuation."""
    good = sum(1 for c in text if (" " <= c <= "~") or c in "\n\r\t" or c in CJK_MARKS
               or (HAN.match(c) and _is_common(c)))
    return good / max(1, len(text))


def _undecodable(where: str, data: bytes, offset: int, encoding: str,
                 guess: tuple[str | None, float] = (None, 0.0)) -> SeedError:
    return SeedError(Problem(where, data[:offset].count(b"\n") + 1, (
        f"cannot be decoded (byte {offset} is not valid {encoding}, nor is the file "
        f"GB18030 or Big5{_probably(guess)}); save it as UTF-8")))


@lru_cache(maxsize=None)
def _is_common(char: str) -> bool:
    """True for the level-1 characters of GB2312 (3,755), the common ones of Big5 (5,401)
    and those of written Cantonese (`chardata.CANTONESE`)."""
    if char in cd.CANTONESE:
        return True
    try:
        if 0xB0 <= char.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= char.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def commonness(text: str) -> float:
    """Share of the Han characters of `text` that are common ones (mis-decoding scores low);
    a private-use character counts as a rare one.

    >>> commonness("人工智能"), commonness("人工\\ue000\\ue001")
    (1.0, 0.5)
    """
    han = HAN.findall(text)
    unmapped = len(PRIVATE_USE.findall(text))
    if not han and not unmapped:
        return 0.0
    return sum(map(_is_common, han)) / (len(han) + unmapped)
