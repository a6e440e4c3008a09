"""What `backup` and `restore` share: a DIR, --force, and a refusal as a one-line error
with exit status 1 rather than a traceback."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from . import BackupError


class FolderCommand(BaseCommand):
    force_help = ""

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, metavar="DIR")
        parser.add_argument("--force", action="store_true", help=self.force_help)

    def handle(self, *args, folder: Path, force: bool = False, **options):
        try:
            self.run(folder.resolve(), force=force)
        except (BackupError, DatabaseError, OSError) as error:
            raise CommandError(str(error), returncode=1) from error

    def run(self, folder: Path, *, force: bool) -> None:
        raise NotImplementedError
