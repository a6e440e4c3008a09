"""The database's schema as a backup records and a restore checks it: the migrations applied,
and the audit log's triggers."""

from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder


def applied_migrations(connection) -> dict[str, str]:
    """The latest applied migration of each app (their names start with a number)."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(name, latest.get(app, ""))
    return dict(sorted(latest.items()))


def unknown_migrations(migrations: dict[str, str]) -> list[str]:
    """Migrations of the backup that this version of the portal does not have."""
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return [f"{app}.{name}" for app, name in migrations.items() if (app, name) not in known]


def pending_migrations(connection) -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def missing_triggers(connection) -> list[str]:
    """The database triggers (the audit log's) that are not installed and enabled."""
    if connection.vendor != "postgresql":
        return []
    import pgtrigger

    return [f"{model._meta.db_table}: {trigger.name}"
            for model, trigger in pgtrigger.registered()
            if trigger.get_installation_status(model, database=connection.alias)
            != ("INSTALLED", True)]
