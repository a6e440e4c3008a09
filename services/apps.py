from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Projects and service records")

    def ready(self) -> None:
        from proposals.signals import proposal_chosen

        from . import notifications  # noqa: F401 (registers the notice kinds)
        from .receivers import create_project
        from .transitions import AGREEMENT, REPORT, YEAR

        YEAR.register_permissions()
        AGREEMENT.register_permissions()
        REPORT.register_permissions()
        proposal_chosen.connect(create_project, dispatch_uid="services.create_project")
