"""A process holding the audit trail open, driven line by line on stdin (see test_shared_memory).

    python -m tests.storage.shm_child DATABASE

Commands: ``append`` (one record), ``verify`` (the chain), ``burst N`` (N records, one
line each as it is committed, then ``{"done": true}``), ``quit``. Each answers one JSON
line: ``{"ok": ...}`` or ``{"status": 503, "message": ...}`` as the caller would see.
Damaging the ``-shm`` file happens outside, in the test, as another process would do it.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from iag_gateway.audit.chain import verify
from iag_gateway.audit.store import AuditStore
from iag_gateway.errors import ServiceUnavailable
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import sqlite_url
from tests.audit.audit_helpers import make_entry


def main() -> None:
    engine = make_engine(sqlite_url(Path(sys.argv[1])))
    upgrade(engine)
    store = AuditStore(engine)
    numbers = itertools.count(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        if command.startswith("burst "):
            for _ in range(int(command.split()[1])):
                print(json.dumps(_append(store, next(numbers))), flush=True)
            print(json.dumps({"done": True}), flush=True)
            continue
        try:
            if command == "append":
                answer: dict[str, object] = {"ok": store.append(make_entry(next(numbers))).seq}
            else:
                result = verify(engine)
                answer = {"ok": result.ok, "checked": result.checked, "reason": result.reason}
        except ServiceUnavailable as error:
            answer = {"status": error.status, "message": error.body()["error"]["message"]}
        print(json.dumps(answer), flush=True)
    engine.dispose()


def _append(store: AuditStore, number: int) -> dict[str, object]:
    entry = make_entry(number)
    try:
        return {"ok": store.append(entry).seq, "request_id": entry.request_id}
    except ServiceUnavailable as error:
        return {"status": error.status}


if __name__ == "__main__":
    main()
