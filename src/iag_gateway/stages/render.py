"""Stage 5: turn a template and its (pseudonymised) inputs into messages.

Chat calls arrive as messages already; only template calls are rendered.
"""

from __future__ import annotations

from iag_gateway.exchange import Exchange
from iag_gateway.prompts.render import render as render_template


def render(ex: Exchange) -> None:
    """Render the template, if any, into the outgoing messages."""
    if ex.template is not None:
        ex.messages = render_template(ex.template, ex.inputs)
