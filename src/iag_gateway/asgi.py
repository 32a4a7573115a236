"""ASGI entry point for multi-worker servers: ``uvicorn iag_gateway.asgi:app``."""

from __future__ import annotations

from iag_gateway.app import create_app
from iag_gateway.logs import configure_logging
from iag_gateway.serving import exit_with_supervisor
from iag_gateway.settings import Settings

_settings = Settings()
configure_logging(_settings.effective_log_format, _settings.log_level)
app = create_app(_settings)
exit_with_supervisor()
