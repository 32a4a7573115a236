"""Process logging: quiet, one line per event, JSON in production; never prompt text.

``configure_logging`` is called once by ``iag-gateway serve`` (and in each worker), never
at import. Request lines come from ``web/observe.py`` (request id, route, status, latency);
outages from :func:`log_outage` (the failing dependency and the cause's type and first
line, never a SQL statement or its parameters); internal errors (the 500s) from
:func:`log_internal_error` (types and frames, never an exception's text).
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iag_gateway.errors import ConfigError

#: Third-party loggers that speak at INFO about things an operator does not need.
QUIET = (
    "alembic",
    "LiteLLM",
    "LiteLLM Router",
    "LiteLLM Proxy",
    "httpx",
    "presidio-analyzer",
    "uvicorn.error",
)
#: Extra fields a record may carry into the JSON line.
FIELDS = ("request_id", "route", "method", "status", "latency_ms", "dependency", "cause", "policy_version")
outage_log = logging.getLogger("iag_gateway.outage")
internal_log = logging.getLogger("iag_gateway.internal")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the known extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            line["error_type"] = record.exc_info[0].__name__  # the type only: messages may quote a prompt
        return json.dumps(line, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """``time level logger: message key=value ...`` for a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        extras = " ".join(f"{n}={getattr(record, n)}" for n in FIELDS if getattr(record, n, None) is not None)
        when = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        text = f"{when} {record.levelname} {record.name}: {record.getMessage()}"
        return f"{text} {extras}" if extras else text


def configure_logging(fmt: str, level: str = "INFO") -> None:
    """Send every log line to stderr in ``fmt`` ("json" or "text"); silence chatty libraries."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    # Alembic configures its own INFO output through fileConfig-less loggers; keep it quiet.
    logging.getLogger("alembic.runtime.migration").setLevel(logging.WARNING)


def safe_cause(exc: BaseException | None) -> str | None:
    """Name an outage's cause without quoting data: the root exception's type and first line.

    SQLAlchemy errors carry the statement and its parameters after the first line; only
    connection-level messages (refused, timed out, unknown host) are kept.
    """
    if exc is None:
        return None
    root: BaseException = exc
    seen = {id(root)}
    for _ in range(10):  # follow ``raise ... from`` and SQLAlchemy's ``orig``, never in a cycle
        nxt = getattr(root, "orig", None) or root.__cause__
        if not isinstance(nxt, BaseException) or id(nxt) in seen:
            break
        seen.add(id(nxt))
        root = nxt
    first = str(root).strip().splitlines()[0][:200] if str(root).strip() else ""
    return f"{type(root).__name__}: {first}" if first else type(root).__name__


def log_outage(dependency: str, exc: BaseException, request_id: str | None = None) -> None:
    """Log that ``dependency`` (database, redis, provider, pii) is failing, with its cause."""
    outage_log.error(
        "%s unavailable",
        dependency,
        extra={"dependency": dependency, "cause": safe_cause(exc), "request_id": request_id},
    )


def internal_cause(exc: BaseException) -> str:
    """Name an internal error without quoting data: the types of it and its causes, and where it was raised.

    An exception's text may quote a prompt, so only type names and the raising frame
    (``module.py:line in function``) are kept; a configuration error's text names files
    and settings only, so it is kept too.
    """
    types: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(types) < 10:
        seen.add(id(current))
        types.append(type(current).__name__)
        current = current.__cause__ or current.__context__
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
    said = f": {exc.message}" if isinstance(exc, ConfigError) else ""
    return " <- ".join(types) + where + said


def log_internal_error(exc: BaseException, path: str, request_id: str | None = None) -> None:
    """Log the cause of a 500 answered on ``path`` (the route's template: a raw path carries caller text)."""
    internal_log.error(
        "internal error on %s", path, extra={"cause": internal_cause(exc), "request_id": request_id}
    )
