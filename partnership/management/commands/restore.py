"""`python manage.py restore DIR`: a backup made by `backup`, into the configured database
(DATABASE_URL) and MEDIA_ROOT (DJANGO_MEDIA_ROOT) (README, "Backup and restore")."""

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partnership import page_cache
from partnership.backup.command import FolderCommand
from partnership.backup.database import ENGINE_NAMES
from partnership.backup.restore import restore_backup


class Command(FolderCommand):
    help = ("Restore a backup made by `backup` into the configured database and MEDIA_ROOT. "
            "Refuses a database or MEDIA_ROOT that already holds data unless --force. "
            "Stop the portal first.")
    force_help = "Replace the data the database and MEDIA_ROOT already hold."

    def run(self, folder: Path, *, force: bool) -> None:
        restored = restore_backup(folder, force=force)
        # The restored data has no audit row of its own: the cached pages are old.
        page_cache.bump()
        manifest, files = restored.manifest, len(restored.manifest.media)
        self.stdout.write(self.style.SUCCESS(
            ngettext("Restored the %(engine)s database (%(rows)s rows) and %(files)s uploaded "
                     "file into %(media)s from the backup of %(when)s; every checksum matched.",
                     "Restored the %(engine)s database (%(rows)s rows) and %(files)s uploaded "
                     "files into %(media)s from the backup of %(when)s; every checksum matched.",
                     files)
            % {"engine": ENGINE_NAMES[manifest.engine], "rows": restored.rows, "files": files,
               "media": Path(settings.MEDIA_ROOT).resolve(), "when": manifest.created_at}))
        if restored.files_left:
            self.stdout.write(ngettext(
                "%(count)s file already in MEDIA_ROOT that the backup does not hold was left "
                "in place.",
                "%(count)s files already in MEDIA_ROOT that the backup does not hold were left "
                "in place.", restored.files_left) % {"count": restored.files_left})
        if restored.migrate:
            self.stdout.write(self.style.WARNING(
                _("The backup is older than this version of the portal: run "
                  "`python manage.py migrate` now.")))
