"""Consultation (事前相談): a group asks the desired partner department before it submits.

The department's officer records the city's view; the group may reply. The view and the
reply go with the proposal to the partnership and the mayor's office, and are public once
the proposal's review closes.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnership import clock
from partnership.models import CitizenGroup, Department


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the department")
    ANSWERED = "answered", _("Answered by the department")
    REPLIED = "replied", _("Replied by the group")


class Consultation(models.Model):
    call = models.ForeignKey(
        "proposals.Call", on_delete=models.PROTECT, related_name="consultations",
        verbose_name=_("call"),
    )
    group = models.ForeignKey(
        CitizenGroup, on_delete=models.PROTECT, related_name="consultations",
        verbose_name=_("group"),
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="consultations",
        verbose_name=_("department consulted"),
    )
    # One consultation per proposal (a database constraint); empty while the group has
    # no draft yet.
    proposal = models.OneToOneField(
        "proposals.Proposal", on_delete=models.PROTECT, null=True, blank=True,
        related_name="consultation", verbose_name=_("proposal"),
    )
    status = models.CharField(_("status"), max_length=20, choices=ConsultationStatus.choices,
                              default=ConsultationStatus.OPEN, db_index=True)
    subject = models.CharField(_("subject"), max_length=200)
    question = models.TextField(_("what the group would like to discuss"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened at"), default=clock.now)
    # The department's view.
    fit = models.TextField(_("fit with existing city services"), blank=True)
    overlap = models.TextField(_("overlap with existing city services"), blank=True)
    contribution = models.TextField(_("what the city could contribute"), blank=True)
    concerns = models.TextField(_("concerns"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    reply = models.TextField(_("the group's reply"), blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)

    VIEW_FIELDS = ("fit", "overlap", "contribution", "concerns")

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        indexes = [models.Index(fields=["department", "status"])]

    def __str__(self) -> str:
        return self.subject

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_public(self) -> bool:
        """Public with its proposal once the partnership's review has closed."""
        return self.proposal is not None and self.proposal.review_closed
