"""ADELI number of a health professional: 9 digits, only recognised next to the word ADELI.

A bare 9-digit number is far more often a FINESS establishment number or a
SIREN (neither is personal data), so context is mandatory here.
"""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated


class AdeliRecognizer(CheckedPatternRecognizer):
    """Detect a 9-digit ADELI number introduced by « ADELI » (n°, :, spaces allowed)."""

    ENTITY = "HEALTH_PRO_ID"
    SCORE = 0.9
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            r"(?i:\bADELI\b)(?:\s*(?:n[°o]|num[ée]ro|number|no\.?|#))?\s*[:=]?\s*"
            r"(?P<value>\d(?:[ ]?\d){8})(?![\w]|[.,]\d|[ ]\d)"
        ),
    )
