"""The agreement (協定書) between a project's operating group and its partner department.

Each version is a row; an amendment (変更協定) is the next version, with its reason. A
version is a draft until both sides have confirmed it; then it is in force and the one
before it is superseded. Every version stays readable. Its transitions are in
`services.transitions.AGREEMENT`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.models import MAX_YEN

from .models import Project


class Agreement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("agreement", "draft")
        IN_FORCE = "in_force", pgettext_lazy("agreement", "in force")
        SUPERSEDED = "superseded", pgettext_lazy("agreement", "superseded")

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="agreements",
                                verbose_name=_("project"))
    version = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    reason = models.TextField(_("reason for the amendment"), blank=True)
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    group_role = models.TextField(_("what the group does"))
    city_role = models.TextField(_("what the city does"))
    city_contribution = models.PositiveBigIntegerField(
        _("city's contribution per fiscal year (yen)"), validators=[MaxValueValidator(MAX_YEN)])
    group_share = models.PositiveBigIntegerField(
        _("group's own share per fiscal year (yen)"), validators=[MaxValueValidator(MAX_YEN)])
    indicators = models.TextField(_("indicators and targets"))
    reporting = models.TextField(_("reporting duties"))
    # The childcare NPO's remit of 2008: its staff then tell the city's child-welfare
    # officers about families in serious difficulty (the families app).
    family_contacts = models.BooleanField(
        _("direct contacts with families"), default=False,
        help_text=_("The group contacts families directly and may file confidential "
                    "family-situation reports with the city."))
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("drafted by"))
    group_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("confirmed for the group by"))
    group_confirmed_at = models.DateTimeField(_("confirmed by the group"), null=True, blank=True)
    department_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("confirmed for the department by"))
    department_confirmed_at = models.DateTimeField(_("confirmed by the department"),
                                                   null=True, blank=True)

    class Meta:
        ordering = ["project", "-version"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.UniqueConstraint(fields=["project", "version"],
                                    name="one_agreement_per_version"),
            # One version being written at a time: two drafts could both come into force.
            models.UniqueConstraint(fields=["project"], condition=models.Q(status="draft"),
                                    name="one_agreement_draft_per_project"),
            models.UniqueConstraint(fields=["project"], condition=models.Q(status="in_force"),
                                    name="one_agreement_in_force_per_project"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="agreement_period_order",
                                   violation_error_message=_(
                                       "The period cannot end before it starts.")),
            models.CheckConstraint(condition=models.Q(version=1) | ~models.Q(reason=""),
                                   name="amendment_needs_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.project} v{self.version}"

    @property
    def is_amendment(self) -> bool:
        return self.version > 1

    @property
    def in_force_from(self):
        """When the second side confirmed it (None while a side has not)."""
        if self.group_confirmed_at is None or self.department_confirmed_at is None:
            return None
        return max(self.group_confirmed_at, self.department_confirmed_at)
