"""E-mail addresses."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer


class EmailAddressRecognizer(CheckedPatternRecognizer):
    """Detect an e-mail address (local part, @, dotted domain with an alphabetic TLD)."""

    ENTITY = "EMAIL_ADDRESS"
    SCORE = 1.0
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(
            r"(?<![\w.+-])(?P<value>[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*"
            r"@(?:[\w](?:[\w-]*[\w])?\.)+[A-Za-z]{2,24})(?![\w-])"
        ),
    )
