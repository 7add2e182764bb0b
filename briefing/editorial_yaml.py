"""Editorial YAML, read safely: the loader and the schema checks every editorial file shares.

Editorial files come from many hands, so the loader is stricter than YAML:

* no aliases (no alias bombs), no duplicate keys, no tags (`!!python/object`, `!!binary`,
  `!!int`, ...; only `!!str` is allowed), no complex keys (`? [a, b]`), at most
  MAX_DEPTH levels of nesting;
* **every plain value is text**, except an empty value, `~` and `null`, which mean nothing:
  `2026-11-23`, `2024`, `yes` and `1e999` stay as written (YAML 1.1 would read a date, a
  number, a boolean), so no value can be read as something the schema did not ask for, and
  reading a value cannot fail (`2026-99-99` would not fit a date, nor 5,000 digits an int);
* no text, key or value, may hold a control character (C0 but tab and line feed, DEL, C1),
  a lone surrogate (the escape `"\\ud800"`), a line or paragraph separator (U+2028/9: a line
  break in YAML but not in Markdown) or U+FFFE/U+FFFF, whether written as such or as an
  escape (`"\\e"`); seeds with control characters are refused too, and these would reach
  the Markdown, the page's `<title>` and the PDF.

Every problem is an EditorialError naming `file:line` and saying what to do.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from pathlib import Path

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from . import cache
from .errors import EditorialError, Problem, display_path
from .model import LANGUAGES

MAX_BYTES = 1_000_000  # an editorial file is a page of text; anything larger is a mistake
#: How deep mappings and lists may nest; editorial files need six levels at most. The limit
#: keeps PyYAML's recursive composer far from Python's recursion limit (`[[[[…`).
MAX_DEPTH = 20
#: The cache's kind for editorial files as parsed (briefing.cache).
PARSED = "editorial"

NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
#: Characters no editorial file may hold (see the module docstring): C0 but tab, line feed
#: and carriage return, DEL, C1, line and paragraph separators, surrogates, U+FFFE/U+FFFF.
RAW_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
                         "\ufffe\uffff]")
#: ... nor any text in it: a carriage return in the file is part of a line break, but one
#: in a value (the escape `"\r"`) is a line ending in Markdown.
REFUSED = re.compile(RAW_REFUSED.pattern[:-1] + "\r]")
SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
C0_NAMES = ("NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK "
            "SYN ETB CAN EM SUB ESC FS GS RS US").split()
C1_NAMES = ("PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS "
            "CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC").split()
#: A date as editorial files write it; `[0-9]`, not `\d`, which matches any script's digits.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ANY_DIGITS_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def describe_character(char: str) -> str:
    """What a refused character is and what to do about it, for messages.

    >>> describe_character("\\x1b")
    'a control character (U+001B ESC); remove it'
    >>> describe_character("\\x85")
    'a control character (U+0085 NEL); remove it'
    >>> describe_character("\\u2028")
    'a line separator (U+2028); use a line break or a space'
    >>> describe_character("\\ud800")  # doctest: +ELLIPSIS
    'a lone surrogate (U+D800), which is not a character; write the character itself...'
    """
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return f"a control character (U+{code:04X} {C0_NAMES[code] if code < 0x20 else 'DEL'})" \
               "; remove it"
    if 0x80 <= code <= 0x9F:
        return f"a control character (U+{code:04X} {C1_NAMES[code - 0x80]}); remove it"
    if 0xD800 <= code <= 0xDFFF:
        return (f"a lone surrogate (U+{code:04X}), which is not a character; write the "
                "character itself, or escape it with its code point (\\U0001F600, not "
                "\\ud83d\\ude00)")
    if code in (0x2028, 0x2029):
        return f"a {unicodedata.name(char).lower()} (U+{code:04X}); use a line break or a space"
    return f"U+{code:04X}, which is not a character; remove it"


def text_problem(text: str) -> str | None:
    """Why `text` cannot be editorial text (see REFUSED), or None when it can.

    >>> text_problem("人工智能\\tAI\\n")
    >>> text_problem("a\\x00b")
    'a control character (U+0000 NUL); remove it'
    >>> text_problem("\\ud83d\\ude00")
    'the surrogate pair U+D83D U+DE00, which is not a character; write 😀 itself or \\\\U0001F600'
    """
    found = REFUSED.search(text)
    if not found:
        return None
    pair = SURROGATE_PAIR.match(text, found.start())
    if pair:  # JSON's way of writing 😀; YAML's \u escapes are code points, not UTF-16
        char = pair.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        return (f"the surrogate pair U+{ord(pair.group()[0]):04X} U+{ord(pair.group()[1]):04X}"
                f", which is not a character; write {char} itself or \\U{ord(char):08X}")
    return describe_character(found.group())


class _Refused(yaml.YAMLError):
    """Values the loader refuses although they are valid YAML: `(line, message)` each."""

    def __init__(self, problems: list[tuple[int, str]]):
        super().__init__(problems)
        self.problems = problems


class StrictLoader(yaml.SafeLoader):
    """SafeLoader for editorial files: see the module docstring for what it refuses."""

    #: Only null is resolved; every other plain scalar is text (no dates, numbers, booleans,
    #: merge keys `<<`, value keys `=`).
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == NULL_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        if any(tag == NULL_TAG for tag, _ in resolvers)}

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise yaml.MarkedYAMLError("while reading", None,
                                       "aliases (*name) are not allowed in editorial files",
                                       event.start_mark)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) \
                and event.tag not in (None, STR_TAG):
            raise yaml.MarkedYAMLError("while reading", None,
                                       f"tags ({event.tag.replace('tag:yaml.org,2002:', '!!')})"
                                       " are not allowed in editorial files; write the value "
                                       "as text", event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise yaml.MarkedYAMLError("while reading", None,
                                       f"nested more than {MAX_DEPTH} levels deep; editorial "
                                       "files need a few levels only", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_document(self):
        node = super().compose_document()
        problems = list(node_problems(node, ()))
        if problems:
            raise _Refused(problems)
        return node

    def scan_flow_scalar_non_spaces(self, double, start_mark):
        try:
            return super().scan_flow_scalar_non_spaces(double, start_mark)
        except (ValueError, OverflowError):  # PyYAML calls chr() on `\U00110000` unchecked
            raise yaml.scanner.ScannerError(
                "while scanning a double-quoted scalar", start_mark,
                "the escape names no character (Unicode ends at \\U0010FFFF)",
                self.get_mark()) from None

    def construct_mapping(self, node, deep=False):
        # Keys are text here: node_problems refused every other kind before construction.
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.MarkedYAMLError("while reading a mapping", node.start_mark,
                                           f"duplicate key {key!r}", key_node.start_mark)
            seen[key] = key_node
        mapping = super().construct_mapping(node, deep=deep)
        return Located(mapping, {k: n.start_mark.line + 1 for k, n in seen.items()},
                       node.start_mark.line + 1)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                             StrictLoader.construct_mapping)


def node_problems(node, path: tuple[str, ...]):
    """`(line, message)` for every key that is not text and every text, key or value,
    holding a refused character; `path` names where the node stands (`review.reviewer`)."""
    line = node.start_mark.line + 1
    where = ".".join(path) or "a value"
    if isinstance(node, ScalarNode):
        problem = text_problem(node.value)
        if problem:
            yield line, f"{where} contains {problem}"
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from node_problems(item, path)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            inside = f" in {where}" if path else ""
            if not isinstance(key, ScalarNode):
                kind = "a list" if isinstance(key, SequenceNode) else "a mapping"
                yield (key.start_mark.line + 1,
                       f"a key{inside} is {kind} (`? …`); keys are names, as in `name: value`")
                continue
            if key.tag != STR_TAG:
                yield (key.start_mark.line + 1,
                       f"a key{inside} is empty or null; keys are names, as in `name: value`")
                continue
            problem = text_problem(key.value)
            if problem:
                yield key.start_mark.line + 1, f"the key {key.value!r}{inside} contains {problem}"
                continue
            yield from node_problems(value, (*path, key.value))


class Located(dict):
    """A mapping that knows the line of each key (1-based) and of itself."""

    def __init__(self, data, lines, line):
        super().__init__(data)
        self.lines = lines
        self.line = line

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


def load_yaml(path: Path):
    """Load one YAML file, or raise EditorialError with its file and line (all the refused
    values of the file at once)."""
    where = display_path(path)
    if path.stat().st_size > MAX_BYTES:  # before reading it: it may be huge
        raise EditorialError(Problem(where, None, f"is larger than {MAX_BYTES} bytes; "
                                                  "an editorial file should be a page of text"))
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditorialError(Problem(where, data[:exc.start].count(b"\n") + 1,
                                     "is not UTF-8; save it as UTF-8")) from None
    # Raw, before YAML: it refuses most of these without a line, and takes U+0085, U+2028
    # and U+2029 for line breaks, which editors do not show: every later line would be off.
    raw = RAW_REFUSED.search(text)
    if raw:
        raise EditorialError(Problem(where, text.count("\n", 0, raw.start()) + 1,
                                     f"contains {describe_character(raw.group())}"))
    # A file read before, byte for byte, is what it was then (PyYAML in pure Python, as
    # the checks need, is slow): kept in the cache by its bytes, once it was found valid.
    entry = hashlib.sha256(data).hexdigest()
    parsed = cache.load(entry, PARSED, (dict, list, str))
    if parsed is not None:
        return parsed
    try:
        parsed = yaml.load(text, Loader=StrictLoader)
    except _Refused as exc:
        raise EditorialError([Problem(where, line, message)
                              for line, message in exc.problems]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise EditorialError(Problem(where, line, f"invalid YAML: {printable(exc.problem)}")) \
            from None
    except yaml.YAMLError as exc:
        raise EditorialError(Problem(where, None, f"invalid YAML: {printable(str(exc))}")) \
            from None
    cache.store(entry, parsed, PARSED)
    return parsed


def printable(text: str) -> str:
    """`text` with what a terminal would act on escaped: PyYAML's messages quote the file,
    and a tag may spell a control character (`!a%1b`).

    >>> printable("tags (!a\\x1b)")
    'tags (!a\\\\x1b)'
    """
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class Checker:
    """Collects schema problems of one file instead of stopping at the first."""

    def __init__(self, path: Path):
        self.where = display_path(path)
        self.problems: list[Problem] = []

    def fail(self, line, message):
        """Note a problem at `line` of the file."""
        self.problems.append(Problem(self.where, line, message))

    def mapping(self, value, line, what, allowed, required=()):
        """`value` if it is a mapping (unknown and missing keys noted), else `{}`."""
        if not isinstance(value, dict):
            self.fail(line, f"{what} must be a mapping with keys {', '.join(allowed)}")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(value.line_of(key), f"unknown key {key!r} in {what}; "
                                              f"valid keys: {', '.join(allowed)}")
        for key in required:
            if key not in value:
                self.fail(value.line, f"{what} needs the key {key!r}")
        return value

    def text(self, value, line, what, optional=False):
        """`value` stripped, if it is a non-empty text; else None (a problem noted unless
        it is left out and `optional`)."""
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(line, f"{what} must be a non-empty text"
                      + (" (or left out)" if optional else ""))
            return None
        return value.strip()

    def per_language(self, value, line, what, optional=True):
        """`{zh: text, en: text}`, each checked as `text`."""
        value = self.mapping(value, line, what, LANGUAGES)
        return {lang: self.text(value.get(lang), value.line_of(lang) if value else line,
                                f"{what}.{lang}", optional=optional) for lang in LANGUAGES}

    def date(self, value, line, what, optional=False) -> str | None:
        """`value` as a calendar date `YYYY-MM-DD` in the digits 0-9, or None (a problem
        noted unless it is left out and `optional`)."""
        if value is None and optional:
            return None
        problem = date_problem(value)
        if problem:
            self.fail(line, f"{what} {problem}")
            return None
        return value


def date_problem(value) -> str | None:
    """Why `value` is not a date as editorial files write one, or None when it is one.

    >>> date_problem("2026-11-23")
    >>> date_problem("2026-02-30")
    "must be a date written YYYY-MM-DD (e.g. 2026-11-23); there is no day '2026-02-30'"
    >>> date_problem("２０２６-１１-２３")  # doctest: +ELLIPSIS
    "must be a date written YYYY-MM-DD in the digits 0-9 (e.g. 2026-11-23); ..."
    """
    needed = "must be a date written YYYY-MM-DD"
    if not isinstance(value, str):
        return f"{needed} (e.g. 2026-11-23)"
    if not ISO_DATE.fullmatch(value):
        if ANY_DIGITS_DATE.fullmatch(value):
            return f"{needed} in the digits 0-9 (e.g. 2026-11-23); {value!r} has others"
        return f"{needed} (e.g. 2026-11-23), not {value!r}"
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"{needed} (e.g. 2026-11-23); there is no day {value!r}"
    return None
