"""Stage 8: put the caller's own values back in place of the placeholders.

Streams go through a ``StreamRestorer`` that holds back only what could be the
start of a placeholder. A deployment may keep answers pseudonymised.
"""

from __future__ import annotations

from iag_gateway.exchange import Exchange


def restore(ex: Exchange, *, enabled: bool) -> None:
    """Fill ``restored_answer`` (and tool-call arguments) from the pseudonymised answer."""
    assert ex.pseudonymizer is not None
    answer = ex.answer
    ex.restored_answer = ex.pseudonymizer.restore(answer, json_string=ex.json_mode) if enabled else answer
    if enabled and ex.tool_calls:
        for call in ex.tool_calls:
            function = call.get("function") or {}
            if isinstance(function.get("arguments"), str):
                function["arguments"] = ex.pseudonymizer.restore_document(function["arguments"])
