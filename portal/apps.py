from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Each person's way into the portal: My page (what awaits them, by role). It reads
    every app, as `reports` does, and nothing imports it."""

    name = "portal"
    verbose_name = _("My page")
