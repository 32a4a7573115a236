"""Turn an answer (simple Markdown) into a Word document the buyer can edit.

Only what model answers actually use is understood: ``#`` headings, ``-``/``*``/``•``
bullets, ``1.`` numbered items, ``**bold**`` and blank-line paragraphs. Everything
else is kept as plain text. The document's author is the signed-in person; the page
footer carries the review mention (« Texte généré par IA, à relire » until the author
acknowledged the review, « … relu par <user> le <date> » after), the request reference
and the template version, so they survive edits to the body.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

from docx import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TO_REVIEW = "Texte généré par IA, à relire"


@dataclass(frozen=True)
class ExportInfo:
    """What an exported document says about itself."""

    title: str
    author: str
    reference: str
    template_id: str
    template_version: str
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    publication_mention: str | None = None

    @property
    def review_mention(self) -> str:
        """« Texte généré par IA, à relire », or « … relu par <user> le <dd/mm/yyyy> »."""
        if self.reviewed_by and self.reviewed_at:
            return f"Texte généré par IA, relu par {self.reviewed_by} le {self.reviewed_at:%d/%m/%Y}"
        return TO_REVIEW

    @property
    def reference_line(self) -> str:
        return f"Référence {self.reference} — modèle {self.template_id}, version {self.template_version}"


def export_filename(template_id: str, on: datetime, suffix: str) -> str:
    """``<template>-<yyyy-mm-dd>.<suffix>`` (the template id is already a slug)."""
    return f"{template_id}-{on:%Y-%m-%d}.{suffix}"


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


def build_docx(info: ExportInfo, text: str) -> bytes:
    """Return the bytes of a .docx: title, text; author, mention and reference as ``info`` says."""
    title = info.title
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = info.author
    document.core_properties.last_modified_by = info.author
    document.core_properties.identifier = info.reference
    document.core_properties.comments = info.review_mention
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
    footer = document.sections[0].footer
    lines = [info.review_mention + ".", info.reference_line]
    if info.publication_mention:
        lines.append(info.publication_mention)
    footer.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        footer.add_paragraph(line)
    for paragraph in footer.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(8)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_markdown(info: ExportInfo, text: str) -> str:
    """Return the answer as a Markdown file: title, text, then the mention and the reference."""
    lines = [f"_{info.review_mention}._", "", f"_{info.reference_line} — auteur : {info.author}_"]
    if info.publication_mention:
        lines += ["", f"_{info.publication_mention}_"]
    return f"# {info.title}\n\n{text.strip()}\n\n---\n\n" + "\n".join(lines) + "\n"
