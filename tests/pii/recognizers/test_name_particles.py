"""Surnames with particles, one or two, after a title or a field name: one list of particles
(``lexicon.NAME_PARTICLES``) for every name rule. Variants written here."""

from __future__ import annotations

import pytest

from iag_gateway.pii.engine import PiiEngine


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Merci de rappeler Mme van der Meulen avant midi.", "van der Meulen"),
        ("Le devis de M. van den Heuvel est arrivé.", "van den Heuvel"),
        ("Mme dos Reis a déposé son arrêt.", "dos Reis"),
        ("Courrier pour M. ter Steege, bâtiment B.", "ter Steege"),
        ("Dr von der Heyde en consultation", "von der Heyde"),
        ("Nom : das Neves Carla", "das Neves Carla"),
    ],
)
def test_a_surname_with_one_or_two_particles_is_found_whole(engine: PiiEngine, text: str, name: str) -> None:
    found = [text[e.start : e.end] for e in engine.analyze(text) if e.label == "PERSON"]
    assert any(name in value for value in found), found
