"""The manifest: what a backup holds, with a SHA-256 for every file in it.

It is written last, so a folder with a manifest holds a complete backup, and a restore
checks every file against it before it changes anything.
"""

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from . import BackupError

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


def sha256_of(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass
class Manifest:
    created_at: str  # ISO 8601, UTC
    engine: str  # a key of DATABASE_FILES
    database_sha256: str
    media: dict[str, str]  # path under MEDIA_ROOT (POSIX) -> SHA-256
    migrations: dict[str, str]  # app label -> latest applied migration
    format: int = FORMAT

    @property
    def database_file(self) -> str:
        return DATABASE_FILES[self.engine]

    def write(self, folder: Path) -> None:
        partial = folder / f".{MANIFEST}.partial"
        partial.write_text(json.dumps(asdict(self), indent=2, sort_keys=True) + "\n",
                           encoding="utf-8")
        partial.chmod(0o600)  # like the rest of the backup
        os.replace(partial, folder / MANIFEST)

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        path = folder / MANIFEST
        if not path.is_file():
            raise BackupError(_("%(folder)s holds no backup: it has no %(manifest)s.")
                              % {"folder": folder, "manifest": MANIFEST})
        try:
            manifest = cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError) as error:
            raise BackupError(_("%(path)s cannot be read: %(error)s")
                              % {"path": path, "error": error}) from error
        if manifest.format != FORMAT or manifest.engine not in DATABASE_FILES:
            raise BackupError(_("%(path)s is not a manifest this version of the portal knows.")
                              % {"path": path})
        return manifest


def holds_backup(folder: Path) -> bool:
    return (folder / MANIFEST).exists()
