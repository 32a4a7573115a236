"""Map the gateway's errors to one line on stderr and the error's exit code (the command line's one wrapper).

Used by ``cli`` for every command and by ``serving``'s forked pre-flight check, which
must report a failure exactly as the command would. ``not_blank`` checks the options that
name a person or a service, which click would otherwise pass on empty.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
from pydantic import ValidationError

from iag_gateway.errors import GatewayError
from iag_gateway.settings import settings_error_line

F = TypeVar("F", bound=Callable[..., Any])


def not_blank(_ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A click callback: ``value`` without surrounding blanks; a usage error (exit 2) when nothing is left."""
    stripped = value.strip()
    if not stripped:
        raise click.BadParameter("must not be empty", param=param)
    return stripped


def exits_on_error(func: F) -> F:
    """Map gateway errors to a one-line message on stderr and the error's exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GatewayError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except ValidationError as exc:  # Settings(): one line naming the variable and the fix
            click.echo(f"error: {settings_error_line(exc)}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]
