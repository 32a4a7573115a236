"""Let a pattern skip, in C, the positions where no match can start.

Python's ``re`` scans ahead quickly only for a pattern that opens on a literal or a
case-sensitive character class. Ours open on a look-behind (``(?<![\\w])``) and a
case-insensitive list of words, so the engine tries the whole pattern at every position
of the text, which made the regular expressions half the cost of the rules. ``gated``
puts in front of a pattern a look-ahead on the characters its matches can start with
(``(?=(?-i:[0-9])|(?i:[nprd]))``): a position where it fails is left after one class test,
and the pattern finds exactly the same matches (a look-ahead consumes nothing). The
personal-data recognizers scan every prompt and answer with it, and so do the charter's
patterns (``policy.models.patterns``: « \\b(?:diagnostic|...) » on the normalised text).

A look-ahead still enters the engine's matching routine at every position (about 16 ns a
character on our 2-core VM, for each of some forty patterns). On CPython 3.11 ``gated`` goes
one step further and hands the engine the same first characters as the *search hint* ``re``
gives a pattern that opens on a class: the optimisation block (``INFO``) at the head of the
pattern's program carries a character set, and the engine's search loop steps over the
characters outside it without entering the matching routine (CPython 3.11
``Modules/_sre/sre_lib.h``, ``SRE(search)``: the ``charset`` loop; ``Lib/re/_compiler.py``,
``_compile_info``). The set holds exactly the characters the look-ahead accepts: read by the
engine itself over the Basic Multilingual Plane (case-insensitive letters include the
variants ``re`` folds to them, « K » (Kelvin sign) for « k », « ſ » for « s »), plus the
Unicode digit category for ``\d``; no letter outside that plane folds into it (a test
checks every code point). The hint is used only by searches (``search``, ``finditer``...),
and the rest of the program is ``re``'s own, its alternations factored by first character
(``regex_branches``): the matches are the same, which the tests check on random and corpus
texts (and a reviewer's search over some 78,000 generated patterns). Elsewhere the look-ahead
form is used.

The first characters are read from the parsed pattern (``re._parser``, the parser ``re``
itself uses); a pattern whose start cannot be read that way (a back-reference, a negated
class, a match of the empty string...) is returned unchanged.
"""

from __future__ import annotations

import logging
import re
import sys
from functools import cache
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from iag_gateway.compiled_patterns import build_pattern, program_header
from iag_gateway.regex_branches import factor_branches

_CATEGORIES = {
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
}
_DIGIT = _CATEGORIES[sre.CATEGORY_DIGIT]
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ZERO_WIDTH = {sre.ASSERT, sre.ASSERT_NOT, sre.AT}
log = logging.getLogger("iag_gateway.regex")
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")
# a look-ahead on more first characters than this lets too many positions through to pay
MAX_FIRST_CHARACTERS = 24
#: The interpreter line whose SRE program layout (``INFO`` block) ``gated`` writes.
HINTED_PYTHON = (3, 11)
#: Characters below this are read from the engine; no character above it case-folds below it.
_PLANE = 0x10000


def _narrow(item: str) -> bool:
    """A single character other than a space, or a digit (``\\d``): not a range, not ``\\w`` or ``\\s``."""
    if item == _DIGIT:
        return True  # digits are few in prose: « 12 rue... » opens on one
    if item in _CATEGORIES.values():
        return False
    char = item[1:] if item.startswith("\\") else item
    return len(char) == 1 and not char.isspace()


def _caseless(item: str) -> bool:
    """A digit (``\\d`` or one) or an ASCII sign: no character matches it only when case is ignored."""
    char = item[1:] if item.startswith("\\") else item
    return item == _DIGIT or (len(char) == 1 and char.isascii() and not char.isalpha())


class _Unknown(Exception):
    """The pattern's first characters cannot be told (or would not help)."""


class _First:
    """The characters a (sub)pattern's match may start with, as character-class items."""

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.any_case: set[str] = set()

    def add(self, item: str, flags: int) -> None:
        (self.any_case if flags & re.IGNORECASE else self.exact).add(item)

    def update(self, other: _First) -> None:
        self.exact |= other.exact
        self.any_case |= other.any_case


def _char(code: int) -> str:
    return re.escape(chr(code))


def _sequence(items: Any, flags: int, first: _First) -> bool:
    """Add the first characters of a sequence of parsed items; return whether it can match empty."""
    # stops at the first item that cannot match empty: what follows it never starts a match
    return all(_item(op, av, flags, first) for op, av in items)


def _item(op: Any, av: Any, flags: int, first: _First) -> bool:
    """Add the first characters of one parsed item; return whether it can match the empty string."""
    if op is sre.LITERAL:
        first.add(_char(av), flags)
        return False
    if op is sre.IN:
        for kind, value in av:
            if kind is sre.LITERAL:
                first.add(_char(value), flags)
            elif kind is sre.RANGE:
                first.add(f"{_char(value[0])}-{_char(value[1])}", flags)
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                first.add(_CATEGORIES[value], flags)
            else:  # a negated class or something rarer
                raise _Unknown
        return False
    if op is sre.BRANCH:
        empty = False
        for alternative in av[1]:
            empty = _sequence(alternative, flags, first) or empty
        return empty
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        return _sequence(pattern, (flags | add_flags) & ~del_flags, first)
    if op in _REPEATS:
        low, _high, pattern = av
        return _sequence(pattern, flags, first) or low == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(av, flags, first)
    if op in _ZERO_WIDTH:
        return True
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS...


def first_characters(pattern: re.Pattern[str], *, ranges: bool = False) -> str | None:
    """Return a look-ahead matching the characters ``pattern``'s matches start with, or None.

    None when they cannot be read, or would let most positions through a look-ahead (a
    range, ``\\w``, more than ``MAX_FIRST_CHARACTERS``). ``ranges=True`` (for the search
    hint, whose test costs the same for any set) keeps ranges and long lists; ``\\w``,
    ``\\s`` and their negations still give None.
    """
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.ASCII | re.LOCALE):
        return None
    first = _First()
    try:
        if _sequence(sre_parse.parse(pattern.pattern, pattern.flags), pattern.flags, first):
            return None  # it can match the empty string: any position may start a match
    except (_Unknown, RecursionError):  # RecursionError: groups nested hundreds deep
        return None
    items = first.exact | first.any_case
    if ranges:
        if any(item in _CATEGORIES.values() and item != _DIGIT for item in items):
            return None
    elif not all(_narrow(item) for item in items) or len(items) > MAX_FIRST_CHARACTERS:
        return None  # most positions would pass (any letter, any digit): the look-ahead would only cost
    exact, any_case = set(first.exact), set(first.any_case)
    if any_case:
        # a digit or an ASCII sign is the same in either case mode: one class, not an alternation
        caseless = {item for item in exact if _caseless(item)}
        exact -= caseless
        any_case |= caseless
    classes = []
    if exact:
        classes.append(f"(?-i:[{''.join(sorted(exact))}])")
    if any_case:
        classes.append(f"(?i:[{''.join(sorted(any_case))}])")
    return f"(?={'|'.join(classes)})"


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Return ``pattern`` searched only from its first characters (same matches).

    On CPython 3.11 the characters (ranges included: « [A-Z] » after a look-behind) go in
    the program's search hint; elsewhere, or if the engine refuses the program, a few of
    them in a look-ahead in front of the pattern. A pattern whose first characters cannot
    be told, or that ``re`` already hints, is returned as it is.
    """
    if sys.version_info[:2] == HINTED_PYTHON:
        hint = first_characters(pattern, ranges=True)
        if hint is None:
            return pattern
        try:
            return _hinted(pattern, hint)
        except _AlreadyHinted:
            return pattern
        except Exception as exc:  # an unexpected program: the look-ahead form instead
            log.info("no search hint for a pattern (%s): look-ahead used", type(exc).__name__)
    lookahead = first_characters(pattern)
    if lookahead is None:
        return pattern
    source = pattern.pattern
    leading = _GLOBAL_FLAGS.match(source)  # global flags must stay at the very start
    head = leading.group() if leading else ""
    try:
        return re.compile(head + lookahead + source[len(head) :], pattern.flags & ~re.UNICODE)
    except re.error:  # a pattern this insertion does not fit: left as it is
        return pattern


class _AlreadyHinted(Exception):
    """``re`` gives the pattern a literal prefix or a first-character set of its own."""


def _hinted(pattern: re.Pattern[str], lookahead: str) -> re.Pattern[str]:
    """``pattern`` compiled as ``re`` does (``_compiler.compile``), its search hint the look-ahead's set,
    its alternations factored by first character (``regex_branches``)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    factor_branches(parsed, pattern.flags)
    code = sre_compile._code(parsed, pattern.flags)
    if code[0] != sre.INFO or code[2] & (sre.SRE_INFO_PREFIX | sre.SRE_INFO_CHARSET):
        raise _AlreadyHinted
    low, high = code[3], code[4]
    body = code[1 + code[1] :]  # the program after its INFO block
    charset, _cased = sre_compile._optimize_charset(_first_set(lookahead))
    info = [sre.INFO, 0, sre.SRE_INFO_CHARSET, low, high]
    sre_compile._compile_charset(charset, 0, info)
    info[1] = len(info) - 1  # the block's length after its own opcode, as ``_compile_info`` writes it
    return build_pattern(pattern.pattern, program_header(parsed, pattern.flags), info + body)


@cache
def _plane() -> str:
    """Every character of the Basic Multilingual Plane, once (about 10 ms)."""
    return "".join(map(chr, range(_PLANE)))


@cache
def _first_set(lookahead: str) -> list[tuple[Any, Any]]:
    """The characters ``lookahead`` accepts, as charset items (literals, and the digit category)."""
    if any(ord(char) >= _PLANE for char in lookahead):
        raise ValueError("a first character outside the Basic Multilingual Plane")
    accepted = re.compile(lookahead + "(?s:.)")
    items: list[tuple[Any, Any]] = [(sre.LITERAL, ord(char)) for char in accepted.findall(_plane())]
    if _DIGIT in lookahead:
        items.append((sre.CATEGORY, sre.CATEGORY_UNI_DIGIT))  # digits of the other planes too
    return items


def compile_gated(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` then ``gated``: the pattern of a recognizer that scans whole texts."""
    return gated(re.compile(source, flags))
