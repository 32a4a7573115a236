"""French social-security number (NIR, also the INS matricule) with its mod-97 key."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.checksums import nir_is_valid
from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated


class NirRecognizer(CheckedPatternRecognizer):
    """Detect a NIR compact or spaced, the key optionally set apart (dash, slash, « clé »); check the key."""

    ENTITY = "FR_NIR"
    SCORE = 1.0
    # sex · year · month · (department · commune | overseas 97x · commune) · order · key
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            r"(?<![\w.,])(?P<value>[1-478][ .\-]?\d{2}[ .\-]?\d{2}[ .\-]?"
            r"(?:(?:\d{2}|2[AaBb])[ .\-]?\d{3}|9[78]\d[ .\-]?\d{2})"
            r"[ .\-]?\d{3}(?:[ .]?|\s?[-–/]\s?|\s*\(?(?i:cl[ée]|key)\s*:?\s*)\d{2}\)?)(?![\w]|[.,]\d)"
        ),
    )

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        compact = re.sub(r"[\s.\-–/():]|(?i:cl[ée]|key)", "", match.group("value"))
        if not nir_is_valid(compact):
            return None
        start, end = match.span("value")
        return start, end - 1 if text[end - 1] == ")" else end
