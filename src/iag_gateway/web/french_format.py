"""Write times in Europe/Paris and numbers the French way; read a typed day as Paris midnight."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo


@cache
def paris() -> ZoneInfo:
    return ZoneInfo("Europe/Paris")


def paris_time(value: datetime) -> str:
    return value.astimezone(paris()).strftime("%d/%m/%Y %H:%M:%S")


def grouped(number: float, decimals: int = 0) -> str:
    """« 1 234 » with a narrow no-break space, French style."""
    return f"{number:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")


def byte_size(size: int) -> str:
    """A size as staff read it: « 1 Mio », « 64 Kio » when it is a whole number of them, else
    « 1 500 octets » (binary prefixes, IEC 80000-13, as the limits are set in powers of two)."""
    for unit, factor in (("Gio", 1024**3), ("Mio", 1024**2), ("Kio", 1024)):
        if size >= factor and size % factor == 0:
            return f"{grouped(size // factor)} {unit}"
    return f"{grouped(size)} octets"


def day_start(text: str) -> datetime:
    return datetime.combine(date.fromisoformat(text), time.min, tzinfo=paris())
