"""The people a call has named in full, so that a part of a name met alone elsewhere in it is masked.

A conversation names someone once in full (« Solène Kerbrat a appelé ») and then by a part
of the name alone, in a later message (« Rappelle Kerbrat demain »), in a ``stop`` string
(« Kerbrat ») or in a tool's arguments: a word no rule can tell from an ordinary capitalised
word once it stands alone in its own text. ``name_echoes`` masks such mentions within the
text that names the person; ``NamedPeople`` carries the names over to the other texts of the
same call (one per ``Pseudonymizer``, in memory for that call only), and gives a lone part the
placeholder of the one person it names, so that the model reads « <PERSONNE_1> » for her
throughout instead of a second person.

A name given by a title and a surname (« Mme Lagadec ») names her too, when a rule found it.
A part is searched for as written and in capitals (« Kerbrat », « KERBRAT »; a name written in
capitals, « KERBRAT Solène », is also searched for as « Kerbrat »), and in lowercase
(« kerbrat », « solene ») unless that is a French word (« petit » after « Julien Petit »:
``name_echoes.searched_forms``), as a whole word. Particles,
titles and common words (``name_echoes.name_words``) are never searched for alone; a part
shared by two people named in the call (two Kerbrat) is masked as a person of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from iag_gateway.pii.french_words import FrenchWords
from iag_gateway.pii.name_echoes import name_words, searched_forms, word_mentions


class NamedPeople:
    """Parts of the names given in full so far in one call, and the placeholder of each person."""

    __slots__ = ("_owners", "_words")

    def __init__(self, words: FrenchWords | None = None) -> None:
        self._owners: dict[str, set[str]] = {}  # a written form of a part -> placeholders of its people
        self._words = words  # French word forms: a lowercase part that is one is not searched for

    @staticmethod
    def _searched_words(name: str, *, firm: bool) -> set[str]:
        """The words of ``name`` searched for elsewhere: none when it names no one (see ``add``)."""
        words, distinctive = name_words(name)
        return distinctive if len(words) >= 2 or firm else set()

    @classmethod
    def names_someone(cls, name: str, *, firm: bool) -> bool:
        """Whether ``name`` names a person whose parts are searched for elsewhere (see ``add``)."""
        return bool(cls._searched_words(name, firm=firm))

    def add(self, name: str, placeholder: str, *, firm: bool) -> None:
        """Remember ``name`` (a person's name as detected) under ``placeholder``, if it names someone.

        ``firm``: a rule found it (a title, a field, a header: « Mme Lagadec », « Nom : Lagadec »),
        not the statistical model's guess alone nor a mention of another name. A name of one
        word that is not firm names no one: its word is not searched for elsewhere.
        """
        for word in self._searched_words(name, firm=firm):
            for form in searched_forms(word, self._words):
                self._owners.setdefault(form, set()).add(placeholder)

    def owner(self, value: str) -> str | None:
        """The placeholder of the one person named whose name holds every distinctive word of ``value``.

        « Kerbrat », « Le Bihan » or « KERBRAT Solène » after « Solène Kerbrat »: her placeholder;
        « Jean Kerbrat » (a word of nobody's name) or « Kerbrat » shared by two people: ``None``.
        """
        words, distinctive = name_words(value)
        # a lowercase mention (« kerbrat ») is one of the forms searched for, not a distinctive word
        searched = distinctive | {word for word in words if word in self._owners}
        if not searched:
            return None
        found: set[str] = set()
        for word in searched:
            owners = self._owners.get(word)
            if owners is None or len(owners) != 1:
                return None
            found |= owners
        return next(iter(found)) if len(found) == 1 else None

    def mentions(self, text: str, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Spans of ``text`` where a part of a name given in full stands, outside ``taken``."""
        return word_mentions(text, self._owners, taken)
