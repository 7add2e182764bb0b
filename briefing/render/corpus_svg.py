"""Pictures of the corpus pages, drawn at build time as static SVG (issue 11, item 5): no
script, nothing fetched, prints as it shows. Each picture stands before the table that
says the same in text (its `aria-describedby` names it), so a reader without the picture
loses nothing.
"""
from __future__ import annotations

from html import escape

CELL, HEAD = 40, 22


#: Room between a row's label and its first dot.
LABEL_PAD = 14


def text_width(text: str) -> int:
    """About how wide `text` is at the grid's 13 px: a Han character 13 px, others 7.5.

    >>> text_width("大模型"), text_width("2025")
    (39, 30)
    """
    return round(sum(13 if ord(c) > 0x2E80 else 7.5 for c in text))


def count_grid(rows: list[dict], columns: list[str], title: str, table_id: str) -> str:
    """A grid of dots, one row per `rows` entry (`label`, `href` or None, `counts` one per
    column), a dot's area proportional to its count; a count of 0 has no dot. One line of
    HTML, so Markdown takes it as one raw block.

    >>> svg = count_grid([{"label": "2025", "href": None, "counts": [0, 4]}], ["1", "2"],
    ...                  "Events", "t")
    >>> svg.count("<circle"), 'aria-describedby="t"' in svg
    (1, True)
    """
    largest = max([c for r in rows for c in r["counts"]] + [1])
    label_width = LABEL_PAD + max([text_width(r["label"]) for r in rows] + [0])
    width = label_width + CELL * len(columns) + CELL // 2  # room for a long last heading
    height = HEAD + CELL * len(rows)
    # A group, not an image: its cells are links, and an image's children are not
    # reachable (axe-core: nested-interactive). The table below is its text alternative.
    parts = [f'<svg class="briefing-grid" role="group" aria-label="{escape(title)}" '
             f'viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-describedby="{table_id}">'
             f"<title>{escape(title)}</title>"]
    for i, column in enumerate(columns):
        x = label_width + CELL * i + CELL // 2
        parts.append(f'<text x="{x}" y="15" text-anchor="middle" class="head">'
                     f"{escape(column)}</text>")
    for j, row in enumerate(rows):
        y = HEAD + CELL * j + CELL // 2
        label = escape(row["label"])
        text = f'<text x="{label_width - 8}" y="{y + 5}" text-anchor="end">{label}</text>'
        parts.append(f'<a href="{escape(row["href"])}">{text}</a>' if row["href"] else text)
        parts.append(f'<line x1="{label_width}" y1="{y}" x2="{width}" y2="{y}"/>')
        for i, count in enumerate(row["counts"]):
            if count:
                radius = max(2.5, (CELL / 2 - 2) * (count / largest) ** 0.5)
                x = label_width + CELL * i + CELL // 2
                parts.append(f'<circle cx="{x}" cy="{y}" r="{radius:.1f}">'
                             f"<title>{escape(row['label'])} · {escape(columns[i])}"
                             f": {count}</title></circle>")
    parts.append("</svg>")
    return "".join(parts)

