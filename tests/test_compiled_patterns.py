"""The stored programs of large patterns: the same pattern as a fresh compile, or a fresh compile."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import pytest

from iag_gateway.compiled_patterns import entry_path, stored_programs

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="mirrors CPython 3.11's re compiler")

# Large enough to be stored with min_length=1000, with named groups, flags and classes.
ALTERNATIVES = [f"(?P<w{n}>^pre{n}[-‐][a-zà-ÿ\u0153]+(?:-[a-z]+)?$)" for n in range(60)]
PATTERN = "(?iu)" + "|".join(ALTERNATIVES)
SAMPLES = ["PRE7-été", "pre12‐abc-def", "pre3", "Pre59-œuvre", "pré7-x", "pre60-a", "pre1-É"]


def _fresh(pattern: str, flags: int = 0) -> re.Pattern[str]:
    re.purge()
    return re.compile(pattern, flags)


def test_when_compiled_twice_then_the_second_comes_from_disk_and_equals_a_fresh_compile(
    tmp_path: Path,
) -> None:
    fresh = _fresh(PATTERN)
    with stored_programs(tmp_path, min_length=1000):
        re.purge()
        first = re.compile(PATTERN)
        entry = entry_path(tmp_path, PATTERN, 0)
        written = entry.stat().st_mtime_ns
        re.purge()
        second = re.compile(PATTERN)
    assert entry.stat().st_mtime_ns == written  # read back, not compiled and written again
    assert first == fresh and second == fresh  # same text, flags and SRE code
    assert second.groupindex == fresh.groupindex and second.groups == fresh.groups
    for sample in SAMPLES:
        found, expected = second.match(sample), fresh.match(sample)
        assert (found and found.lastgroup) == (expected and expected.lastgroup), sample


def test_when_an_entry_is_corrupt_then_the_pattern_is_compiled_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with stored_programs(tmp_path, min_length=1000):
        re.purge()
        re.compile(PATTERN, re.MULTILINE)
    entry = entry_path(tmp_path, PATTERN, re.MULTILINE)
    raw = bytearray(entry.read_bytes())
    raw[-3] ^= 0xFF  # one flipped byte in the code
    entry.write_bytes(bytes(raw))
    with caplog.at_level(logging.WARNING), stored_programs(tmp_path, min_length=1000):
        re.purge()
        again = re.compile(PATTERN, re.MULTILINE)
    assert again == _fresh(PATTERN, re.MULTILINE)
    assert "digest mismatch" in caplog.text


def test_when_a_pattern_is_short_or_the_block_is_left_then_nothing_is_stored(tmp_path: Path) -> None:
    with stored_programs(tmp_path, min_length=1000):
        re.purge()
        re.compile("(?i)court[a-z]+")
    re.purge()
    re.compile(PATTERN)  # outside the block: re's own compiler
    assert list(tmp_path.iterdir()) == []


def test_when_the_directory_cannot_be_made_then_patterns_still_compile(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with stored_programs(blocker / "cache", min_length=1000):
        re.purge()
        assert re.compile(PATTERN) == _fresh(PATTERN)


def test_when_spacy_french_token_match_is_stored_then_it_equals_spacys_own(tmp_path: Path) -> None:
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    original: re.Pattern[str] = TOKEN_MATCH.__self__  # type: ignore[attr-defined]
    for _ in range(2):  # compile and store, then read back
        with stored_programs(tmp_path):
            re.purge()
            stored = re.compile(original.pattern)
    assert len(list(tmp_path.iterdir())) == 1
    assert stored == original
    for word in ("anti-inflammatoire", "Peut-être", "entr'abat", "saut-de-ski", "Dupont-Moretti", "bonjour"):
        assert bool(stored.match(word)) == bool(original.match(word)), word
