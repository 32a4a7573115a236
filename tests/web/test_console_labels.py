"""Every category the journal and the dashboard show has its French label: routes, views, effects."""

from __future__ import annotations

import ast
from pathlib import Path

from iag_gateway.errors import EFFECTS
from iag_gateway.web.console_labels import EFFECT_LABELS, ROUTE_LABELS, VIEW_LABELS

SRC = Path(__file__).resolve().parents[2] / "src" / "iag_gateway"
#: Calls that write an audit record, and the position of their route (or view) argument.
ROUTE_ARGUMENT = {"audit_web": 1, "audited_call": 1, "audited": 2, "Exchange": None, "AuditEntry": None}


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def written(kind: str) -> set[str]:
    """The literal routes (``kind="route"``) or console views (``kind="view"``) the source writes."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if kind == "route" and isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id.endswith("_ROUTE") and _literal(node.value):
                    found.add(str(_literal(node.value)))
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if kind == "view" and name == "console_call" and len(node.args) > 2:
                found |= {v for v in [_literal(node.args[2])] if v}
            if kind == "route" and name in ROUTE_ARGUMENT:
                position = ROUTE_ARGUMENT[name]
                if position is not None and len(node.args) > position:
                    found |= {v for v in [_literal(node.args[position])] if v}
                found |= {v for k in node.keywords if k.arg == "route" for v in [_literal(k.value)] if v}
    return found


def test_when_the_source_writes_a_route_then_the_journal_has_its_french_name() -> None:
    routes = written("route")
    assert {"chat", "template", "keys.self.create", "admin.key.revoke", "templates.decide"} <= routes
    assert routes - set(ROUTE_LABELS) == set()


def test_when_the_console_records_a_view_then_it_has_its_french_name() -> None:
    views = written("view")
    assert {"list", "verify-heads", "report"} <= views
    assert views - set(VIEW_LABELS) == set()


def test_when_a_rule_fires_with_any_effect_then_the_rule_table_has_its_category_label() -> None:
    assert set(EFFECT_LABELS) == EFFECTS and {"raise", "block", "mask"} <= EFFECTS
