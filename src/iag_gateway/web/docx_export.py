"""Turn an answer (simple Markdown) into a Word document the buyer can edit.

Only what model answers actually use is understood: ``#`` headings, ``-``/``*``/``•``
bullets, ``1.`` numbered items, ``**bold**`` and blank-line paragraphs. Everything
else is kept as plain text. The AI notice goes in the page footer, so it survives
edits to the body.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
AI_NOTICE = "Texte généré par IA : relisez-le avant tout usage."

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*•–]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _add_runs(paragraph: Paragraph, text: str) -> None:
    """Add ``text`` to ``paragraph``, turning ``**bold**`` spans into bold runs."""
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()])
        paragraph.add_run(match.group(1)).bold = True
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def build_docx(title: str, text: str, mention: str | None = None) -> bytes:
    """Return the bytes of a .docx holding ``title`` then ``text``, with the AI notice in the footer."""
    document = Document()
    document.core_properties.title = title
    document.core_properties.comments = AI_NOTICE
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(title, level=0)
    pending: list[str] = []

    def flush() -> None:
        if pending:
            _add_runs(document.add_paragraph(), " ".join(line.strip() for line in pending))
            pending.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        heading, bullet, numbered = _HEADING.match(line), _BULLET.match(line), _NUMBERED.match(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            document.add_heading(heading.group(2), level=min(len(heading.group(1)), 4))
        elif bullet:
            flush()
            _add_runs(document.add_paragraph(style="List Bullet"), bullet.group(1))
        elif numbered:
            flush()
            _add_runs(document.add_paragraph(style="List Number"), numbered.group(1))
        else:
            pending.append(line)
    flush()
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"{AI_NOTICE} {mention}" if mention else AI_NOTICE
    for run in footer.runs:
        run.font.size = Pt(8)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_markdown(title: str, text: str, mention: str | None = None) -> str:
    """Return the answer as a Markdown file: title, text, then the AI notice."""
    notice = f"{AI_NOTICE} {mention}" if mention else AI_NOTICE
    return f"# {title}\n\n{text.strip()}\n\n---\n\n_{notice}_\n"
