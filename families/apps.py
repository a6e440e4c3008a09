from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamiliesConfig(AppConfig):
    name = "families"
    verbose_name = _("Family-situation reports")

    def ready(self) -> None:
        from . import checks, notifications, rules  # noqa: F401 (register checks, notices, rules)
        from .transitions import REPORT

        REPORT.register_permissions()
