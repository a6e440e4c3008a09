"""`python manage.py demo`: load the Yamato demo data; safe to run again."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from partnership import page_cache
from partnership.demo import describe_logins


class Command(BaseCommand):
    help = "Load the Yamato City demo data (idempotent). Refuses when DEBUG is off unless --force."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (production)."
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                _("DEBUG is off: this looks like production. Use --force to load demo data anyway.")
            )
        # Each app may have a `demo` module with `load(stdout)`; INSTALLED_APPS order is the
        # dependency order, so partnership loads before proposals, proposals before services.
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if config.name.startswith("django.") or find_spec(module_name) is None:
                    continue
                import_module(module_name).load(stdout=self.stdout)
            # Some demo data is written directly, not through an audited action.
            transaction.on_commit(page_cache.bump)
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))
        for line in describe_logins():
            self.stdout.write(line)
