"""What a restore checks before it changes anything: that the backup is whole and fits this
portal, and that the target database and MEDIA_ROOT are empty."""

from pathlib import Path

from django.utils.translation import gettext as _

from . import BackupError, database, media, schema
from .manifest import Manifest, sha256_of


def check_backup(folder: Path, manifest: Manifest, connection) -> None:
    engine = database.engine(connection)
    database.require_program(connection, "pg_restore")
    if manifest.engine != engine:
        raise BackupError(_("This backup is of a %(backup)s database; the configured database "
                            "is %(target)s.") % {"backup": database.ENGINE_NAMES[manifest.engine],
                                                 "target": database.ENGINE_NAMES[engine]})
    unknown = schema.unknown_migrations(manifest.migrations)
    if unknown:
        raise BackupError(_("This backup was made by a newer version of the portal "
                            "(migrations %(names)s): install that version first.")
                          % {"names": ", ".join(unknown)})
    if sha256_of(folder / manifest.database_file) != manifest.database_sha256:
        raise BackupError(_("%(file)s does not match its checksum in the manifest: the "
                            "backup is damaged; nothing was restored.")
                          % {"file": manifest.database_file})


def check_target(media_root: Path, connection) -> None:
    tables = database.tables_with_data(connection)
    if tables:
        raise BackupError(_("The database already holds portal data (%(tables)s). Restore into "
                            "an empty database, or use --force to replace its data.")
                          % {"tables": ", ".join(tables[:5] + (["…"] if tables[5:] else []))})
    if any(media.files_under(media_root)):
        raise BackupError(_("MEDIA_ROOT (%(media)s) already holds files. Restore into an empty "
                            "folder, or use --force.") % {"media": media_root})
