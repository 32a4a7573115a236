"""Log lines: one JSON object each, causes named without data, never a loop on odd exception chains."""

from __future__ import annotations

import json
import logging

from iag_gateway.errors import ConfigError
from iag_gateway.logs import JsonFormatter, internal_cause, safe_cause


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


def _raise_with_a_prompt() -> None:
    try:
        raise KeyError("Mme Lagadec 06 48 27 19 55")
    except KeyError as exc:
        raise RuntimeError("render failed for Mme Lagadec") from exc


def test_when_an_internal_error_is_logged_then_types_and_frame_are_named_never_its_text() -> None:
    try:
        _raise_with_a_prompt()
    except RuntimeError as exc:
        cause = internal_cause(exc)
    assert cause.startswith("RuntimeError <- KeyError at test_logs.py:")
    assert "_raise_with_a_prompt" in cause and "Lagadec" not in cause


def test_when_a_configuration_error_is_logged_then_its_text_naming_the_file_is_kept() -> None:
    try:
        raise ConfigError("/srv/iag/heads.jsonl", "the signed heads export cannot be read")
    except ConfigError as exc:
        cause = internal_cause(exc)
    assert cause.endswith(": /srv/iag/heads.jsonl: the signed heads export cannot be read")
