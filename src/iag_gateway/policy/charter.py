"""Read the charter's article ids so that every policy rule can be checked against it.

Articles are Markdown headings ending with an explicit anchor, e.g.
``### Article 4.1 — Adéquation ... {#art-4.1}``. The anchor, not the heading text,
is the stable id: titles may be reworded without breaking the policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from iag_gateway.errors import PolicyConfigError

_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*?)\s*\{#(?P<id>art-[0-9]+(?:\.[0-9]+)*)\}\s*$")


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    file: str
    line: int

    @property
    def number(self) -> str:
        """The human number, « 4.1 » for ``art-4.1``."""
        return self.id.removeprefix("art-")


def parse_charter(text: str, file: str) -> list[Article]:
    """Return the articles of one charter file, in order; duplicate ids are an error."""
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADING.match(line)
        if match is None:
            continue
        article_id = match["id"]
        if article_id in seen:
            raise PolicyConfigError(
                file, f"article id {article_id} already used on line {seen[article_id]}", line=number
            )
        seen[article_id] = number
        articles.append(Article(article_id, match["title"], file, number))
    return articles


def charter_files(charter_dir: Path) -> list[Path]:
    """The charter's Markdown files, sorted by name."""
    if not charter_dir.is_dir():
        raise PolicyConfigError(str(charter_dir), "charter directory not found")
    files = sorted(charter_dir.glob("*.md"))
    if not files:
        raise PolicyConfigError(str(charter_dir), "no charter file (*.md) found")
    return files


def load_articles(files: list[tuple[Path, bytes]]) -> dict[str, Article]:
    """Parse every charter file; an id defined twice across files is an error."""
    articles: dict[str, Article] = {}
    for path, data in files:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PolicyConfigError(str(path), f"not UTF-8: {exc}") from exc
        for article in parse_charter(text, str(path)):
            if article.id in articles:
                raise PolicyConfigError(
                    str(path),
                    f"article id {article.id} already defined in {articles[article.id].file}",
                    line=article.line,
                )
            articles[article.id] = article
    if not articles:
        raise PolicyConfigError(str(files[0][0]), "no article heading with an {#art-N.N} anchor found")
    return articles
