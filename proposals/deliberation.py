"""The partnership's deliberation: members discuss a proposal under review in a thread that
only the partnership reads (the seed's citizens "often found it difficult to agree": the
discussion is kept, in the audit log too, not lost in e-mail)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnership import clock


class DeliberationMessage(models.Model):
    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE,
                                 related_name="deliberation", verbose_name=_("proposal"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("member"))
    text = models.TextField(_("message"))
    posted_at = models.DateTimeField(_("posted at"), default=clock.now)

    class Meta:
        ordering = ["proposal", "posted_at", "id"]
        verbose_name = _("deliberation message")
        verbose_name_plural = _("deliberation messages")

    def __str__(self) -> str:
        return f"{self.author} — {self.proposal}"
