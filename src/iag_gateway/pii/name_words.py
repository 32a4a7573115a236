"""What one word may be in a person's name, as French administrative text writes them.

Pure functions of the word, cached because words repeat (a text of 1 KB holds about 150
word tokens, a few dozen distinct ones); ``PersonRecognizer`` walks its tokens with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.fr.stop_words import STOP_WORDS

from iag_gateway.pii.lexicon import (
    ACRONYMS,
    AMBIGUOUS_FIRST_NAMES,
    COMPANY_WORDS,
    FIRST_NAMES,
    NAME_PARTICLES,
    NOT_SURNAMES,
    TITLES,
    fold,
)

#: A title (M., Mme, Dr, Pr...), the whole word.
TITLE = re.compile(rf"(?:{TITLES})")


@lru_cache(maxsize=16384)
def is_given_name(word: str) -> bool:
    """A known given name, or a compound whose every part is one (« Jean-Pierre »)."""
    folded = fold(word)
    return folded in FIRST_NAMES or (
        "-" in folded and all(part in FIRST_NAMES for part in folded.split("-") if part)
    )


@lru_cache(maxsize=16384)
def word_kind(word: str) -> str:
    """cap | up | init | particle | lower | other: what a word may be in a name (cached: words repeat)."""
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return "init"
    if fold(word) in NAME_PARTICLES or (fold(word[:2]) in {"d'", "d’"} and len(word) == 2):
        return "particle"
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) < 2:
        return "other"  # « À » in a heading, « A » in a list: no name is one letter
    if letters.isupper() and len(letters) >= 2:
        return "up" if word not in ACRONYMS else "other"
    if word[0].isupper() and not letters[1:].isupper():
        return "cap"
    if word.islower():
        return "lower"
    return "other"


@lru_cache(maxsize=16384)
def token_shape(word: str) -> tuple[str, str]:
    """The word a token holds (a final full stop dropped unless initial or title) and its kind (cached)."""
    if word.endswith(".") and not (len(word) == 2 and word[0].isupper()) and not TITLE.fullmatch(word):
        word = word[:-1]
    return word, word_kind(word)


@lru_cache(maxsize=16384)
def surname_like(word: str) -> bool:
    """Not a common word, a company word or a title (cached: words repeat)."""
    folded = fold(word)
    return (
        folded not in NOT_SURNAMES
        and folded not in COMPANY_WORDS
        and not TITLE.fullmatch(word)
        and not TITLE.fullmatch(word + ".")
    )


@lru_cache(maxsize=16384)
def opens_hurried_name(word: str) -> bool:
    """A lower-case word that may open « jean dupont »: a known, unambiguous given name, no stop word."""
    folded = fold(word)
    return is_given_name(folded) and folded not in AMBIGUOUS_FIRST_NAMES and folded not in STOP_WORDS
