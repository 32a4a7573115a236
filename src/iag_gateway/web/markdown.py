"""Render the charter's Markdown as HTML: a deliberately small, safe subset.

Headings (with an optional ``{#art-x.y}`` anchor that becomes the ``id``), paragraphs,
bulleted and numbered lists, quotations, ``**bold**``, ``*italics*`` and ``code``.
Everything else is shown as text: the source is escaped first and only these constructs
produce tags, so no raw HTML, link or image in a charter file can reach the page. Kept
here rather than in a dependency because the charter needs nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.*?)(?:\s*\{#(?P<id>[A-Za-z][\w.-]*)\})?\s*$")
_BULLET = re.compile(r"^[-*+]\s+(?P<text>.*)$")
_NUMBERED = re.compile(r"^\d{1,9}[.)]\s+(?P<text>.*)$")
_QUOTE = re.compile(r"^>\s?(?P<text>.*)$")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")


@dataclass(frozen=True)
class Heading:
    """A heading of the rendered document (for a table of contents)."""

    level: int
    text: str
    anchor: str | None


@dataclass
class Rendered:
    html: Markup
    headings: list[Heading] = field(default_factory=list)


def inline(text: str) -> str:
    """Escape ``text`` and turn code spans, bold and italics into tags."""
    parts = _CODE.split(text)
    out: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:  # inside backticks: literal text
            out.append(f"<code>{escape(part)}</code>")
            continue
        html = escape(part)
        html = _BOLD.sub(r"<strong>\1</strong>", html)
        out.append(_ITALIC.sub(r"<em>\2</em>", html))
    return "".join(out)


class _Builder:
    """Accumulate blocks line by line; one open paragraph, list or quotation at a time."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.headings: list[Heading] = []
        self.paragraph: list[str] = []
        self.list_tag: str | None = None
        self.items: list[list[str]] = []
        self.quote: list[str] = []

    def close(self) -> None:
        if self.paragraph:
            self.out.append(f"<p>{inline(' '.join(self.paragraph))}</p>")
            self.paragraph = []
        if self.list_tag:
            items = "".join(f"<li>{inline(' '.join(item))}</li>" for item in self.items)
            self.out.append(f"<{self.list_tag}>{items}</{self.list_tag}>")
            self.list_tag, self.items = None, []
        if self.quote:
            paragraphs = " ".join(self.quote).split("\0")
            body = "".join(f"<p>{inline(p.strip())}</p>" for p in paragraphs if p.strip())
            self.out.append(f"<blockquote>{body}</blockquote>")
            self.quote = []

    def heading(self, level: int, text: str, anchor: str | None) -> None:
        self.close()
        attribute = f' id="{escape(anchor)}"' if anchor else ""
        self.out.append(f"<h{level}{attribute}>{inline(text)}</h{level}>")
        self.headings.append(Heading(level, text, anchor))

    def list_item(self, tag: str, text: str) -> None:
        if self.list_tag != tag:
            self.close()
            self.list_tag = tag
        self.items.append([text])

    def line(self, raw: str) -> None:
        stripped = raw.strip()
        if not stripped:
            self.close()
            return
        if (quote := _QUOTE.match(stripped)) is not None:
            if not self.quote:
                self.close()
            # An empty quoted line separates paragraphs inside the quotation.
            self.quote.append(quote["text"] or "\0")
            return
        if self.quote:
            self.close()
        if (heading := _HEADING.match(stripped)) is not None:
            self.heading(len(heading["level"]), heading["text"], heading["id"])
        elif (bullet := _BULLET.match(stripped)) is not None:
            self.list_item("ul", bullet["text"])
        elif (numbered := _NUMBERED.match(stripped)) is not None:
            self.list_item("ol", numbered["text"])
        elif self.list_tag and raw[:1].isspace():
            self.items[-1].append(stripped)  # continuation of the current item
        else:
            if self.list_tag:
                self.close()
            self.paragraph.append(stripped)


def render(markdown: str) -> Rendered:
    """Return the HTML (as ``Markup``, already safe) and the headings of ``markdown``."""
    builder = _Builder()
    for raw in markdown.splitlines():
        builder.line(raw)
    builder.close()
    # Safe: every piece of text went through ``escape``; only the tags above were added.
    return Rendered(Markup("\n".join(builder.out)), builder.headings)  # noqa: S704
