"""Compile a rule's patterns into one alternation, so that a text is scanned once per rule.

The policy asks one question of a rule's patterns: does any of them occur in the text
(``any(p.search(text) for p in patterns)``). ``(?:p1)|(?:p2)|…`` answers it in one
scan: the alternation finds a match exactly when one of the patterns does. The rules
read every prompt (30 patterns in the shipped charter, each starting with ``\\b``, so
the regex engine tries every position of the text): about 1 CPU ms for a 1 KB prompt
separately, half of it joined (issue #11).

Joining is only done when it cannot change an answer. A backreference or a conditional
on a group (``\\1``, ``(?P=name)``, ``(?(1)…)``) would point at another pattern's group
once the groups are renumbered, and a pattern that cannot share one regex with the
others (a global flag such as ``(?x)`` not at the start, two patterns naming the same
group) fails to compile joined: those rules keep one compiled pattern each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: Group references; a false positive (``\\\\1``, an escaped backslash) only keeps the patterns apart.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def compile_any(
    patterns: Sequence[str], compile_one: Callable[[str], re.Pattern[str]]
) -> tuple[re.Pattern[str], ...]:
    """Return patterns whose ``any(p.search(text))`` equals that of ``patterns`` compiled one by one.

    One joined pattern when that is safe (see the module docstring), else each pattern
    compiled with ``compile_one``. Each pattern must compile on its own (the policy
    loader checked it and named the line of a failing one).
    """
    if len(patterns) >= 2 and not any(_GROUP_REFERENCE.search(pattern) for pattern in patterns):
        try:
            return (compile_one("|".join(f"(?:{pattern})" for pattern in patterns)),)
        except re.error:
            pass  # they cannot share one regex: each compiled on its own below
    return tuple(compile_one(pattern) for pattern in patterns)
