from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = _("Citizen Partnership")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import (
            group_notices,  # noqa: F401 (registers the notice kinds)
            language,
        )
        from .middleware import SessionIdleTimeoutMiddleware
        from .transitions import GROUP, INVITATION

        GROUP.register_permissions()
        INVITATION.register_permissions()

        user_logged_in.connect(SessionIdleTimeoutMiddleware.mark_login, dispatch_uid="idle-login")
        user_logged_in.connect(language.on_sign_in, dispatch_uid="account-language")
