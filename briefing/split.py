"""Stage 3, split: one cleaned seed -> one or more documents.

A plain seed is one document. A compilation (a study collection with a table of contents)
becomes an overview document (masthead, articles in order, distribution list) plus one
document per article, found by matching the contents' titles in the body despite stray
spaces. Each article gets its title, authors (spaced names joined, several authors told
apart), source, issue, date and affiliation where printed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import chardata as cd
from .analyze import parse_date
from .clean.fixers import normalize_whitespace
from .clean.footnotes import notes_from
from .clean.furniture import read_running_header
from .model import Block, Change, CleanSeed, Document, Paragraph
from .script import convert

TEXT_KINDS = ("text", "heading")


def split(cleaned: CleanSeed) -> list[Document]:
    """The documents of one cleaned seed, in reading order."""
    if sum(b.kind == "contents" for b in cleaned.blocks) >= 2:
        return split_compilation(cleaned)
    seed = cleaned.seed
    doc = Document(id=seed.id, source=seed.name, language=seed.language, script=seed.script,
                   title={"zh": None, "en": None})
    doc.paragraphs = paragraphs_from([b for b in cleaned.blocks if b.kind in TEXT_KINDS],
                                     cleaned.conversion)
    doc.metadata_lines = [b for b in cleaned.blocks if b.kind not in TEXT_KINDS + ("note",)]
    doc.notes = notes_from(cleaned.blocks, lambda text: convert(text, cleaned.conversion))
    read_print_metadata(doc, cleaned)
    return [doc]


def read_print_metadata(doc: Document, cleaned: CleanSeed) -> None:
    """Publication and issue from a running header, authors from a spaced byline (the
    blocks `briefing.clean.furniture` and `briefing.clean.bylines` marked)."""
    header = next((b for b in cleaned.blocks if b.kind == "header"), None)
    if header is not None:
        publication, issue = read_running_header(convert(header.text, cleaned.conversion))
        doc.publication, doc.issue = doc.publication or publication, doc.issue or issue
    byline = next((b for b in cleaned.blocks if b.kind == "byline"), None)
    if byline is not None:
        doc.authors = [convert(name, cleaned.conversion) for name in byline_authors(
            byline.text, None, byline.first_line, cleaned.changes)]


def paragraphs_from(blocks: list[Block], conversion: str | None) -> list[Paragraph]:
    """Blocks -> numbered paragraphs, Chinese converted to Simplified (Traditional kept)."""
    paragraphs = []
    for n, block in enumerate(blocks, start=1):
        text = convert(block.text, conversion)
        paragraphs.append(Paragraph(id=f"p{n}", kind=block.kind, text=text,
                                    lines=(block.first_line, block.last_line),
                                    traditional=block.text if conversion else None))
    return paragraphs


@dataclass
class ContentsEntry:
    title: str
    author: str | None  #: a `作者：题目` prefix, as speeches are listed
    block: Block


CONTENTS_AUTHOR = re.compile(rf"^(?P<author>[{cd.HAN}]{{2,4}})[:：](?P<title>.+)$")


def contents_entries(blocks: list[Block]) -> list[ContentsEntry]:
    entries = []
    for block in blocks:
        title = normalize_whitespace(cd.CONTENTS_LINE.match(block.text).group("title"), True)
        match = CONTENTS_AUTHOR.match(title)
        entries.append(ContentsEntry(match.group("title") if match else title,
                                     match.group("author") if match else None, block))
    return entries


def squeeze(text: str) -> str:
    """Text without any white space: how titles are compared despite stray spaces."""
    return re.sub(r"\s+", "", text)


def split_compilation(cleaned: CleanSeed) -> list[Document]:
    seed = cleaned.seed
    blocks = cleaned.blocks
    first_contents = next(i for i, b in enumerate(blocks) if b.kind == "contents")
    last_contents = max(i for i, b in enumerate(blocks) if b.kind == "contents")
    masthead = blocks[:first_contents]
    entries = contents_entries([b for b in blocks if b.kind == "contents"])
    body = [b for b in blocks[last_contents + 1:] if b.kind != "distribution"]
    distribution = [b for b in blocks if b.kind == "distribution"]

    starts = []
    position = 0
    for entry in entries:
        start = find_title(body, entry.title, position)
        if start is None:
            continue  # not found: its text stays with the previous article, nothing is lost
        starts.append((start, entry))
        position = start + 1
    overview = Document(id=seed.id, source=seed.name, language=seed.language,
                        script=seed.script, title={"zh": None, "en": None}, kind="compilation")
    overview.paragraphs = paragraphs_from(
        [Block(b.text, b.first_line, b.last_line, "text") for b in masthead + distribution],
        cleaned.conversion)
    overview.metadata_lines = masthead
    read_masthead(overview, masthead)
    documents = [overview]
    if starts and starts[0][0] > 0:
        # Text before the first article belongs to the compilation itself (a foreword).
        overview.paragraphs += paragraphs_from(body[:starts[0][0]], cleaned.conversion)
    for number, (start, entry) in enumerate(starts, start=1):
        end = starts[number][0] if number < len(starts) else len(body)
        article = make_article(cleaned, entry, body[start:end], f"{seed.id}-a{number}")
        article.parent = overview.id
        documents.append(article)
    overview.parts = [d.id for d in documents[1:]]
    overview.paragraphs = renumbered(overview.paragraphs)
    return documents


def find_title(body: list[Block], title: str, position: int) -> int | None:
    """Index of the heading where an article's title starts (title lines may be broken)."""
    wanted = squeeze(title)
    for index in range(position, len(body)):
        block = body[index]
        got = squeeze(block.text)
        if block.kind == "heading" and len(got) >= 4 and wanted.startswith(got):
            return index
    return None


NOTE_MARKS = ("※", "注：", "编者按")
BYLINE = re.compile(rf"^[{cd.HAN}]{{1,4}}(?:\s+[{cd.HAN}]{{1,4}})*$")


def make_article(cleaned: CleanSeed, entry: ContentsEntry, blocks: list[Block],
                 doc_id: str) -> Document:
    seed = cleaned.seed
    raw_lines = seed.text.split("\n")
    # The title may run over several lines (title, then a `——` subtitle).
    taken, got = 0, ""
    wanted = squeeze(entry.title)
    while taken < len(blocks) and wanted.startswith(got + squeeze(blocks[taken].text)) \
            and blocks[taken].kind == "heading" and got != wanted:
        got += squeeze(blocks[taken].text)
        taken += 1
    article = Document(id=doc_id, source=seed.name, language=seed.language,
                       script=seed.script, title={"zh": None, "en": None})
    article.title[seed.language] = convert(entry.title, cleaned.conversion)
    rest = blocks[taken:]
    if rest and rest[0].kind == "heading":
        raw = raw_lines[rest[0].first_line - 1].strip()
        if BYLINE.match(raw) and len(squeeze(raw)) <= 8:
            article.authors = byline_authors(raw, entry.author, rest[0].first_line,
                                             cleaned.changes)
            article.metadata_lines.append(rest[0])
            rest = rest[1:]
    if not article.authors and entry.author:
        article.authors = [entry.author]
    for block in [b for b in rest if b.kind == "source"]:
        read_source_line(article, block.text)
        article.metadata_lines.append(block)
    article.paragraphs = paragraphs_from([b for b in rest if b.kind in TEXT_KINDS],
                                         cleaned.conversion)
    article.notes = notes_from(rest, lambda text: convert(text, cleaned.conversion))
    if article.date is None:
        # A speech reprinted without a dated source says when it was given in its closing
        # note: `※这是习近平总书记2024年1月31日在…集体学习时的讲话。`
        notes = [p.text for p in article.paragraphs if p.text.startswith(NOTE_MARKS)]
        article.date = next((parse_date(n) for n in notes if parse_date(n)), None)
    article.authors = [convert(a, cleaned.conversion) for a in article.authors]
    return article


def byline_authors(raw: str, contents_author: str | None, line: int,
                   log: list[Change]) -> list[str]:
    """Names from a byline as printed: single characters spaced out belong to one name
    (`黄 汉 权`), a multi-character token is a name of its own (`张 越 王晓明`: two people).

    A byline that lost characters (`习 平`) is restored from the contents' author when that
    reads the same with the lost characters in place; the repair is logged.
    """
    names: list[str] = []
    pending = ""
    for token in raw.split():
        if len(token) == 1:
            pending += token
            continue
        if pending:
            names.append(pending)
            pending = ""
        names.append(token)
    if pending:
        names.append(pending)
    if contents_author and names != [contents_author] and len(names) == 1 \
            and is_subsequence(names[0], contents_author):
        log.append(Change("repair_byline_from_contents", line, raw, contents_author))
        return [contents_author]
    return names


def is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


SOURCE_PART = re.compile(r"(?:来源|來源|原载|原載)[:：]\s*(?P<source>[^；;）)]+)")
AFFILIATION_PART = re.compile(r"作者(?P<affiliation>[^；;）)]+)")


def read_source_line(doc: Document, text: str) -> None:
    """Publication, issue, date and affiliation from `（作者系…；来源：《求是》2024年第11期）`."""
    source = SOURCE_PART.search(text)
    if source:
        value = source.group("source").strip()
        title = re.search(r"《(?P<name>[^》]+)》(?P<after>.*)", value)
        if title:
            doc.publication = title.group("name")
            after = title.group("after").strip()
            doc.date = doc.date or parse_date(after)
            issue = re.search(r"\d{4}\s*年\s*第\s*\d+\s*期", after)
            doc.issue = squeeze(issue.group(0)) if issue else doc.issue
        else:
            doc.publication = value
    affiliation = AFFILIATION_PART.search(text)
    if affiliation:
        value = affiliation.group("affiliation").strip()
        doc.affiliation = value[1:] if value.startswith("系") else value


def read_masthead(doc: Document, masthead: list[Block]) -> None:
    """Title, issue, publisher and date of a compilation from its masthead lines."""
    lines = [normalize_whitespace(b.text, True) for b in masthead]
    issues = [line for line in lines if re.search(r"第\s*\d+\s*期", line)]
    for line in lines:
        if parse_date(line):
            doc.date = doc.date or parse_date(line)
        elif line.endswith(("编印", "編印", "主办", "主辦", "编", "編")):
            doc.publisher = re.sub(r"(编印|編印|主办|主辦|编|編)$", "", line)
        elif line not in issues and doc.title[doc.language] is None:
            doc.title[doc.language] = line
            doc.publication = line
    if issues:
        doc.issue = "".join(issues)


def renumbered(paragraphs: list[Paragraph]) -> list[Paragraph]:
    from dataclasses import replace

    return [replace(p, id=f"p{n}") for n, p in enumerate(paragraphs, start=1)]
