"""Find where the end of a growing text may still turn out to be personal data.

A streamed answer is shown as it arrives, so the scan must know which of its last
words are settled: no value found in the whole answer later can start before them.
A value only ever runs over words that can belong to one (the recognizers' own
alphabet): words with a digit (phones, NIR, IBAN, IPP, dates, postcodes), an « @ »
or an inner dot (e-mail), a capital (names, streets, cities, IBAN country), a given
name even in lower case (« jean dupont »), punctuation alone (« : », « / », « ( »),
and the small words inside names, addresses, dates and dictated numbers (« de »,
« rue », « mars », « zéro »), which only carry on a run, never open one. So the
tail held back is the unfinished last word plus the run of such words before it;
the first ordinary word after a run closes it. An e-mail written out (« dupont
[at] chu dot fr ») also takes the word before its « [at] » (so the last word is held
until the next one starts), and a building name (« bâtiment nord, 12 rue... ») the
few words after it.

Word lists below are the recognizers' (``pii/recognizers``: person titles and
particles, street types, months, number words, e-mail spellings), in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iag_gateway.pii.lexicon import FIRST_NAMES, NAME_PARTICLES, NOT_SURNAMES, fold
from iag_gateway.pii.placeholders import PLACEHOLDER

_WORD = re.compile(r"\S+")
_EDGES = "\"'«»“”‘’()[]{}*_`.,;:!?-–—/|<>"


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


# lower-case words that may start a value (titles, dictated numbers, street types, buildings)
OPENERS = _words(
    "m mm mr mrs ms mme mmes mlle mlles madame monsieur mademoiselle messieurs dr drs docteur docteure "
    "pr prof professeur professeure me maître sir miss doctor veuve vve épouse ép "
    "zéro zero plus premier né née nés nées naissance naiss born dob birth birthdate birthday "
    "rue r av avenue bd boulevard blvd cours quai place pl chemin ch allée impasse imp route rte montée "
    "passage square rond-point voie sentier cité résidence résid hameau lieu-dit lieudit ld faubourg fbg "
    "parvis esplanade promenade villa chaussée clos domaine lotissement mail quartier rampe ruelle "
    "traverse venelle sente côte carrefour bâtiment bât immeuble appartement appt app escalier esc"
)
# lower-case words that only carry on a run: particles, connectors, months, numbers, e-mail words
CONNECTORS = (
    NAME_PARTICLES
    | OPENERS
    | _words(
        "de du des la le les l d et and ou aux au sur sous en lès bis ter quater cedex bp cs f "
        "clé cle key n° no numéro num "
        "janvier janv février févr fév mars avril avr mai juin juillet juil août septembre sept octobre "
        "oct novembre nov décembre déc january jan february feb march mar april apr may june jun july "
        "jul august aug september sep october november december dec er st nd rd th "
        "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
        "vingt vingts trente quarante cinquante soixante cent cents mil mille "
        "at dot point pt arobase chez"
    )
)
# the word before these is an e-mail's local part: « dupont [at] chu-exemple.fr », « dupont arobase »
_AT_MARKERS = ("[at]", "(at)", "{at}", "<at>", "[@]", "(@)", "(arobase)", "[arobase]", "[chez]", "(chez)")
_AT_WORDS = frozenset({"arobase"})
_LOCAL_END = re.compile(r"[\w!#$%&'*+/=?^`{|}~-]$")  # a word that may end an e-mail's local part
# after these, the next word is the domain still being written: « chu [dot] fr », « chu point fr »
_DOT_WORDS = frozenset({"dot", "point", "pt"})
# a building named before its street number takes up to this many words after it
_BUILDINGS = _words("résidence résid bâtiment bât immeuble appartement appt app escalier esc")
_BUILDING_REACH = 5


def _core(word: str) -> str:
    return word.strip(_EDGES)


def _is_placeholder(word: str) -> bool:
    """A placeholder we issued (« <PERSONNE_1>, »): settled, it can grow into no new value."""
    match = PLACEHOLDER.search(word)
    return match is not None and not _core(word[: match.start()] + word[match.end() :])


def _opens(word: str) -> bool:
    """Tell whether a complete word may be the first of a value."""
    core = _core(word)
    if not core:
        return True  # punctuation alone: « : » before a name, « / » in a date, « ( » around a nickname
    if _is_placeholder(word):
        return False
    if word.endswith((":", "=")) or re.search(r"\w[._]\w", core):
        return True  # a field label (« nom: »), an e-mail's dotted local part
    folded = fold(core)
    if folded in OPENERS or folded.startswith(("d'", "l'", "d’", "l’")) or _given(folded):
        return True
    if core[0].isupper() and core[1:].islower() and folded in NOT_SURNAMES and folded not in NAME_PARTICLES:
        return False  # « Bonjour », « Merci », « Pour »: never a name's first word (« Le Goff » is)
    return any(char.isdigit() or char.isupper() for char in core) or any(char in core for char in "@;|")


def _given(folded: str) -> bool:
    parts = [part for part in folded.split("-") if part]
    return bool(parts) and all(part in FIRST_NAMES for part in parts)


def _carries_on(word: str) -> bool:
    folded = fold(_core(word))
    parts = [part for part in folded.split("-") if part]  # « quatre-vingt-treize », « rond-point »
    return (
        folded in CONNECTORS
        or folded in NOT_SURNAMES
        or (bool(parts) and all(part in CONNECTORS for part in parts))
        or fold(word) in _AT_MARKERS
    )


def _at_marker(word: str, *, complete: bool) -> bool:
    """Tell whether ``word`` is (or, still arriving, may become) the « @ » of an e-mail written out."""
    folded = fold(word)
    if complete:
        return folded in _AT_MARKERS or fold(_core(word)) in _AT_WORDS
    if folded[:1] in "[({<":
        return any(marker.startswith(folded) for marker in _AT_MARKERS)
    return any(at.startswith(folded) for at in _AT_WORDS)


@dataclass(frozen=True)
class OpenTail:
    """``text[start:]`` may still grow into personal data; ``plain``: no word before it can be any."""

    start: int
    plain: bool


def open_tail(text: str, start: int = 0) -> OpenTail:
    """Find where the end of ``text`` may still grow into personal data (``len(text)`` if nowhere).

    Only ``text[start:]`` is looked at (what is not shown yet). ``plain`` says that every word
    of ``text[start:hold]`` is an ordinary word or a placeholder, so that no value can lie there.
    """
    words = list(_WORD.finditer(text, start))
    if not words:
        return OpenTail(len(text), plain=True)
    complete_end = text[-1].isspace()
    linked: list[bool] = []
    building_reach = -1  # words up to this index belong to a building's name still being written
    for index, match in enumerate(words):
        word = match.group()
        # a word ending a clause (« Bonjour, ») is over; a dot may still be a domain's or a decimal's
        complete = complete_end or index < len(words) - 1 or word[-1] in ",;!?"
        before = linked[index - 1] if index else False
        previous = fold(_core(words[index - 1].group())) if index else ""
        gap = text[words[index - 1].end() if index else start : match.start()]
        if not complete or index <= building_reach or "\t" in gap:
            linked.append(True)  # an unfinished word may become anything; a cell may be a column's
        elif _at_marker(word, complete=True):
            linked.append(True)
        else:
            after_marker = (
                previous in _DOT_WORDS
                or previous in _AT_WORDS
                or (index > 0 and fold(words[index - 1].group()) in _AT_MARKERS)
            )
            linked.append(_opens(word) or (before and (_carries_on(word) or after_marker)))
        if index and _at_marker(word, complete=complete):
            linked[index - 1] = True  # the local part before an « [at] »
        if complete and fold(_core(word)) in _BUILDINGS:
            building_reach = index + _BUILDING_REACH
    if complete_end and _LOCAL_END.search(words[-1].group()):
        linked[-1] = True  # the next word may be the « arobase » or « [at] » of an e-mail written out
    first_held = len(words)
    while first_held and linked[first_held - 1]:
        first_held -= 1
    hold = words[first_held].start() if first_held < len(words) else len(text)
    return OpenTail(hold, plain=not any(linked[:first_held]))
