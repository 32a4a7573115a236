"""Start-up holds the cyclic garbage collector back while it loads, then restores it (issue #11)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from iag_gateway.serving import collection_deferred


def _collections_while(allocate: int) -> int:
    """Run ``allocate`` container allocations that survive; return how many collections ran."""
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    kept = []
    gc.callbacks.append(count)
    try:
        for _ in range(allocate):
            kept.append([])
    finally:
        gc.callbacks.remove(count)
    return len(runs)


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    """The block freezes what it loaded; give this test process its collector back after."""
    yield
    gc.unfreeze()


def test_no_collection_runs_inside_the_block_and_the_thresholds_come_back() -> None:
    before = gc.get_threshold()
    assert _collections_while(20_000) > 0  # the default thresholds collect this much allocation
    with collection_deferred(young_threshold=1_000_000):
        assert gc.get_threshold()[0] == 1_000_000
        assert _collections_while(20_000) == 0
    assert gc.get_threshold() == before
    assert _collections_while(20_000) > 0


def test_what_the_block_loaded_is_frozen_so_leaving_it_scans_nothing() -> None:
    """Without the freeze, the 20,000 survivors would be a young generation far over its
    threshold, collected at the first allocation after the block."""
    gc.collect()
    frozen = gc.get_freeze_count()
    with collection_deferred(young_threshold=1_000_000):
        loaded = [[] for _ in range(20_000)]
    assert gc.get_freeze_count() >= frozen + len(loaded)
    assert _collections_while(gc.get_threshold()[0] // 2) == 0


def test_a_failed_load_is_not_frozen() -> None:
    frozen = gc.get_freeze_count()
    with pytest.raises(RuntimeError), collection_deferred():
        _loaded = [[] for _ in range(1_000)]
        raise RuntimeError("model missing")
    assert gc.get_freeze_count() == frozen


def test_thresholds_come_back_when_the_load_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collection_deferred():
        raise RuntimeError("model missing")
    assert gc.get_threshold() == before


def test_a_collector_reenabled_inside_still_waits() -> None:
    """srsly (spaCy's msgpack reader) calls gc.enable(); the raised threshold still holds."""
    with collection_deferred(young_threshold=1_000_000):
        gc.disable()
        gc.enable()
        assert _collections_while(20_000) == 0
