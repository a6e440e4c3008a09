"""Trigram indexes for the public search, on PostgreSQL only.

The search matches with `icontains`, which PostgreSQL runs as `UPPER(column) LIKE
UPPER('%word%')`; a GIN index with pg_trgm's operator class on that same expression answers
it for words of three characters or more (子育て, 見守り). A two-character word (防災) has
no trigram and is matched by reading the table. Proposals are the one searched table that
grows by thousands; calls, departments and groups stay small enough to read whole.

SQLite has neither the extension nor GIN indexes: there this migration does nothing. The
indexes are not in the models' state (Django's GinIndex would be created on SQLite too).
"""

from django.db import migrations

INDEXES = {
    "proposals_title_upper_trgm": "title",
    "proposals_summary_upper_trgm": "summary",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON proposals_proposal "
            f"USING gin (UPPER({column}) gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: it may have been there before, and other objects may use it.
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("proposals", "0013_field_of_activity"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
