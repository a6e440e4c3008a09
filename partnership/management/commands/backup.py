"""`python manage.py backup DIR`: the database, every uploaded file and a manifest (README,
"Backup and restore")."""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partnership.backup.command import FolderCommand
from partnership.backup.create import make_backup
from partnership.backup.database import ENGINE_NAMES


class Command(FolderCommand):
    help = ("Back up the database, every uploaded file under MEDIA_ROOT and a manifest of "
            "their checksums into DIR (created if missing).")
    force_help = "Replace a backup that DIR already holds."

    def run(self, folder: Path, *, force: bool) -> None:
        manifest = make_backup(folder, force=force)
        files = len(manifest.media)
        self.stdout.write(self.style.SUCCESS(
            ngettext("Backed up the %(engine)s database and %(files)s uploaded file into "
                     "%(folder)s.",
                     "Backed up the %(engine)s database and %(files)s uploaded files into "
                     "%(folder)s.", files)
            % {"engine": ENGINE_NAMES[manifest.engine], "files": files, "folder": folder}))
        self.stdout.write(_("Keep a copy away from this server, and check it now and then "
                            "by restoring it (python manage.py restore)."))
