"""Alembic environment for the gateway's schema (configured in code, no alembic.ini)."""
