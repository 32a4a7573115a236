"""Factor a parsed pattern's alternations by their first character, as a trie: same matches, fewer tries.

Our recognizers and the charter's rules are lists of words ignoring case
(``(?i:rue|r\\.|avenue|av\\.?|bd|boulevard|…)``). CPython's engine tries the alternatives
of a branch one after the other, and skips one on its first character in C only when
that character is matched case-sensitively (``SRE_OP_BRANCH`` in CPython 3.11
``Modules/_sre/sre_lib.h``): ignoring case, each of fifty alternatives is entered at
every word start. Rewritten as ``r(?:ue|\\.)|a(?:venue|v\\.?)|b(?:d|oulevard)|…`` (and so on
down the words), a word start enters one alternative per level.

Why the matches do not change. The engine takes the first alternative, in order, with
which the whole pattern matches. Two alternatives whose first characters cannot match
the same character (``r`` and ``a``; ignoring case, ``s`` and ``t`` but not ``s`` and
``ſ``, which ``re`` folds together) never both start a match at one position, so their
relative order does not matter; alternatives sharing a first character keep their order.
Only runs of consecutive alternatives that open on a literal are regrouped: any other
alternative stays where it is, with the order around it. Groups keep their numbers.
Look-arounds and conditional groups are left as they are, and so are alternatives whose case
is ignored in ASCII or locale mode (``(?ai:...)``).

Works on the parse tree of CPython 3.11's ``re._parser`` (``regex_gate`` uses it on
that interpreter only); the engine validates the program compiled from it.
"""

from __future__ import annotations

import _sre
from re import _casefix  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_TYPE_FLAGS = sre.SRE_FLAG_ASCII | sre.SRE_FLAG_LOCALE | sre.SRE_FLAG_UNICODE
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def factor_branches(pattern: Any, flags: int) -> None:
    """Rewrite, in place, every alternation of ``pattern`` (a ``re._parser.SubPattern``) as a trie."""
    data = pattern.data
    for index, (op, av) in enumerate(data):
        if op is sre.BRANCH:
            for alternative in av[1]:
                factor_branches(alternative, flags)
            data[index] = (sre.BRANCH, (None, _trie(pattern.state, av[1], flags)))
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            factor_branches(inner, _combined(flags, add_flags, del_flags))
        elif op in _REPEATS:
            factor_branches(av[2], flags)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            factor_branches(av, flags)


def _combined(flags: int, add_flags: int, del_flags: int) -> int:
    """The flags inside ``(?add-del:...)``, as ``re._compiler._combine_flags`` combines them
    (a type flag, ``a`` or ``L``, replaces the others)."""
    if add_flags & _TYPE_FLAGS:
        flags &= ~_TYPE_FLAGS
    return (flags | add_flags) & ~del_flags


def _first_key(item: tuple[Any, Any], flags: int) -> tuple[str, Any] | None:
    """What a literal first item matches: one character, or ignoring case its ``re`` fold class.

    None (the alternative is not regrouped) when case is ignored in ASCII or locale mode
    (``(?ai:...)``), where ``re`` folds otherwise than Unicode does."""
    op, av = item
    if op is not sre.LITERAL:
        return None
    if flags & sre.SRE_FLAG_IGNORECASE and flags & _TYPE_FLAGS & ~sre.SRE_FLAG_UNICODE:
        return None
    if flags & sre.SRE_FLAG_IGNORECASE and _sre.unicode_iscased(av):
        lower = _sre.unicode_tolower(av)
        return ("fold", frozenset((lower, *_casefix._EXTRA_CASES.get(lower, ()))))
    return ("exact", av)


def _trie(state: Any, alternatives: list[Any], flags: int) -> list[Any]:
    """The alternatives, each run of literal-first ones grouped by first character (recursively)."""
    result: list[Any] = []
    run: list[Any] = []

    def close_run() -> None:
        groups: dict[tuple[str, Any] | None, list[Any]] = {}  # None never: a run opens on literals
        for alternative in run:  # dicts keep insertion order: groups in order of first appearance
            groups.setdefault(_first_key(alternative.data[0], flags), []).append(alternative)
        for members in groups.values():
            if len(members) == 1:
                result.append(members[0])
                continue
            rests = [sre_parse.SubPattern(state, list(member.data[1:])) for member in members]
            branch = (sre.BRANCH, (None, _trie(state, rests, flags)))
            result.append(sre_parse.SubPattern(state, [members[0].data[0], branch]))
        run.clear()

    for alternative in alternatives:
        if alternative.data and _first_key(alternative.data[0], flags) is not None:
            run.append(alternative)
        else:
            close_run()
            result.append(alternative)
    close_run()
    return result
