"""Masks and placeholders left in an answer read in words on the staff's web page."""

from __future__ import annotations

import json

import pytest

from iag_gateway.pii.placeholders import PLACEHOLDER_NAMES, READABLE_MASKS, mask, readable
from iag_gateway.web.views import readable_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Appelez le <TEL>.", "Appelez le [téléphone masqué]."),
        ("Écrire à <EMAIL> ou <PERSONNE>", "Écrire à [adresse électronique masquée] ou [nom masqué]"),
        ("<PERSONNE_2> a signé", "[nom masqué n° 2] a signé"),
        ("<PERSONNE_ et <TELEPHONE> restent", "<PERSONNE_ et <TELEPHONE> restent"),  # no mask
    ],
)
def test_when_answer_holds_masks_then_they_read_in_french_words(text: str, expected: str) -> None:
    assert readable(text) == expected


def test_when_any_label_is_masked_then_it_has_words() -> None:
    assert set(READABLE_MASKS) == set(PLACEHOLDER_NAMES)
    for label in PLACEHOLDER_NAMES:
        assert "<" not in readable(mask(label))


def test_when_a_streamed_chunk_holds_a_mask_then_the_event_reads_it_in_words() -> None:
    chunk = {"choices": [{"index": 0, "delta": {"content": "Tél. <TEL>."}}]}
    event = b"data: " + json.dumps(chunk).encode() + b"\n\n"
    payload = json.loads(readable_event(event)[len(b"data: ") :])
    assert payload["choices"][0]["delta"]["content"] == "Tél. [téléphone masqué]."
    assert readable_event(b"data: [DONE]\n\n") == b"data: [DONE]\n\n"
