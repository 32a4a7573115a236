"""Restore placeholders in a streamed answer, even when one is split across chunks."""

from __future__ import annotations

from collections.abc import Callable

from iag_gateway.pii.placeholders import MAX_PLACEHOLDER_LENGTH, could_be_placeholder_start


class StreamRestorer:
    """Feed chunks, get restored text back; only a possible placeholder start is ever held back."""

    def __init__(self, restore: Callable[[str], str]) -> None:
        self._restore = restore
        self._pending = ""

    def __repr__(self) -> str:
        return f"StreamRestorer(pending_chars={len(self._pending)})"

    def feed(self, chunk: str) -> str:
        """Return what can be released now, with complete placeholders restored."""
        self._pending += chunk
        hold = self._hold_from(self._pending)
        ready, self._pending = self._pending[:hold], self._pending[hold:]
        return self._restore(ready) if ready else ""

    def flush(self) -> str:
        """Release whatever is held at the end of the stream."""
        rest, self._pending = self._pending, ""
        return self._restore(rest) if rest else ""

    @staticmethod
    def _hold_from(text: str) -> int:
        """Index of the last « < » that may start a placeholder still arriving, else ``len(text)``."""
        start = text.rfind("<", max(0, len(text) - MAX_PLACEHOLDER_LENGTH))
        if start != -1 and could_be_placeholder_start(text[start:]):
            return start
        return len(text)
