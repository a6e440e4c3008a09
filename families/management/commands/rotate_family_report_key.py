"""`python manage.py rotate_family_report_key`: re-encrypt every family-situation report
with the first key of DJANGO_FAMILY_REPORT_KEYS (see the README: rotating the key)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from ...rotation import rotate_all


class Command(BaseCommand):
    help = "Re-encrypt every family-situation report with the first key of " \
           "DJANGO_FAMILY_REPORT_KEYS."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rotate_all()
        self.stdout.write(_("%(count)s family-situation reports re-encrypted with the "
                            "first key.") % {"count": count})
