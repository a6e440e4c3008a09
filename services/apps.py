from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Projects and service records")

    def ready(self) -> None:
        from proposals.signals import proposal_chosen

        from .receivers import create_project

        proposal_chosen.connect(create_project, dispatch_uid="services.create_project")
