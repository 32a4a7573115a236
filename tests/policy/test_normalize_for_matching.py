"""Policy texts are folded as the charter's patterns expect: white space as ``\\s+`` → one space."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from iag_gateway.policy.models.patterns import collapse_spaces, normalize_for_matching

_SPACES = re.compile(r"\s")
# white space of several kinds (NBSP, narrow NBSP, line separator, file separator...) among words
_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u202f", "\u2028", "\x1c", "\u3000", "a", "É", "mot"]
)


def test_str_split_and_re_agree_on_white_space_for_every_code_point() -> None:
    disagree = [
        code
        for code in range(sys.maxunicode + 1)
        if (_SPACES.fullmatch(chr(code)) is not None) != (len(f"a{chr(code)}b".split()) == 2)
    ]
    assert disagree == []


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_collapse_spaces_is_the_substitution(text: str) -> None:
    assert collapse_spaces(text) == re.sub(r"\s+", " ", text)


@given(st.text(max_size=200))
def test_collapse_spaces_is_the_substitution_on_any_text(text: str) -> None:
    assert collapse_spaces(text) == re.sub(r"\s+", " ", text)


def test_a_prompt_is_folded_with_its_runs_of_white_space_as_one_space() -> None:
    text = "  Décide\u00a0si\n\n l’agent   « Dupont »\tmérite une PRIME\u2028 "
    assert normalize_for_matching(text) == " decide si l'agent « dupont » merite une prime "
