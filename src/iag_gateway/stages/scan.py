"""Stage 7: look at the answer before the caller does.

Personal data the model produced that did not come from the caller's own prompt
is counted for the audit record and, by policy, masked or blocked.
"""

from __future__ import annotations

import re

from iag_gateway.errors import PolicyDenied
from iag_gateway.exchange import Exchange
from iag_gateway.policy.engine import decide_output
from iag_gateway.policy.loader import LoadedPolicy


def scan(ex: Exchange, loaded: LoadedPolicy, *, text: str | None = None) -> str:
    """Scan ``text`` (default: the whole answer); return it, masked if the policy says so."""
    assert ex.pseudonymizer is not None
    original = ex.answer if text is None else text
    _, counts = ex.pseudonymizer.scan_response(original, mask=False)
    for label, count in counts.items():
        ex.response_pii_counts[label] = ex.response_pii_counts.get(label, 0) + count
    # A second analysis only in the rare case where the model produced data to mask.
    outcome = decide_output(loaded.policy, response_pii_counts=counts, text=original)
    if outcome.action == "block":
        raise PolicyDenied(outcome.message, outcome.rules)
    if outcome.action == "mask":
        masked, _ = ex.pseudonymizer.scan_response(original, mask=True, labels=outcome.mask_labels)
        if text is None:
            ex.answer = masked
        return masked
    return original


class StreamSegmenter:
    """Cut a streamed answer into sentences, so each is scanned before the caller sees it.

    Holds back only the current, unfinished sentence (or at most ``MAX_HELD`` chars):
    the answer still streams while new personal data is masked, or the stream stopped,
    by the output rules, exactly as for a non-streamed answer.
    """

    BOUNDARY = re.compile(r"[.!?;:]\s|\n")
    MAX_HELD = 2000

    def __init__(self) -> None:
        self._held = ""

    def feed(self, chunk: str) -> str:
        """Add provider text; return the complete sentences now ready to scan ('' if none)."""
        self._held += chunk
        cut = 0
        for match in self.BOUNDARY.finditer(self._held):
            cut = match.end()
        if not cut and len(self._held) > self.MAX_HELD:
            cut = max(self._held.rfind(" "), self.MAX_HELD // 2) + 1
        ready, self._held = self._held[:cut], self._held[cut:]
        return ready

    def flush(self) -> str:
        """Return whatever is still held (end of stream)."""
        ready, self._held = self._held, ""
        return ready
