"""`python manage.py import_records KIND FILE`: import service records from a CSV file.

All or nothing: every bad row is reported as `line N: column: problem` and the
exit status is 1; the same file is refused the second time. The import is the
administrators' (no actor): the audit log records it as a command's.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from services import actions, importing
from services.errors import ServiceError
from services.kinds import KINDS


class Command(BaseCommand):
    help = "Import service records of one kind from a CSV file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(KINDS))
        parser.add_argument("file", type=Path)

    def handle(self, *args, kind: str, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        parsed = importing.parse(data, kind=kind, filename=file.name)
        if parsed.errors:
            for problem in parsed.errors:
                self.stderr.write(str(problem))
            raise CommandError(_("Nothing was imported."), returncode=1)
        try:
            batch = actions.import_records(actor=None, parsed=parsed)
        except ServiceError as error:
            raise CommandError(str(error), returncode=1) from error
        self.stdout.write(self.style.SUCCESS(
            ngettext("Imported %(rows)s record from %(file)s.",
                     "Imported %(rows)s records from %(file)s.", batch.rows)
            % {"rows": batch.rows, "file": file.name}
        ))
