"""A streamed answer is shown word by word, and personal data the model produced never is.

Each case streams an invented value inside an ordinary sentence, cut at every point
around the value, character by character, and at cut points hypothesis picks. What is
shown only ever grows, so it suffices that the whole of it equals the unstreamed scan
of the same answer (value masked) and holds no piece of the value; a value the rules
refuse (NIR, patient id) stops the stream before any of its digits is shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iag_gateway.errors import PolicyDenied
from iag_gateway.exchange import Exchange
from iag_gateway.pii.allow_list import default_allow_list_path
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.open_tail import open_tail
from iag_gateway.pii.pseudonymizer import Pseudonymizer
from iag_gateway.policy.loader import LoadedPolicy, load_policy
from iag_gateway.stages.scan import StreamScanner, scan
from tests.pii.check_digits import iban_with_key, nir_with_key

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
NIR = nir_with_key("2910469123456")
IBAN = iban_with_key("FR", "14508000704123456789012")
SENTENCE = "Merci de noter {} pour le suivi demain matin, sans faute."

# value written in the answer -> the pieces of it that must never be shown
MASKED = {
    "titled name": ("Mme Solène Kerbrat", ["Solène", "Kerbrat"]),
    "given name then surname": ("Solène Kerbrat", ["Solène", "Kerbrat"]),
    "surname in capitals first": ("KERBRAT Solène", ["KERBRAT", "Solène"]),
    "surname first": ("Kerbrat Solène", ["Kerbrat", "Solène"]),
    "phone with spaces": ("04 78 62 19 35", ["04", "78", "62", "19", "35"]),
    "phone with no-break spaces": (NBSP.join(["04", "78", "62", "19", "35"]), ["04", "78", "62", "19", "35"]),
    "IBAN in groups": (" ".join(IBAN[i : i + 4] for i in range(0, len(IBAN), 4)), [IBAN[:4], IBAN[4:8]]),
    "e-mail": ("solene.kerbrat@hopital-exemple.fr", ["solene", "kerbrat", "hopital-exemple"]),
    "date of birth after its cue": ("Mme Kerbrat, née le 14/09/1983,", ["Kerbrat", "14", "09", "1983"]),
}
REFUSED = {
    "NIR in groups": (f"{NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} {NIR[13:]}"),
    "patient id after its cue": ("l'IPP 80412377"),
}


@pytest.fixture(scope="module")
def engine() -> Iterator[PiiEngine]:
    built = PiiEngine.build(allow_list_files=[default_allow_list_path(ROOT)])
    yield built
    built.close()


@pytest.fixture(scope="module")
def loaded() -> LoadedPolicy:
    return load_policy(ROOT / "policies", ROOT / "charter")


def exchange(engine: PiiEngine) -> Exchange:
    ex = Exchange(route="chat")
    ex.pseudonymizer = Pseudonymizer(engine)
    return ex


def stream(engine: PiiEngine, loaded: LoadedPolicy, chunks: list[str]) -> tuple[list[str], Exchange]:
    """Feed ``chunks`` as a provider would; return what was shown after each one, then at the end."""
    ex = exchange(engine)
    scanner = StreamScanner(ex, loaded)
    shown: list[str] = []
    for chunk in chunks:
        shown.append(scanner.release() if scanner.add(chunk) else "")
    shown.append(scanner.release() if scanner.add("", end=True) else "")
    return shown, ex


def unstreamed(engine: PiiEngine, loaded: LoadedPolicy, answer: str) -> str:
    ex = exchange(engine)
    ex.answer = answer
    return scan(ex, loaded)


def cut(text: str, points: set[int] | list[int]) -> list[str]:
    bounds = [0, *sorted(p for p in points if 0 < p < len(text)), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def around(text: str, value: str) -> range:
    """Every cut point inside ``value`` and a few characters either side of it."""
    start = text.index(value)
    return range(max(1, start - 3), min(len(text), start + len(value) + 3))


def assert_never_shown(shown: str, expected: str, pieces: list[str]) -> None:
    assert shown == expected
    for piece in pieces:
        assert piece not in shown


@pytest.mark.parametrize("case", sorted(MASKED))
def test_when_a_new_value_is_split_at_any_point_then_it_is_masked_before_any_of_it_is_shown(
    engine: PiiEngine, loaded: LoadedPolicy, case: str
) -> None:
    value, pieces = MASKED[case]
    answer = SENTENCE.format(value)
    expected = unstreamed(engine, loaded, answer)
    assert all(piece not in expected for piece in pieces)  # the unstreamed scan masks it
    for point in around(answer, value):
        shown, _ = stream(engine, loaded, cut(answer, [point]))
        assert_never_shown("".join(shown), expected, pieces)


@pytest.mark.parametrize("case", sorted(MASKED))
def test_when_a_new_value_arrives_character_by_character_then_no_prefix_shows_it(
    engine: PiiEngine, loaded: LoadedPolicy, case: str
) -> None:
    value, pieces = MASKED[case]
    answer = SENTENCE.format(value)
    shown, ex = stream(engine, loaded, list(answer))
    assert_never_shown("".join(shown), unstreamed(engine, loaded, answer), pieces)
    assert ex.answer == "".join(shown)  # the audit keeps what the caller saw
    assert ex.response_pii_counts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.sampled_from(sorted(MASKED)), points=st.sets(st.integers(1, 90), max_size=15))
def test_when_a_new_value_is_cut_into_many_chunks_then_it_is_never_shown(
    engine: PiiEngine, loaded: LoadedPolicy, case: str, points: set[int]
) -> None:
    value, pieces = MASKED[case]
    answer = SENTENCE.format(value)
    shown, _ = stream(engine, loaded, cut(answer, points))
    assert_never_shown("".join(shown), unstreamed(engine, loaded, answer), pieces)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_when_a_refused_value_is_split_at_any_point_then_the_stream_stops_before_any_digit_of_it(
    engine: PiiEngine, loaded: LoadedPolicy, case: str
) -> None:
    value = REFUSED[case]
    answer = SENTENCE.format(value)
    for chunks in [list(answer), *(cut(answer, [point]) for point in around(answer, value))]:
        ex = exchange(engine)
        scanner = StreamScanner(ex, loaded)
        shown = ""
        with pytest.raises(PolicyDenied):
            for chunk in [*chunks, None]:
                ready = scanner.add(chunk or "", end=chunk is None)
                shown += scanner.release() if ready else ""
        assert not any(char.isdigit() for char in shown)
        assert set(ex.response_pii_counts) & {"FR_NIR", "PATIENT_ID"}


def test_when_prose_streams_word_by_word_then_each_word_is_shown_when_the_next_one_starts(
    engine: PiiEngine, loaded: LoadedPolicy
) -> None:
    answer = "Voici une proposition de plan pour la note, en trois parties courtes et claires."
    words = answer.split(" ")
    shown, _ = stream(engine, loaded, [words[0], *(" " + word for word in words[1:])])
    assert "".join(shown) == answer
    assert sum(1 for piece in shown if piece) >= len(words) - 2


def test_when_a_name_is_still_arriving_then_only_it_is_held_back(
    engine: PiiEngine, loaded: LoadedPolicy
) -> None:
    ex = exchange(engine)
    scanner = StreamScanner(ex, loaded)
    assert scanner.add("Le référent est joignable, voir avec Mme Solène")
    assert scanner.release() == "Le référent est joignable, voir avec "
    assert not scanner.add(" Ker")
    assert scanner.add("brat demain matin")
    assert scanner.release() == "Mme <PERSONNE> demain "


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Texte ordinaire.", "Texte ordinaire."),
        ("Texte ordinaire. ", ""),
        ("un texte ordinaire ", "ordinaire "),
        ("Texte ordinaire en cours", "cours"),
        ("appelez le 04 78 62", "04 78 62"),
        ("écrire à solene.kerbrat@hopi", "solene.kerbrat@hopi"),
        ("écrire à solene [at] hopital ", "solene [at] hopital "),
        ("le patient né le ", "né le "),
        ("voir avec mme ", "mme "),
        ("voir avec jean ", "jean "),
        ("le 12 rue de la ", "12 rue de la "),
        ("merci de noter <PERSONNE_1>, ", ""),
        ("merci de noter <PERSONNE_1> pour le 04 ", "04 "),
        ("Bonjour, je", "je"),
        ("Merci de relancer ", "relancer "),
        ("écrire à contact arobase ", "contact arobase "),
        ("la secrétaire Le ", "Le "),
        ("zéro six quarante-deux ", "zéro six quarante-deux "),
    ],
)
def test_when_text_ends_then_only_what_may_still_grow_into_personal_data_is_held(
    text: str, held: str
) -> None:
    assert text[open_tail(text).start :] == held


def test_when_a_name_shown_earlier_comes_back_far_later_then_that_mention_is_masked_too(
    engine: PiiEngine, loaded: LoadedPolicy
) -> None:
    filler = "Le comité se réunira en fin de mois pour valider le plan et le calendrier. " * 6
    answer = (
        f"Le référent est Mme Solène Kerbrat. {filler}Kerbrat enverra la convocation la semaine prochaine."
    )
    words = answer.split(" ")
    shown, _ = stream(engine, loaded, [words[0], *(" " + word for word in words[1:])])
    assert_never_shown("".join(shown), unstreamed(engine, loaded, answer), ["Kerbrat", "Solène"])


WORDS = ["le", "plan", "de", "la", "note", "sera", "envoyé", "avec", "au", "comité", "et", "demain", "pour"]
VALUES = [value for value, _ in MASKED.values()]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(VALUES)), min_size=3, max_size=12),
    separators=st.lists(st.sampled_from([" ", " ", ", ", ". ", "\n", " : "]), min_size=12, max_size=12),
    points=st.sets(st.integers(1, 400), max_size=20),
)
def test_when_an_answer_mixes_values_and_words_then_the_stream_shows_what_the_unstreamed_scan_shows(
    engine: PiiEngine, loaded: LoadedPolicy, parts: list[str], separators: list[str], points: set[int]
) -> None:
    answer = "".join(part + separator for part, separator in zip(parts, separators, strict=False)) + "fin."
    shown, _ = stream(engine, loaded, cut(answer, points))
    assert "".join(shown) == unstreamed(engine, loaded, answer)


def test_when_a_long_answer_streams_then_values_far_into_it_are_masked_as_unstreamed(
    engine: PiiEngine, loaded: LoadedPolicy
) -> None:
    filler = "Le comité se réunira en fin de mois pour valider le plan et le calendrier. " * 60
    answer = f"{filler}{SENTENCE.format('04 78 62 19 35')} {filler}{SENTENCE.format('la secrétaire Le Goff')}"
    words = answer.split(" ")
    shown, _ = stream(engine, loaded, [words[0], *(" " + word for word in words[1:])])
    assert_never_shown("".join(shown), unstreamed(engine, loaded, answer), ["78 62", "Goff"])


@pytest.mark.parametrize("separator", ["\t", ";"])
def test_when_a_pasted_table_streams_then_its_cells_are_masked_by_their_column_as_unstreamed(
    engine: PiiEngine, loaded: LoadedPolicy, separator: str
) -> None:
    rows = [
        ["nom", "prénom", "service"],
        ["kerbrat", "solène", "achats"],
        ["le goff", "yannick", "pharmacie"],
    ]
    answer = "Voici le tableau :\n" + "\n".join(separator.join(row) for row in rows) + "\nBonne journée."
    expected = unstreamed(engine, loaded, answer)
    assert "kerbrat" not in expected and "yannick" not in expected
    shown, _ = stream(engine, loaded, list(answer))
    assert_never_shown("".join(shown), expected, ["kerbrat", "solène", "goff", "yannick"])
