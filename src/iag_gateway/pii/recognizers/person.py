"""People's names as French administrative text writes them.

Rules, walked over word tokens: a title (M., Mme, Dr, Pr...) followed by name
words; a known given name next to a surname in either order (``Jean DUPONT``,
``DUPONT Jean``, ``Dupont Jean``), compound given names and particles
(de, Le, Da); an initial (``J. Martin``); a surname in capitals followed by
given names; lower-case ``jean dupont`` typed in a hurry; the names in e-mail
headers (From:/De:/À:) and signatures.
"""

from __future__ import annotations

import re
from typing import ClassVar, NamedTuple

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.fr.stop_words import STOP_WORDS

from iag_gateway.pii.lexicon import (
    ACRONYMS,
    AMBIGUOUS_FIRST_NAMES,
    COMPANY_WORDS,
    FAMILY_NAMES_FIRST,
    NAME_PARTICLES,
    NOT_SURNAMES,
    PARTICLE_WORDS,
    TITLES,
    fold,
)
from iag_gateway.pii.name_words import (
    TITLE,
    is_given_name,
    opens_hurried_name,
    surname_like,
    token_shape,
)
from iag_gateway.regex_gate import compile_gated

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # cap | up | init | particle | lower | other


class PersonRecognizer(LocalRecognizer):
    """Find people's names with French writing rules and a given-name lexicon."""

    ENTITY = "PERSON"
    SCORE = 0.85
    TOKEN: ClassVar[re.Pattern[str]] = re.compile(rf"[{_LETTER}]+(?:['’\-][{_LETTER}]+)*\.?")
    TITLE: ClassVar[re.Pattern[str]] = TITLE
    PARTICLES: ClassVar[frozenset[str]] = NAME_PARTICLES
    NAME_GAP: ClassVar[re.Pattern[str]] = re.compile(r"[ ]{1,3}")  # never a tab: cells are apart
    HEADER: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?im)^[ \t>]*(?:from|to|cc|bcc|de|à|a|cci|exp[ée]diteur|destinataire|envoy[ée] par|sent by|"
        r"reply-to|r[ée]pondre à)[ \t]*:[ \t]*(?P<value>[^\n]+)$"
    )
    HEADER_NAME: ClassVar[re.Pattern[str]] = re.compile(
        rf"(?P<name>[\"']?[{_LETTER}][{_LETTER}'’\-. ]{{1,60}}?[\"']?)\s*(?=<|\[|\(|;|,|$)"
    )
    SIGN_OFF: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?im)^[ \t]*(?:bien\s+)?(?:cordialement|bien à vous|salutations|sincères salutations|"
        r"best regards|kind regards|regards|best|thanks|merci|bonne journée)[ \t]*[,.!]?[ \t]*\n"
        rf"[ \t]*(?P<value>[{_UPPER}][{_LETTER}'’\-.]*(?:[ \t]+[{_LETTER}][{_LETTER}'’\-.]*){{1,3}})[ \t]*$"
    )

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language="fr", name="PersonRecognizer")

    def load(self) -> None:
        """Nothing to load: lexicons are module constants."""

    # -- tokens ---------------------------------------------------------------
    def _tokens(self, text: str) -> list[_Token]:
        # the loop runs for every word of every text: names looked up once, tuples built in C
        tokens: list[_Token] = []
        append = tokens.append
        make = tuple.__new__
        length = len(text)
        for match in self.TOKEN.finditer(text):
            start = match.start()
            word, kind = token_shape(match.group())
            end = start + len(word)
            # glued to a digit, a letter is part of a code (« C25-004519 », « 0693456K »), not a name
            if (start > 0 and text[start - 1].isdigit()) or (end < length and text[end].isdigit()):
                kind = "other"
            append(make(_Token, (start, end, word, kind)))
        return tokens

    def _adjacent(self, text: str, left: _Token, right: _Token) -> bool:
        return self.NAME_GAP.fullmatch(text, left.end, right.start) is not None

    def _surname_run(self, text: str, tokens: list[_Token], i: int, limit: int = 3) -> int:
        """Return the index after the run of surname tokens starting at ``i`` (``i`` if none)."""
        j = i
        taken = 0
        while j < len(tokens) and taken < limit:
            if j > i and not self._adjacent(text, tokens[j - 1], tokens[j]):
                break
            token = tokens[j]
            if (
                token.kind == "particle"
                and j + 1 < len(tokens)
                and self._adjacent(text, token, tokens[j + 1])
            ):
                nxt = tokens[j + 1]
                if nxt.kind in ("cap", "up") and fold(nxt.text) not in NOT_SURNAMES:
                    j += 2
                    taken += 1
                    continue
                if nxt.kind == "particle" and j + 2 < len(tokens) and tokens[j + 2].kind in ("cap", "up"):
                    j += 3
                    taken += 1
                    continue
                break
            if token.kind in ("cap", "up") and surname_like(token.text):
                j += 1
                taken += 1
                continue
            break
        return j

    def _company_follows(self, text: str, tokens: list[_Token], j: int) -> bool:
        return (
            j < len(tokens)
            and fold(tokens[j].text) in COMPANY_WORDS
            and self._adjacent(text, tokens[j - 1], tokens[j])
        )

    # -- rules ----------------------------------------------------------------
    def _token_rules(self, text: str) -> list[tuple[int, int]]:
        tokens = self._tokens(text)
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            # most words open no name: skipped here as ``_match_at`` would skip them, without the calls
            if token.kind == "other" or (token.kind == "lower" and not opens_hurried_name(token.text)):
                i += 1
                continue
            end = self._match_at(text, tokens, i)
            if end > i:
                spans.append((token.start, tokens[end - 1].end))
                i = end
                continue
            i += 1
        return spans

    def _match_at(self, text: str, tokens: list[_Token], i: int) -> int:
        """Return the index after the name starting at token ``i`` (``i`` when none starts there).

        ``_token_rules`` does not call it on a word no rule opens a name on (kind ``other``, or
        a lower-case word that is no given name)."""
        kind = tokens[i].kind
        if kind == "lower":  # only a hurried « jean dupont » opens on a lower-case word
            return self._lowercase_pair(text, tokens, i)
        for rule in (
            self._initial_then_surname,
            self._given_then_surname,
            self._capital_surname_then_given,
            self._surname_then_given,
            self._family_name_first,
        ):
            end = rule(text, tokens, i)
            if end > i:
                return end
        return i

    def _initial_then_surname(self, text: str, tokens: list[_Token], i: int) -> int:
        """J. Martin (but not « B. Braun Medical »)."""
        if tokens[i].kind != "init" or i + 1 >= len(tokens):
            return i
        if not self._adjacent_or_tight(text, tokens[i], tokens[i + 1]):
            return i
        end = self._surname_run(text, tokens, i + 1)
        return end if end > i + 1 and not self._company_follows(text, tokens, end) else i

    def _given_then_surname(self, text: str, tokens: list[_Token], i: int) -> int:
        """Jean Dupont, Jean DUPONT, Marie-Claire de La Tour, Jean Pierre Lenoir."""
        token = tokens[i]
        if token.kind not in ("cap", "up") or not is_given_name(token.text):
            return i
        if token.kind == "up" and fold(token.text) in AMBIGUOUS_FIRST_NAMES:
            return i
        start = i + 1
        nxt = tokens[start] if start < len(tokens) else None
        # a second given name before the surname
        if (
            nxt is not None
            and nxt.kind == "cap"
            and is_given_name(nxt.text)
            and self._adjacent(text, token, nxt)
        ):
            start = i + 2 if self._surname_run(text, tokens, i + 2) > i + 2 else i + 1
        if start >= len(tokens) or not self._adjacent(text, tokens[start - 1], tokens[start]):
            return i
        end = self._surname_run(text, tokens, start, limit=2)
        return end if end > start and not self._company_follows(text, tokens, end) else i

    def _capital_surname_then_given(self, text: str, tokens: list[_Token], i: int) -> int:
        """DUPONT Jean, LE GOFF Anne Marie (a lower-case « de » before capitals is the preposition)."""
        token = tokens[i]
        if not (token.kind == "up" or (token.kind == "particle" and not token.text.islower())):
            return i
        end = i
        while (
            end < len(tokens)
            and end - i < 3
            and tokens[end].kind in ("up", "particle")
            and (end == i or self._adjacent(text, tokens[end - 1], tokens[end]))
        ):
            end += 1
        if end >= len(tokens) or tokens[end - 1].kind != "up":
            return i
        first = tokens[end]
        if first.kind != "cap" or not self._adjacent(text, tokens[end - 1], first):
            return i
        if not (is_given_name(first.text) or surname_like(first.text)):
            return i
        # a two-letter capital word before an unknown one is a code (« GP Guardrails »), not « LE Anne »
        if end - i == 1 and len(token.text) <= 2 and not is_given_name(first.text):
            return i
        stop = end + 1
        if (
            stop < len(tokens)
            and tokens[stop].kind == "cap"
            and self._adjacent(text, first, tokens[stop])
            and is_given_name(tokens[stop].text)
        ):
            stop += 1
        return i if self._company_follows(text, tokens, stop) else stop

    def _surname_then_given(self, text: str, tokens: list[_Token], i: int) -> int:
        """Dupont Jean, but not « Appelez Bruno Castel » (there the given name opens the name)."""
        token = tokens[i]
        if token.kind != "cap" or not surname_like(token.text) or i + 1 >= len(tokens):
            return i
        nxt = tokens[i + 1]
        if nxt.kind != "cap" or not is_given_name(nxt.text) or not self._adjacent(text, token, nxt):
            return i
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if after is not None and after.kind in ("cap", "up") and self._adjacent(text, nxt, after):
            return i
        return i if self._company_follows(text, tokens, i + 2) else i + 2

    def _family_name_first(self, text: str, tokens: list[_Token], i: int) -> int:
        """Nguyen Van Long, Zhao Lifen, TANAKA Yui: an East-Asian family name, then one or two names."""
        token = tokens[i]
        if token.kind not in ("cap", "up") or fold(token.text) not in FAMILY_NAMES_FIRST:
            return i
        end = i + 1
        while (
            end < len(tokens)
            and end - i <= 2
            and self._adjacent(text, tokens[end - 1], tokens[end])
            and tokens[end].text[0].isupper()
            and tokens[end].kind in ("cap", "up", "particle")
            and surname_like(tokens[end].text)
            and tokens[end].text not in ACRONYMS
        ):
            end += 1
        if end == i + 1 or self._company_follows(text, tokens, end):
            return i
        return end

    def _lowercase_pair(self, text: str, tokens: list[_Token], i: int) -> int:
        """jean dupont typed in a hurry: a known, unambiguous given name then a non-stop word."""
        token = tokens[i]
        if token.kind != "lower" or i + 1 >= len(tokens) or not opens_hurried_name(token.text):
            return i
        nxt = tokens[i + 1]
        if nxt.kind != "lower" or not self._adjacent(text, token, nxt):
            return i
        if len(nxt.text) < 3 or nxt.text in STOP_WORDS or fold(nxt.text) in NOT_SURNAMES:
            return i
        return i + 2

    def _adjacent_or_tight(self, text: str, left: _Token, right: _Token) -> bool:
        return left.end == right.start or self._adjacent(text, left, right)

    _NAME_WORD: ClassVar[str] = (
        rf"(?:(?i:d['’]|(?:{PARTICLE_WORDS})(?:\s+(?:{PARTICLE_WORDS}))?\s+))?"
        rf"(?:[{_UPPER}][{_LETTER}]*(?:['’\-][{_LETTER}]+)*)"
    )
    _TITLED: ClassVar[re.Pattern[str]] = compile_gated(
        rf"(?<![\w])(?:{TITLES})(?:\s+(?:le|la)\s+(?:Dr\.?|Pr\.?|Docteur|Professeur)\.?)?"
        rf"(?:\s+(?:veuve|vve|[ée]pouse|ép\.))?(?:\s+|(?<=\.))"
        rf"(?P<name>(?:[{_UPPER}]\.(?:-?[{_UPPER}]\.)?\s?)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
    )

    # text typed or pasted in capitals: « MME SOPHIANE EL KHOURY ATTEND LE BON DE COMMANDE »
    _CAPS_TITLED: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?<![\w])(?:MME|MLLE|MR|M\.|DR\.?|PR\.?|MADAME|MONSIEUR|DOCTEUR|PROFESSEUR)[ \t]+"
        rf"(?P<name>[{_UPPER}][{_UPPER}'’\-]*(?:[ \t]+[{_UPPER}][{_UPPER}'’\-]*){{0,4}})(?![\w])"
    )

    def _caps_titled(self, text: str) -> list[tuple[int, int]]:
        """Keep two name words after a capital title (three when the first two are given names)."""
        spans = []
        for match in self._CAPS_TITLED.finditer(text):
            words = list(re.finditer(r"\S+", match.group("name")))
            taken, wanted, last = 0, 2, None
            for index, word in enumerate(words):
                folded = fold(word.group())
                if folded in STOP_WORDS and folded not in self.PARTICLES:
                    break
                if folded in NOT_SURNAMES or word.group() in ACRONYMS:
                    break
                if folded in self.PARTICLES:
                    continue
                if (
                    index == 1
                    and taken == 1
                    and is_given_name(words[0].group())
                    and is_given_name(word.group())
                ):
                    wanted = 3
                taken += 1
                last = word
                if taken == wanted:
                    break
            if last is not None:
                spans.append((match.start("name"), match.start("name") + last.end()))
        return spans

    def _titled(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in self._TITLED.finditer(text):
            start, end = match.span("name")
            words = text[start:end].split()
            while words and (fold(words[-1]) in NOT_SURNAMES or fold(words[-1]) in COMPANY_WORDS):
                words.pop()
            head = next((w for w in words if fold(w) not in self.PARTICLES), "")
            if not words or not head or fold(head.rstrip(".")) in NOT_SURNAMES:
                continue
            spans.append((start, start + len(" ".join(words)) if "\n" not in text[start:end] else end))
        return spans

    def _headers(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for line in self.HEADER.finditer(text):
            offset = line.start("value")
            for match in self.HEADER_NAME.finditer(line.group("value")):
                name = match.group("name").strip().strip("\"'")
                if not self._looks_like_name(name):
                    continue
                start = offset + match.start("name") + match.group("name").index(name)
                spans.append((start, start + len(name)))
        for match in self.SIGN_OFF.finditer(text):
            if self._looks_like_name(match.group("value")):
                spans.append(match.span("value"))
        return spans

    def _looks_like_name(self, value: str) -> bool:
        words = value.split()
        if not 1 <= len(words) <= 4 or "@" in value:
            return False
        if not surname_like(words[0].rstrip(".")) or any(word in ACRONYMS for word in words):
            return False
        # a lone short capital word in a header is a team or a service (« To: URC »), not a person
        if len(words) == 1 and value.isupper() and len(value) <= 4:
            return False
        return all(word[0].isupper() or fold(word) in self.PARTICLES for word in words)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Apply every rule; overlapping person spans are merged later by the engine."""
        spans = self._token_rules(text) + self._titled(text) + self._caps_titled(text) + self._headers(text)
        return [RecognizerResult(self.ENTITY, start, end, self.SCORE) for start, end in spans if end > start]
