"""PostgreSQL fixtures for the storage tests: a fresh schema per test at ``RASD_TEST_PG_URL``.

Start a throwaway server with ``export RASD_TEST_PG_URL="$(scripts/pg_test_server.sh start)"``;
without the variable the tests that need it skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_URL = os.environ.get("RASD_TEST_PG_URL", "")


def with_schema(base: str, schema: str) -> str:
    """``base`` with its search_path set to ``schema``."""
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose search_path is a new, empty schema (dropped afterwards)."""
    if not PG_URL:
        pytest.skip("RASD_TEST_PG_URL is not set (scripts/pg_test_server.sh start prints one)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(PG_URL, schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
