"""French word forms read from the installed spaCy model: a word is known, a name is not, and
the list is stored once in the cache directory and read back from there."""

from __future__ import annotations

from pathlib import Path

from iag_gateway.pii.engine import DEFAULT_MODEL
from iag_gateway.pii.french_words import FrenchWords


def test_words_and_their_inflections_are_known_and_rare_surnames_are_not(tmp_path: Path) -> None:
    words = FrenchWords._read(DEFAULT_MODEL, tmp_path)
    assert words.available and len(words) > 100_000
    for word in ("petit", "blanches", "marchand", "rose", "bureau", "will"):  # « will »: a stop word
        assert word in words, word
    for name in ("kerbrat", "solène", "kowalska", "quéméner", "nguyen"):
        assert name not in words, name
    assert 42 not in words


def test_the_list_is_stored_in_the_cache_directory_and_read_back_mapped(tmp_path: Path) -> None:
    first = FrenchWords._read(DEFAULT_MODEL, tmp_path)
    stored = list(tmp_path.glob("french-words-*.npy"))
    assert len(stored) == 1 and stored[0].stat().st_mode & 0o077 == 0
    again = FrenchWords._read(DEFAULT_MODEL, tmp_path)
    assert len(again) == len(first) and "petit" in again and "kerbrat" not in again
    assert not list(tmp_path.glob(".french-words-*"))  # no temporary file left


def test_an_unreadable_stored_list_is_computed_again(tmp_path: Path) -> None:
    FrenchWords._read(DEFAULT_MODEL, tmp_path)
    stored = next(tmp_path.glob("french-words-*.npy"))
    stored.write_bytes(b"not an array")
    assert "petit" in FrenchWords._read(DEFAULT_MODEL, tmp_path)


def test_a_model_without_lookups_gives_no_list_and_nothing_counts_as_known() -> None:
    words = FrenchWords.of_model("not_an_installed_model", None)
    assert not words.available and "petit" not in words
