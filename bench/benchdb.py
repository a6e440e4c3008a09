"""The database of a bench script: its own PostgreSQL database, created when missing.

Each script sets DJANGO_SETTINGS_MODULE=tests.settings and a default DATABASE_URL naming
its own database (see bench/README.md), then calls `ensure_database` before
`django.setup()`. The module has a name of its own (not `reports`, `pages`, …) so that,
with bench/ first on sys.path when a script runs, it shadows no package of the project.
"""

from __future__ import annotations

import os
import sys


def ensure_database(script: str) -> None:
    """Exit unless DATABASE_URL is PostgreSQL; create its database when it is missing.

    `script` names the calling script in the message (e.g. "bench/pages.py").
    """
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    if "postgresql" not in config["ENGINE"]:
        sys.exit(f"{script} measures PostgreSQL: set DATABASE_URL=postgres://…")
    conn = psycopg2.connect(dbname="postgres", user=config["USER"], host=config["HOST"],
                            port=config["PORT"] or 5432, password=config["PASSWORD"] or None)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    finally:
        conn.close()
