"""The normalised copy the engine analyses, and the way back to the original offsets."""

from __future__ import annotations

import pytest

from iag_gateway.pii.normalise import normalise, normalised


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("06\u00a012\u00a034", "06 12 34"),  # no-break space
        ("06\u202f12\u2009ok", "06 12 ok"),  # narrow no-break and thin spaces
        ("D\u200bupont", "Dupont"),  # zero-width space
        ("Du\u00adpont", "Dupont"),  # soft hyphen
        ("\ufeffJean\u2060", "Jean"),  # byte-order mark, word joiner
        ("Jean\u2011Pierre", "Jean-Pierre"),  # non-breaking hyphen
        ("marie\uff20exemple.fr", "marie@exemple.fr"),  # fullwidth commercial at
        ("\uff10\uff16 12", "06 12"),  # fullwidth digits
        ("H\\u00e9l\\u00e8ne", "Hélène"),  # JSON escapes
        ("a\\u000ab", "a\\u000ab"),  # an escaped control character stays as written
        ("M. Du-\npont", "M. Dupont"),  # a word cut at the end of a line
        ("Jean-\nPierre", "Jean-\nPierre"),  # a capital on the next line: no cut word
        ("- un\n- deux", "- un\n- deux"),  # a list is no cut word
        ("Texte ordinaire, sans rien.", "Texte ordinaire, sans rien."),
    ],
)
def test_when_text_has_invisible_or_wide_characters_then_normalised_copy_is_plain(
    original: str, expected: str
) -> None:
    assert normalised(original) == expected


@pytest.mark.parametrize(
    ("original", "value"),
    [
        ("M. D\u200bupont est là", "Dupont"),
        ("M. Du\u00adpont est là", "Dupont"),
        ("Nom : Fran\\u00e7ois Lemaire.", "François Lemaire"),
        ("tél. \uff10\uff16\u00a012 34 56 78 !", "06 12 34 56 78"),
    ],
)
def test_when_span_is_mapped_back_then_it_covers_the_whole_original_value(original: str, value: str) -> None:
    norm = normalise(original)
    start = norm.text.index(value)
    begin, end = norm.original_span(start, start + len(value))
    assert normalised(original[begin:end]) == value
    assert original[begin:end] == original[begin:end].strip()


def test_when_nothing_changes_then_no_offset_map_is_built() -> None:
    norm = normalise("Jean Dupont, 06 12 34 56 78")
    assert norm.starts is None and norm.original_span(0, 4) == (0, 4)
