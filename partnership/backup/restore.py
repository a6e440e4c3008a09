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

from . import BackupError, checks, database, media, media_check, schema
from .manifest import MEDIA_ARCHIVE, Manifest


@dataclass
class Restored:
    manifest: Manifest
    rows: int
    files_left: int  # files already in MEDIA_ROOT that the backup does not hold
    migrate: bool  # the backup is older than the code: `migrate` must run


def restore_backup(folder: Path, *, force: bool = False,
                   connection=default_connection) -> Restored:
    folder = folder.resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    try:
        manifest = Manifest.read(folder)
        checks.check_backup(folder, manifest, connection)
        if not force:
            checks.check_target(media_root, connection)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    except OSError as error:
        raise BackupError(str(error)) from error
    try:
        media_check.extract_verified(folder / MEDIA_ARCHIVE, manifest.media, staging)
        database.restore(connection, folder / manifest.database_file)
        media.install(staging, media_root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    migrate = schema.pending_migrations(connection)
    missing = [] if migrate else schema.missing_triggers(connection)
    if missing:
        raise BackupError(_("The database was restored, but these triggers are missing: "
                            "%(triggers)s. Run `python manage.py pgtrigger install`.")
                          % {"triggers": ", ".join(missing)})
    left = sum(1 for _path, name in media.files_under(media_root) if name not in manifest.media)
    return Restored(manifest=manifest, rows=database.row_count(connection), files_left=left,
                    migrate=migrate)
