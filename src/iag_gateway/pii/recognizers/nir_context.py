"""A NIR-shaped number named as such by its context, whatever its key says.

``NirRecognizer`` trusts the mod-97 key alone. A number typed with a wrong key, or
without one, is still a person's social-security number when the words in front of
it say so (« NIR », « n° de sécu », « INS », « SSN »): there the key only raises the
confidence, it is not a gate (fail closed).
"""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated

# in any case: people type « nir », « Nir », « n° ss » as often as « NIR », and a JSON key is
# lowercase (« "nir": "1 62 03…" »); a 13-digit NIR-shaped number after it is the cue's.
_CONTEXT = (
    r"(?i:NIR|NIRPP|INS(?:-?[CN])?|SSN|NSS|N°\s*SS|"
    r"s[ée]cu(?:rit[ée]\s+sociale)?|social\s+security(?:\s+number)?|matricule(?:\s+INS)?|"
    r"num[ée]ro\s+d['’]inscription\s+au\s+r[ée]pertoire|carte\s+vitale)"
)
# sex · year · month · department (2A/2B, 97x) · commune · order, then an optional key
_BODY = (
    r"[1-478][ .\-]?\d{2}[ .\-]?\d{2}[ .\-]?(?:(?:\d{2}|2[AaBb])[ .\-]?\d{3}|9[78]\d[ .\-]?\d{2})"
    r"[ .\-]?\d{3}"
)

_KEY_SEPARATOR = r"(?:[ .]?|\s?[-–/]\s?|\s*\(?(?i:cl[ée]|key)\s*:?\s*)"


class NirContextRecognizer(CheckedPatternRecognizer):
    """Detect a 13-digit NIR body, key wrong or missing, right after a NIR / sécu / INS / SSN cue."""

    ENTITY = "FR_NIR"
    SCORE = 0.85
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?<![\w])(?:{_CONTEXT})(?![\w])[^\d\n]{{0,30}}?"
            rf"(?<![\w.,])(?P<value>{_BODY}(?:{_KEY_SEPARATOR}\d{{2}}\)?)?)"
            r"(?![\w]|[.,]\d)"
        ),
    )

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        start, end = match.span("value")
        return start, end - 1 if text[end - 1] == ")" else end
