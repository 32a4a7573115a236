"""Names that look like people but must stay: institutions named after people, hospital sites.

« Hôpital Édouard Herriot » or « Centre Léon Bérard » contain a person's name
but designate a place of care; masking them makes the answer useless. The
deployment lists its sites in ``policies/pii_allowlist.yaml`` (and may add
files or terms); a pattern also protects « Hôpital X », « Centre X »,
« Université X »... so sites nobody listed are kept too, and another the
companies named after their founder (« Laboratoires Pierre Fabre »).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from iag_gateway.errors import ConfigError
from iag_gateway.pii.lexicon import fold
from iag_gateway.regex_gate import compile_gated

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"


class AllowListFile(BaseModel):
    """Schema of an allow-list YAML file."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    institutions: list[str] = []
    terms: list[str] = []


def default_allow_list_path(repo_root: Path) -> Path:
    """Return the allow-list shipped with the repository."""
    return repo_root / "policies" / "pii_allowlist.yaml"


def load_allow_list_file(path: Path) -> AllowListFile:
    """Read and validate one allow-list file; any problem stops startup with the file named."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read allow-list: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(str(path), f"invalid YAML: {exc}", line=line) from exc
    try:
        return AllowListFile.model_validate(raw if raw is not None else {})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ConfigError(str(path), first["msg"], field=field or None) from exc


class AllowList:
    """Find the spans of a text that name an allowed institution or term."""

    INSTITUTION: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?<![\w])(?:(?i:h[ôo]pital|h[ôo]p\.|centre(?:\s+hospitalier(?:\s+universitaire)?)?|"
        r"groupe(?:ment)?\s+hospitalier|clinique|polyclinique|institut|université|universite|faculté|"
        r"fondation|hospices?|pavillon|bâtiment|amphith[ée][âa]tre|amphi|lycée|collège|école|ecole|"
        r"résidence|ehpad|maison|musée|stade|gymnase|campus|pôle|salle|site|cité|halle|théâtre|"
        r"hospital|university|center|centre\s+for|institute|school|college|foundation|clinic)"
        r"|CHU|CH|CHS|CHR|CHRU|GH|IFSI)(?![\w])"
        rf"(?:[ \t]+(?i:de\s+la|de|du|des|d['’]|l['’]|la|le|les))?[ \t]*"
        rf"(?P<name>(?:[{_UPPER}][{_LETTER}'’\-]*\.?)(?:[ \t\-]+(?:(?:de|du|des|la|le|d['’])[ \t]+)?"
        rf"[{_UPPER}][{_LETTER}'’\-]*\.?){{0,4}})"
    )

    # a company named after its founder: « Laboratoires Pierre Fabre », « Établissements Jean Martin »
    COMPANY: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?<![\w])(?i:laboratoires?|labos?|soci[ée]t[ée]|[ée]ts\.?|[ée]tablissements|maison)[ \t]+"
        rf"(?P<name>[{_UPPER}][{_LETTER}'’\-]*(?:[ \t]+[{_UPPER}][{_LETTER}'’\-]*){{0,3}})"
    )

    def __init__(self, terms: Iterable[str]) -> None:
        cleaned = sorted({term.strip() for term in terms if term.strip()}, key=len, reverse=True)
        if cleaned:
            # grouped by first letter, so that each position tries a handful of terms, not all of them
            groups: dict[str, list[str]] = {}
            for term in cleaned:  # longest first, kept within each group
                groups.setdefault(fold(term[0]), []).append(self._flexible(term[1:]))
            alternatives = "|".join(
                f"[{re.escape(first)}{_PLAIN.get(first, '')}](?:{'|'.join(rests)})"
                for first, rests in groups.items()
            )
            self._terms: re.Pattern[str] | None = compile_gated(rf"(?i)(?<![\w])(?:{alternatives})(?![\w])")
        else:
            self._terms = None
        self.size = len(cleaned)

    @staticmethod
    def _flexible(term: str) -> str:
        """Let spaces and hyphens vary, and accented letters match their plain form."""
        pieces = []
        for char in term:
            if char in " -":
                pieces.append(r"[\s\-]+")
            elif char in "'’":
                pieces.append(r"['’]\s*")
            else:
                plain = _PLAIN.get(char.lower())
                pieces.append(f"[{re.escape(char)}{plain}]" if plain else re.escape(char))
        return "".join(pieces)

    @classmethod
    def from_files(cls, paths: Sequence[Path], extra_terms: Iterable[str] = ()) -> AllowList:
        """Build from YAML files plus literal terms the deployment adds."""
        terms: list[str] = list(extra_terms)
        for path in paths:
            loaded = load_allow_list_file(path)
            terms.extend(loaded.institutions)
            terms.extend(loaded.terms)
        return cls(terms)

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        """Return the spans of listed terms and of « Hôpital X »-style institution names."""
        spans = [match.span() for match in self.INSTITUTION.finditer(text)]
        spans.extend(match.span() for match in self.COMPANY.finditer(text))
        if self._terms is not None:
            spans.extend(match.span() for match in self._terms.finditer(text))
        return spans


_PLAIN = {
    "é": "e",
    "è": "e",
    "ê": "e",
    "ë": "e",
    "à": "a",
    "â": "a",
    "î": "i",
    "ï": "i",
    "ô": "o",
    "ù": "u",
    "û": "u",
    "ü": "u",
    "ç": "c",
    "e": "éèêë",
    "a": "àâ",
    "i": "îï",
    "o": "ô",
    "u": "ùûü",
    "c": "ç",
}
