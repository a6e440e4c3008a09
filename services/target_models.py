"""What a project's year is measured against and judged by: the targets agreed for each
indicator, and the evaluations with their verdicts."""


from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Indicator, Project
from .verdicts import Verdict


class Target(models.Model):
    """A yearly target for one indicator, set by the group and agreed by the department."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="targets", verbose_name=_("project")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    indicator = models.CharField(_("indicator"), max_length=40, choices=Indicator.choices)
    value = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("set by"),
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("agreed by"),
    )
    agreed_at = models.DateTimeField(_("agreed at"), null=True, blank=True)

    class Meta:
        ordering = ["project", "fiscal_year", "indicator"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "fiscal_year", "indicator"], name="one_target_per_indicator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.fiscal_year} {self.get_indicator_display()}"


class Evaluation(models.Model):
    """A yearly evaluation of a project by the group, the department or the partnership."""

    class Evaluator(models.TextChoices):
        GROUP = "group", _("Group")
        DEPARTMENT = "department", _("Department")
        PARTNERSHIP = "partnership", _("Partnership")

    SCORE = [MinValueValidator(1), MaxValueValidator(5)]

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("project")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    evaluator = models.CharField(_("evaluator"), max_length=20, choices=Evaluator.choices)
    progress = models.PositiveSmallIntegerField(_("progress against plan"), validators=SCORE)
    division_of_roles = models.PositiveSmallIntegerField(
        _("how well the division of roles worked"), validators=SCORE
    )
    satisfaction = models.PositiveSmallIntegerField(_("beneficiary satisfaction"), validators=SCORE)
    outcomes = models.PositiveSmallIntegerField(_("outcomes"), validators=SCORE)
    comment = models.TextField(_("comment"), blank=True)
    verdict = models.CharField(_("overall verdict"), max_length=30, choices=Verdict.choices,
                               blank=True)  # blank: written before verdicts were asked
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("author"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["project", "fiscal_year", "evaluator"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "fiscal_year", "evaluator"], name="one_evaluation_per_party"
            ),
            *[
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"evaluation_{name}_1_to_5",
                )
                for name in ("progress", "division_of_roles", "satisfaction", "outcomes")
            ],
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.fiscal_year} ({self.get_evaluator_display()})"
