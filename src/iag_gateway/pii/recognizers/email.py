"""E-mail addresses, plain or written to dodge harvesters (« jean.dupont[at]chu-exemple.fr »)."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated

_LOCAL = r"[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*"
# the same, taken whole (possessive) where « @ » follows: a local part that gave back characters would
# be followed by one of its own characters, never « @ », so the matches are the same and the engine
# stops retrying each word of the text character by character
_WHOLE_LOCAL = r"[\w!#$%&'*+/=?^`{|}~-]++(?:\.[\w!#$%&'*+/=?^`{|}~-]++)*+"
# « [at] », « (at) », « {at} », « [@] », « (arobase) », « [chez] », spaced or not
_AT = r"\s?[\[({<]\s?(?i:at|@|arobase|chez)\s?[\])}>]\s?|\s(?i:arobase)\s"
# « . », « [dot] », « (dot) », « (point) »; a bare « at » counts only when a bare « dot » follows
_DOT = r"\.|\s?[\[({<]\s?(?i:dot|point|pt)\s?[\])}>]\s?|\s(?i:dot|point)\s"

_COMMON_TLDS = r"fr|com|org|net|eu|be|ch|lu|de|uk|it|es|ca|io|info|gouv|edu"


class EmailAddressRecognizer(CheckedPatternRecognizer):
    """Detect an e-mail address (local part, @, dotted domain with an alphabetic TLD), also obfuscated."""

    ENTITY = "EMAIL_ADDRESS"
    SCORE = 1.0
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?<![\w.+-])(?P<value>{_WHOLE_LOCAL}"
            r"@(?:[\w](?:[\w-]*[\w])?\.)+[A-Za-z]{2,24})(?![\w-])"
        ),
        # obfuscated: at least the « @ » written out in brackets (a bare « at » is an English word)
        compile_gated(
            rf"(?<![\w.+-])(?P<value>{_LOCAL}(?:{_AT})"
            rf"(?:[\w](?:[\w-]*[\w])?(?:{_DOT}))+[A-Za-z]{{2,24}})(?![\w-])"
        ),
        # « jean.dupont at chu-exemple dot fr »: spelled out throughout, a dotted local part and a
        # common top-level domain (« look at the dot plot » is English)
        compile_gated(
            rf"(?<![\w.+-])(?P<value>[\w-]+[._][\w.-]*\w\s(?i:at)\s(?:[\w](?:[\w-]*[\w])?\s(?i:dot)\s)+"
            rf"(?i:{_COMMON_TLDS}))(?![\w-])"
        ),
    )
    # what each pattern's matches hold: most texts have no obfuscated address to look for
    NEEDS: ClassVar[tuple[re.Pattern[str] | None, ...]] = (
        re.compile("@"),
        re.compile(_AT),
        re.compile(r"\s(?i:at)\s"),
    )
