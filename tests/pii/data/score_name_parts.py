"""Score the name-parts held-out set: how many parts of names given in full leave the gateway.

Run: ``.venv/bin/python tests/pii/data/score_name_parts.py tests/pii/data/pii_fr_name_parts_heldout.jsonl``
(``make eval-pii`` runs it). Each record (one request: ``messages``, ``stop``) goes through
the real redact stage; a part in ``name_parts`` that still stands, as a whole word, in a text
that leaves (``forwarded_texts``) is a leak; a word of ``not_names`` that no longer stands is
over-masking. Prints both counts and the leaks' record ids (never the values' context).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from iag_gateway.exchange import Exchange
from iag_gateway.messages import forwarded_texts, outgoing_messages
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.stages.redact import redact


def _stands(word: str, text: str) -> bool:
    return re.search(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", text) is not None


def main(path: Path) -> None:
    engine = PiiEngine.build()
    parts = leaked = words = masked = 0
    leaks: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        params = {"stop": record["stop"]} if record.get("stop") else {}
        ex = Exchange(route="chat", messages=[dict(m) for m in record["messages"]], params=params)
        redact(ex, engine)
        sent = "\n".join(forwarded_texts(outgoing_messages(ex.messages), ex.params))
        for part in record["name_parts"]:
            parts += 1
            if _stands(part, sent):
                leaked += 1
                leaks.append(record["id"])
        for word in record.get("not_names", []):
            words += 1
            masked += not _stands(word, sent)
    engine.close()
    print(
        f"name parts leaked {leaked}/{parts} ({leaked / max(parts, 1):.1%}); words that are not names masked {masked}/{words}"
    )
    print("records with a leak:", ", ".join(leaks) or "none")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
