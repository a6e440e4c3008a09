"""The overall verdict of a yearly evaluation: numbers alone do not say whether a project
should go on (the advisors' project had no measurable impact, yet both sides judged it a
success)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    CONTINUE_WITH_CHANGES = "continue_with_changes", _("Continue with changes")
    END = "end", _("End")
