"""Make a backup: the database, then the uploaded files, then the manifest."""

import os
from pathlib import Path

from django.conf import settings
from django.db import connection as default_connection
from django.utils import timezone
from django.utils.translation import gettext as _

from . import BackupError, database, media, schema
from .manifest import DATABASE_FILES, MANIFEST, MEDIA_ARCHIVE, Manifest, holds_backup, sha256_of


def _prepare(folder: Path, media_root: Path, force: bool) -> None:
    if folder == media_root or media_root in folder.parents:
        raise BackupError(_("%(folder)s is inside MEDIA_ROOT (%(media)s): the backup would "
                            "archive itself. Choose a folder elsewhere, best on another disk.")
                          % {"folder": folder, "media": media_root})
    if holds_backup(folder) and not force:
        raise BackupError(_("%(folder)s already holds a backup. Choose another folder, "
                            "or use --force to replace it.") % {"folder": folder})
    try:
        # The backup holds personal data and password hashes: for its owner's eyes only.
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A stale manifest must never describe the new files, even for a moment.
        for name in (MANIFEST, *DATABASE_FILES.values(), MEDIA_ARCHIVE):
            (folder / name).unlink(missing_ok=True)
    except OSError as error:
        raise BackupError(_("Cannot write to %(folder)s: %(error)s")
                          % {"folder": folder, "error": error}) from error


def make_backup(folder: Path, *, force: bool = False, connection=default_connection) -> Manifest:
    folder = folder.resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    engine = database.engine(connection)
    database.require_program(connection, "pg_dump")
    _prepare(folder, media_root, force)
    database_file = folder / DATABASE_FILES[engine]
    partial = [folder / f".{database_file.name}.partial", folder / f".{MEDIA_ARCHIVE}.partial"]
    try:
        migrations = schema.applied_migrations(connection)
        # The database before the files: an upload writes its file before its row, so
        # every file the copied rows name is already there (a file uploaded meanwhile
        # is archived without a row, which is harmless).
        database.dump(connection, partial[0])
        checksums = media.archive(media_root, partial[1])
        for path, final in zip(partial, (database_file, folder / MEDIA_ARCHIVE), strict=True):
            path.chmod(0o600)
            os.replace(path, final)
        manifest = Manifest(created_at=timezone.now().isoformat(timespec="seconds"),
                            engine=engine, database_sha256=sha256_of(database_file),
                            media=checksums, migrations=migrations)
        manifest.write(folder)
    except OSError as error:
        raise BackupError(_("Cannot write the backup into %(folder)s: %(error)s")
                          % {"folder": folder, "error": error}) from error
    finally:
        for path in partial:
            path.unlink(missing_ok=True)
    return manifest
