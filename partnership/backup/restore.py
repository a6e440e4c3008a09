"""Restore a backup into the configured database and MEDIA_ROOT.

Everything that can refuse is checked before anything changes: the manifest, the
engine, the migrations, the database file's checksum, an empty target (unless forced)
and every uploaded file, extracted beside MEDIA_ROOT and checked against the manifest.
"""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection as default_connection
from django.utils.translation import gettext as _

from . import BackupError, database, media
from .manifest import MEDIA_ARCHIVE, Manifest, sha256_of


@dataclass
class Restored:
    manifest: Manifest
    rows: int
    files_left: int  # files already in MEDIA_ROOT that the backup does not hold
    migrate: bool  # the backup is older than the code: `migrate` must run


def _check_backup(folder: Path, manifest: Manifest, connection) -> None:
    engine = database.engine(connection)
    database.require_program(connection, "pg_restore")
    if manifest.engine != engine:
        raise BackupError(_("This backup is of a %(backup)s database; the configured database "
                            "is %(target)s.") % {"backup": database.ENGINE_NAMES[manifest.engine],
                                                 "target": database.ENGINE_NAMES[engine]})
    unknown = database.unknown_migrations(manifest.migrations)
    if unknown:
        raise BackupError(_("This backup was made by a newer version of the portal "
                            "(migrations %(names)s): install that version first.")
                          % {"names": ", ".join(unknown)})
    if sha256_of(folder / manifest.database_file) != manifest.database_sha256:
        raise BackupError(_("%(file)s does not match its checksum in the manifest: the "
                            "backup is damaged; nothing was restored.")
                          % {"file": manifest.database_file})


def _check_target(media_root: Path, connection) -> None:
    tables = database.tables_with_data(connection)
    if tables:
        raise BackupError(_("The database already holds portal data (%(tables)s). Restore into "
                            "an empty database, or use --force to replace its data.")
                          % {"tables": ", ".join(tables[:5] + (["…"] if tables[5:] else []))})
    if any(media.files_under(media_root)):
        raise BackupError(_("MEDIA_ROOT (%(media)s) already holds files. Restore into an empty "
                            "folder, or use --force.") % {"media": media_root})


def restore_backup(folder: Path, *, force: bool = False,
                   connection=default_connection) -> Restored:
    folder = folder.resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    try:
        manifest = Manifest.read(folder)
        _check_backup(folder, manifest, connection)
        if not force:
            _check_target(media_root, connection)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    except OSError as error:
        raise BackupError(str(error)) from error
    try:
        media.extract_verified(folder / MEDIA_ARCHIVE, manifest.media, staging)
        database.restore(connection, folder / manifest.database_file)
        media.install(staging, media_root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    migrate = database.pending_migrations(connection)
    missing = [] if migrate else database.missing_triggers(connection)
    if missing:
        raise BackupError(_("The database was restored, but these triggers are missing: "
                            "%(triggers)s. Run `python manage.py pgtrigger install`.")
                          % {"triggers": ", ".join(missing)})
    left = sum(1 for _path, name in media.files_under(media_root) if name not in manifest.media)
    return Restored(manifest=manifest, rows=database.row_count(connection), files_left=left,
                    migrate=migrate)
