"""Undo the invisible Unicode that Word, Outlook, PDFs and JSON put into French text.

Detection runs on a normalised copy of each text; the spans found there are mapped
back to the original offsets, so the whole original value is replaced, invisible
characters included (« D\\u200bupont » is one name, not « D » plus « upont »).

What changes, one original character (or escape) at a time:

- no-break and typographic spaces (U+00A0, U+202F, U+2000-U+200A, U+3000) become a space;
- zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and the soft hyphen (U+00AD)
  are removed;
- Unicode hyphens (U+2010, U+2011) become « - »;
- fullwidth and small forms (« ０６ », « ＠ », « ﹫ ») become their ASCII letters under NFKC;
- JSON/Python escapes ``\\uXXXX`` of a letter, digit, ``@`` or space become that character
  (``"H\\u00e9l\\u00e8ne"`` from ``json.dumps``);
- a word cut at a line end (« Du-» then « pont » on the next line, OCR and narrow columns)
  is joined when the next line goes on in lower case.

Sources: Unicode Standard Annex #15 (NFKC) and the Unicode character database
(general categories Zs and Cf) for the characters listed above.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

_SPACES = "\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u3000"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_HYPHENS = "\u2010\u2011"
_FULLWIDTH = "\uff01-\uff5e\ufe6b"
# a word cut at the end of a line by OCR or a narrow column: « Du-\npont »
_CUT_WORD = r"(?<=[a-zà-öø-ÿA-ZÀ-ÖØ-Þ])-[ \t]*\r?\n[ \t]*(?=[a-zà-öø-ÿ])"
_TOUCHED = re.compile(rf"[{_SPACES}{_INVISIBLE}{_HYPHENS}{_FULLWIDTH}]|\\u[0-9a-fA-F]{{4}}|{_CUT_WORD}")


@dataclass(frozen=True)
class NormalisedText:
    """A normalised copy of ``original`` and the way back to the original offsets.

    ``starts[i]`` is the original offset of normalised character ``i``, ``ends[i]`` the
    original offset just after it; both are ``None`` when nothing changed.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` (``end > start``) to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def normalised_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the original span ``[start, end)`` to the normalised text (the characters it kept)."""
        if self.starts is None:
            return start, end
        return bisect_left(self.starts, start), bisect_left(self.starts, end)


def _replacement(piece: str) -> str:
    """The normalised form of one original character or ``\\uXXXX`` escape."""
    if piece.startswith("-"):  # a word cut across a line
        return ""
    if len(piece) == 6 and piece.startswith("\\u"):  # \uXXXX
        char = chr(int(piece[2:], 16))
        keep = char.isalnum() or char in "@ .-'’" or char in _SPACES or char in _INVISIBLE
        return _replacement(char) if keep else piece
    if piece in _SPACES:
        return " "
    if piece in _INVISIBLE:
        return ""
    if piece in _HYPHENS:
        return "-"
    return unicodedata.normalize("NFKC", piece)


def normalise(text: str) -> NormalisedText:
    """Return the normalised copy of ``text`` with its offset map (no map when nothing changed)."""
    if _TOUCHED.search(text) is None:
        return NormalisedText(text, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for match in _TOUCHED.finditer(text):
        for index in range(cursor, match.start()):
            starts.append(index)
            ends.append(index + 1)
        pieces.append(text[cursor : match.start()])
        replacement = _replacement(match.group())
        pieces.append(replacement)
        starts.extend([match.start()] * len(replacement))
        ends.extend([match.end()] * len(replacement))
        cursor = match.end()
    for index in range(cursor, len(text)):
        starts.append(index)
        ends.append(index + 1)
    pieces.append(text[cursor:])
    return NormalisedText(text, "".join(pieces), tuple(starts), tuple(ends))


def normalised(text: str) -> str:
    """Return only the normalised copy of ``text`` (to compare two writings of one value)."""
    return normalise(text).text
