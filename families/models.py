"""A confidential family-situation report: the project staff tell the city's child-welfare
officers about a family in serious difficulty, so that the city can act in time.

Only the officers and the filing project's staff read it; its free text and the family
reference are encrypted at rest (`fields.EncryptedTextField`). Its transitions are in
`families.transitions.REPORT`; after the retention period a closed report keeps only
what the indicators count.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from services.models import Project

from .fields import EncryptedTextField

MAX_REFERENCE = 40
MAX_TEXT = 5000


class FamilyReport(models.Model):
    class Status(models.TextChoices):
        FILED = "filed", pgettext_lazy("family report", "filed")
        ACKNOWLEDGED = "acknowledged", pgettext_lazy("family report", "acknowledged")
        CLOSED = "closed", pgettext_lazy("family report", "closed")

    class Category(models.TextChoices):
        CHILD_SAFETY = "child_safety", _("Child safety")
        PARENT_HEALTH = "parent_health", _("Parent's health")
        FINANCIAL = "financial", _("Financial")
        ISOLATION = "isolation", _("Isolation")
        OTHER = "other", _("Other")

    class Urgency(models.TextChoices):
        URGENT = "urgent", _("Urgent")
        SOON = "soon", _("Soon")
        ROUTINE = "routine", _("Routine")

    class Intervention(models.TextChoices):
        HOME_VISIT = "home_visit", _("Home visit by the city")
        REFERRAL = "referral", _("Referral to another service")
        PROTECTION = "protection", _("Protective measure")
        SUPPORT = "support", _("Support service arranged")
        MONITORING = "monitoring", _("Monitoring, no action needed yet")

    project = models.ForeignKey(Project, on_delete=models.PROTECT,
                                related_name="family_reports", verbose_name=_("project"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.FILED)
    family_reference = EncryptedTextField(_("family reference"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    observed = EncryptedTextField(_("what was observed"), blank=True)
    npo_action = EncryptedTextField(_("what the group did"), blank=True)
    consent = models.BooleanField(_("the family consented to the city being told"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("filed by"))
    filed_at = models.DateTimeField(_("filed at"))
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("acknowledged by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    # What the officer tells the filing group; the group reads it.
    reply = EncryptedTextField(_("reply to the group"), blank=True)
    intervention = models.CharField(_("intervention"), max_length=20, blank=True,
                                    choices=Intervention.choices)
    # The city's own notes: the group never reads them.
    city_notes = EncryptedTextField(_("city's notes"), blank=True)
    intervention_at = models.DateTimeField(_("intervention recorded at"), null=True,
                                           blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("closed by"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    # The free text, encrypted; anonymisation empties it, and the family reference.
    TEXT_FIELDS = ("family_reference", "observed", "npo_action", "reply", "city_notes")

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("family-situation report")
        verbose_name_plural = _("family-situation reports")
        indexes = [models.Index(fields=["filed_at"], name="family_report_filed_at")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="filed") | models.Q(acknowledged_at__isnull=False),
                name="family_report_acknowledged_when_past_filed"),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | ~models.Q(intervention=""),
                name="family_report_closed_with_intervention"),
        ]

    def __str__(self) -> str:
        # What the audit log and the admin show: never the content.
        return str(_("Family-situation report #%(number)s") % {"number": self.pk})
