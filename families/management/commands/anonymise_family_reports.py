"""`python manage.py anonymise_family_reports [--years N] [--queue]`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ... import retention, tasks


class Command(BaseCommand):
    help = ("Drop the free text and family reference of family-situation reports closed "
            "more than DJANGO_FAMILY_REPORT_RETENTION_YEARS years ago.")

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, help="Retention period in years "
                            "(default: DJANGO_FAMILY_REPORT_RETENTION_YEARS).")
        parser.add_argument("--queue", action="store_true",
                            help="Queue the run for the worker instead of running it now.")

    def handle(self, *args, years=None, queue=False, **options):
        if years is not None and not 0 <= years <= 100:
            raise CommandError(_("--years must be between 0 and 100."))
        if queue:
            if years is not None:
                raise CommandError(_("--queue runs with the configured retention period."))
            tasks.anonymise_family_reports.enqueue()
            self.stdout.write(_("Queued: the worker anonymises the reports due."))
            return
        count = retention.anonymise_closed(years=years)
        self.stdout.write(_("%(count)s family-situation reports anonymised.") % {"count": count})
