"""The annual report (実績報告書) of a project's fiscal year, with its settlement (収支決算).

The group writes it after the year: a narrative and the settlement per budget line; the
year's indicators are never typed in, they are counted from the records. The partner
department accepts it or returns it with comments. Accepting it keeps the year's figures
as they were counted then (`figures`): the year's records are locked from the report's
submission on, so a closed year is read from them instead of counting its records. Its
transitions are in `services.transitions.REPORT`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.models import MAX_YEN

from .models import ProjectYear


class AnnualReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("annual report", "draft")
        SUBMITTED = "submitted", pgettext_lazy("annual report", "submitted")
        RETURNED = "returned", pgettext_lazy("annual report", "returned")
        ACCEPTED = "accepted", pgettext_lazy("annual report", "accepted")

    # The states in which the year's records may still change.
    RECORDS_OPEN = (Status.DRAFT, Status.RETURNED)

    year = models.OneToOneField(ProjectYear, on_delete=models.PROTECT, related_name="report",
                                verbose_name=_("fiscal year"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    narrative = models.TextField(_("what the project did this year"), blank=True)
    comments = models.TextField(_("the department's comments"), blank=True)
    # {indicator: value as text}, as counted when the report was accepted; empty before.
    figures = models.JSONField(_("figures accepted"), default=dict, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("written by"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("accepted or returned by"))
    decided_at = models.DateTimeField(_("accepted or returned at"), null=True, blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    def __str__(self) -> str:
        return str(self.year)

    @property
    def project(self):
        return self.year.project

    @property
    def fiscal_year(self) -> int:
        return self.year.fiscal_year

    @property
    def locks_records(self) -> bool:
        return self.status not in self.RECORDS_OPEN


class SettlementLine(models.Model):
    """One budget line of the settlement: what was spent from the city's contribution and
    from the group's own funds."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="lines",
                               verbose_name=_("annual report"))
    position = models.PositiveSmallIntegerField(_("position"))
    item = models.CharField(_("budget line"), max_length=100)
    city_amount = models.PositiveBigIntegerField(
        _("spent from the city's contribution (yen)"), validators=[MaxValueValidator(MAX_YEN)])
    group_amount = models.PositiveBigIntegerField(
        _("spent from the group's own funds (yen)"), validators=[MaxValueValidator(MAX_YEN)])

    class Meta:
        ordering = ["report", "position"]
        verbose_name = _("settlement line")
        verbose_name_plural = _("settlement lines")
        constraints = [
            models.UniqueConstraint(fields=["report", "position"],
                                    name="one_settlement_line_per_position"),
        ]

    def __str__(self) -> str:
        return self.item
