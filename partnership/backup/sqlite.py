"""SQLite: copies made with SQLite's online backup API.

The API copies a consistent snapshot while the portal goes on writing (WAL mode), and
works on the connection Django has open, so an in-memory test database too.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from django.utils.translation import gettext as _

from . import BackupError


def dump(connection, target: Path) -> None:
    connection.ensure_connection()
    try:
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
            # One self-contained file: a WAL database needs its -wal and -shm files.
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(_("The SQLite copy failed: %(error)s") % {"error": error}) from error


def restore(connection, source: Path) -> None:
    """Replace the whole database by the copy, in one step under SQLite's write lock."""
    connection.ensure_connection()
    try:
        with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro",
                                     uri=True)) as copy:
            copy.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(_("The SQLite restore failed: %(error)s")
                          % {"error": error}) from error
