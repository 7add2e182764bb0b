"""Stage 3, split: one cleaned seed -> one or more documents.

A plain seed is one document. A compilation (a study collection with a table of contents)
becomes an overview document plus one document per article; that splitter is the seam for
compilations and lives here too.
"""
from __future__ import annotations

from .model import Block, CleanSeed, Document, Paragraph
from .script import convert


def split(cleaned: CleanSeed) -> list[Document]:
    """The documents of one cleaned seed, in reading order."""
    seed = cleaned.seed
    doc = Document(id=seed.id, source=seed.name, language=seed.language, script=seed.script,
                   title={"zh": None, "en": None})
    doc.paragraphs = paragraphs_from(cleaned.blocks, cleaned.conversion)
    return [doc]


def paragraphs_from(blocks: list[Block], conversion: str | None) -> list[Paragraph]:
    """Blocks -> numbered paragraphs, Chinese converted to Simplified (Traditional kept)."""
    paragraphs = []
    for n, block in enumerate(blocks, start=1):
        text = convert(block.text, conversion)
        paragraphs.append(Paragraph(id=f"p{n}", kind=block.kind, text=text,
                                    lines=(block.first_line, block.last_line),
                                    traditional=block.text if conversion else None))
    return paragraphs
