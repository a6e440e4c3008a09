"""What the backup needs to know of the database, whatever its engine."""

from pathlib import Path

from django.apps import apps
from django.utils.translation import gettext as _

from . import BackupError, postgres, sqlite

ENGINES = {"postgresql": postgres, "sqlite": sqlite}
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}

# `migrate` fills these in an empty database: rows there alone are not the portal's data.
FILLED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "auth.group"}


def engine(connection) -> str:
    if connection.vendor not in ENGINES:
        raise BackupError(_("Backups support PostgreSQL and SQLite, not %(vendor)s.")
                          % {"vendor": connection.vendor})
    return connection.vendor


def require_program(connection, name: str) -> None:
    """Before anything changes: the engine's client program (pg_dump, pg_restore) is here."""
    if engine(connection) == "postgresql":
        postgres.program(name)


def dump(connection, target: Path) -> None:
    ENGINES[engine(connection)].dump(connection, target)


def restore(connection, source: Path) -> None:
    ENGINES[engine(connection)].restore(connection, source)


def _models_with_tables(connection):
    tables = set(connection.introspection.table_names())
    return [model for model in apps.get_models() if model._meta.db_table in tables]


def tables_with_data(connection) -> list[str]:
    """The models, other than those `migrate` fills, that have at least one row."""
    return [model._meta.label for model in _models_with_tables(connection)
            if model._meta.label_lower not in FILLED_BY_MIGRATE
            and model._base_manager.using(connection.alias).exists()]


def row_count(connection) -> int:
    return sum(model._base_manager.using(connection.alias).count()
               for model in _models_with_tables(connection))
