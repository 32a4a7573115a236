"""Log lines: one JSON object each, causes named without data, never a loop on odd exception chains."""

from __future__ import annotations

import json
import logging

from iag_gateway.logs import JsonFormatter, safe_cause


def test_when_an_exception_chain_loops_then_the_cause_is_still_named() -> None:
    first, second = (
        ConnectionError("Error 111 connecting to 127.0.0.1:6390. Connection refused."),
        RuntimeError("x"),
    )
    first.__cause__, second.__cause__ = second, first
    assert safe_cause(first) == "RuntimeError: x"


def test_when_a_database_error_quotes_its_statement_then_only_the_first_line_is_kept() -> None:
    class Wrapped(Exception):
        def __init__(self, orig: Exception) -> None:
            super().__init__("wrapper")
            self.orig = orig

    orig = ValueError(
        "connection failed: server closed the connection\n[SQL: INSERT INTO audit_event VALUES ('Jean Dupont')]"
    )
    cause = safe_cause(Wrapped(orig))
    assert cause == "ValueError: connection failed: server closed the connection"


def test_when_a_record_carries_an_exception_then_the_json_line_has_its_type_not_its_message() -> None:
    try:
        raise KeyError("Mme Lagadec 06 48 27 19 55")
    except KeyError:
        record = logging.LogRecord(
            "iag", logging.ERROR, __file__, 1, "failed", (), exc_info=__import__("sys").exc_info()
        )
    record.request_id = "req_1"
    line = json.loads(JsonFormatter().format(record))
    assert line["error_type"] == "KeyError" and line["request_id"] == "req_1" and line["level"] == "error"
    assert "Lagadec" not in json.dumps(line)
