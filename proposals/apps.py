from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Proposals")

    def ready(self) -> None:
        from . import consultation_notices, hearing_notices, notifications  # noqa: F401 (kinds)
        from .consultation_transitions import CONSULTATION
        from .hearing_transitions import QUESTION, SESSION, SLOT
        from .transitions import PROPOSAL

        PROPOSAL.register_permissions()
        CONSULTATION.register_permissions()
        for table in (SESSION, SLOT, QUESTION):
            table.register_permissions()
