"""Parse one YAML configuration document with libyaml: its node tree and its data.

The policy files and the prompt templates are read at every start (by the start-up check,
then by each worker), each twice: composed into a node tree (whose marks give the line of
a faulty field), then loaded. PyYAML's pure-Python parser spent about a second of CPU on
that per process; its libyaml binding (``CSafeLoader``: the safe constructor over the C
parser, which PyYAML's documentation recommends when available) is about ten times faster.
The tree is composed apart from the data because building the data rewrites merge keys
(``<<``) in the tree it is built from.
"""

from __future__ import annotations

from typing import Any

import yaml

#: The safe loader over libyaml; a PyYAML built without it falls back to the same rules in Python.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_document(text: str) -> tuple[yaml.Node | None, Any]:
    """Return the document's node tree (``None`` if empty) and its data, of safe types only.

    Raises ``yaml.YAMLError`` (with ``problem_mark``: 0-based line and column) on invalid YAML.
    """
    return yaml.compose(text, Loader=SAFE_LOADER), yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - safe loader
