"""Render a vetted template into chat messages inside a sandboxed Jinja2 environment.

Only the ``system`` and ``user`` strings of the YAML files under ``prompt_templates/`` are
ever compiled. User inputs are passed as data in the render context and are never compiled,
so ``{{ config }}`` typed into a form field comes back literally. Autoescape is off on
purpose: prompts are plain text, and pseudonymisation placeholders such as ``<PERSONNE_1>``
must reach the model unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import jinja2
from jinja2 import StrictUndefined, nodes
from jinja2.sandbox import SandboxedEnvironment

from iag_gateway.errors import GatewayError
from iag_gateway.prompts.models import PromptTemplate

# Statements that would load other files: templates are self-contained, one YAML each.
FORBIDDEN_NODES: tuple[type[nodes.Node], ...] = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def euros(value: Any) -> str:
    """Format a money value the French way: ``12500.5`` → ``12 500,50 €``."""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation as exc:
        raise ValueError(f"montant invalide : {value!r}") from exc
    units, cents = f"{amount:,.2f}".split(".")
    return f"{units.replace(',', ' ')},{cents} €"


def date_fr(value: Any) -> str:
    """Format an ISO date as ``JJ/MM/AAAA``."""
    year, month, day = str(value).split("-")
    return f"{day}/{month}/{year}"


def number_fr(value: Any) -> str:
    """Format a number with a French decimal comma."""
    return str(value).replace(".", ",")


@functools.cache
def environment() -> SandboxedEnvironment:
    """Return the one sandboxed environment every template is compiled in (built on first use)."""
    env = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,  # plain-text prompts, never HTML: placeholders must stay as typed
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    # No globals (range, lipsum, namespace...): a prompt only sees its declared inputs.
    env.globals.clear()
    env.filters.update(euros=euros, date_fr=date_fr, number_fr=number_fr)
    return env


def parse(source: str) -> nodes.Template:
    """Parse ``source`` into a Jinja2 AST (raises ``jinja2.TemplateSyntaxError``)."""
    return environment().parse(source)


@functools.lru_cache(maxsize=512)
def compile_source(source: str) -> jinja2.Template:
    """Compile a prompt string once; templates are immutable, so the source is the cache key."""
    return environment().from_string(source)


def render(template: PromptTemplate, values: Mapping[str, Any]) -> list[dict[str, str]]:
    """Return the chat messages for ``template`` filled with already validated (and redacted) values.

    Every declared input is present in the context (``None`` when absent), so optional
    inputs can be tested with ``{% if name %}``; undeclared keys are ignored.
    """
    context = {field.name: values.get(field.name) for field in template.inputs}
    messages: list[dict[str, str]] = []
    for role in ("system", "user"):
        source = template.system if role == "system" else template.user
        try:
            content = compile_source(source).render(context)
        except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError) as exc:
            # A template bug, not a user error: the catalogue's dry run at startup should
            # have caught it, so report it as an internal error (500).
            raise GatewayError(
                f"Le gabarit « {template.id} » n'a pas pu être généré ({role}) : {exc}"
            ) from exc
        messages.append({"role": role, "content": content.strip()})
    return messages
