"""A heuristic for « is this message French? »: no common English word outside « quoted » names.

Messages name fields and values between « », which may be English (``messages[0].role``,
``json_object``); the sentence around them must be French. Used by every test that walks
the messages the gateway sends to people.
"""

from __future__ import annotations

import re

ENGLISH = re.compile(
    r"\b(the|is|are|be|must|should|only|input|invalid|unknown|missing|required|not|no|of|your|yours"
    r"|already|given|field|request|body|error|array|object|string|accepted|at most|whole|number|from"
    r"|unsupported|never|forwarded|unchecked|characters|shorten|hold|valid|datetime|too|short|long"
    r"|failed|unavailable|could|refused|refusing|none|any|for|with|this|that|call|store|fix|run)\b",
    re.I,
)
QUOTED = re.compile(r"« [^»]* »|`[^`]*`|\bIAG_[A-Z_]+\b")


def english_words(message: str) -> list[str]:
    """The English words found in ``message`` outside quoted names (empty: looks French)."""
    return ENGLISH.findall(QUOTED.sub("", message))
