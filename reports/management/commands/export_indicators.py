"""`python manage.py export_indicators --year Y` or `--from Y1 --to Y2`: a stable interface
(the README's "Reports"): scripts read its CSV."""

from django.core.management.base import BaseCommand, CommandError

from reports.export import SpanError, indicators_csv, parse_span


class Command(BaseCommand):
    help = (
        "Write the indicators of every project and the proposal funnel for a fiscal year "
        "(--year) or a span of fiscal years (--from and --to) as CSV to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="one fiscal year, e.g. 2011")
        parser.add_argument("--from", dest="first", type=int, help="first fiscal year of a span")
        parser.add_argument("--to", dest="last", type=int, help="last fiscal year of a span")

    def handle(self, *args, year=None, first=None, last=None, **options):
        try:
            first, last = parse_span(year=year, first=first, last=last)
        except SpanError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(indicators_csv(first, last), ending="")
