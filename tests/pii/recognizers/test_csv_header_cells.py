"""The header test skips prose cells without folding them, and never a cell that names a column."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from iag_gateway.pii.recognizers.csv_columns import CsvColumnRecognizer

# column names as people type them: what may stand before a name (folding drops it, or the
# number and « of » words are taken off), and after it what adds no letter
BEFORE = st.sampled_from(["", "N° ", "n°", "Numéro de ", "NUM. ", "No ", "°", " ", '"'])
AFTER = st.sampled_from(["", " ", '"', " :"])
NAMES = st.sampled_from(sorted(CsvColumnRecognizer.COLUMN_LABELS))


@settings(max_examples=500, deadline=None)
@given(before=BEFORE, name=NAMES, after=AFTER, upper=st.booleans())
def test_when_a_cell_names_a_column_then_it_is_never_skipped(
    before: str, name: str, after: str, upper: bool
) -> None:
    cell = before + (name.upper() if upper else name) + after
    assert CsvColumnRecognizer._folded_label(cell) is not None  # the cell does name a column
    assert not CsvColumnRecognizer._too_long_for_a_name(cell)


@settings(max_examples=1000, deadline=None)
@given(cell=st.text(alphabet="abcdeNno °\u2103\u00ba éÉèﬁßK\u212a-'\"", max_size=70))
def test_when_a_cell_is_skipped_then_folding_it_finds_no_column(cell: str) -> None:
    if CsvColumnRecognizer._too_long_for_a_name(cell):
        assert CsvColumnRecognizer._folded_label(cell) is None


def test_when_a_cell_is_prose_then_it_is_skipped() -> None:
    cell = " le fournisseur a répondu le 14 mars et propose une visite de démonstration"
    assert CsvColumnRecognizer._too_long_for_a_name(cell)


def test_when_each_n_of_many_is_dropped_with_its_degree_sign_then_the_name_is_still_read() -> None:
    # « n° » drops its « n » once folded: forty of them before « nom » leave « nom »
    cell = "N°" * 40 + "nom"
    assert not CsvColumnRecognizer._too_long_for_a_name(cell)
    assert CsvColumnRecognizer._folded_label(cell) == "PERSON"
