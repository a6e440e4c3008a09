from django.db import models
from django.utils.translation import gettext_lazy as _


class RecentSubmission(models.Model):
    """A form just sent, by its digest (partnership.submissions): the same form sent again
    by the same person within a few seconds — a double click, two tabs, a script — is
    recognised by this row's unique key, even when both arrive at the same moment."""

    key = models.CharField(_("digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("sent at"), db_index=True)

    class Meta:
        verbose_name = _("recent form submission")
        verbose_name_plural = _("recent form submissions")

    def __str__(self) -> str:
        return self.key
