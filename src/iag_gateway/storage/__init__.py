"""Database plumbing shared by the audit trail, the API keys and the quotas.

``engine.make_engine`` builds a tuned SQLAlchemy engine (SQLite file or
PostgreSQL); ``migrate.upgrade`` brings the schema to the latest Alembic
revision. Nothing here runs at import time.
"""
