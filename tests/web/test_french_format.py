"""Numbers and sizes written as French staff read them."""

from __future__ import annotations

import pytest

from iag_gateway.web.french_format import byte_size, grouped


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (1024 * 1024, "1 Mio"),
        (64 * 1024, "64 Kio"),
        (3 * 1024**3, "3 Gio"),
        (1536 * 1024, "1\u202f536 Kio"),  # not a whole number of Mio: the next unit down
        (1500, "1\u202f500 octets"),
        (512, "512 octets"),
        (0, "0 octets"),
    ],
)
def test_when_a_size_is_written_then_the_largest_whole_binary_unit_is_used(size: int, text: str) -> None:
    assert byte_size(size) == text


def test_when_a_number_is_grouped_then_thousands_take_a_narrow_no_break_space() -> None:
    assert grouped(1234567.891, 2) == "1\u202f234\u202f567,89"
