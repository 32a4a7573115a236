"""E-mail addresses, plain or written to dodge harvesters (« jean.dupont[at]chu-exemple.fr »)."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer

_LOCAL = r"[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*"
# « [at] », « (at) », « {at} », « [@] », « (arobase) », « [chez] », spaced or not
_AT = r"\s?[\[({<]\s?(?i:at|@|arobase|chez)\s?[\])}>]\s?|\s(?i:arobase)\s"
# « . », « [dot] », « (dot) », « (point) »
_DOT = r"\.|\s?[\[({<]\s?(?i:dot|point|pt)\s?[\])}>]\s?|\s(?i:dot|point)\s"


class EmailAddressRecognizer(CheckedPatternRecognizer):
    """Detect an e-mail address (local part, @, dotted domain with an alphabetic TLD), also obfuscated."""

    ENTITY = "EMAIL_ADDRESS"
    SCORE = 1.0
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(
            rf"(?<![\w.+-])(?P<value>{_LOCAL}"
            r"@(?:[\w](?:[\w-]*[\w])?\.)+[A-Za-z]{2,24})(?![\w-])"
        ),
        # obfuscated: at least the « @ » written out in brackets (a bare « at » is an English word)
        re.compile(
            rf"(?<![\w.+-])(?P<value>{_LOCAL}(?:{_AT})"
            rf"(?:[\w](?:[\w-]*[\w])?(?:{_DOT}))+[A-Za-z]{{2,24}})(?![\w-])"
        ),
    )
