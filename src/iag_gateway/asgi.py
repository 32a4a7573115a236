"""ASGI entry point for multi-worker servers: ``uvicorn iag_gateway.asgi:app``."""

from __future__ import annotations

from iag_gateway.app import create_app

app = create_app()
