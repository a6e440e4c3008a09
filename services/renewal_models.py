"""The mayor's office's decision, after the evaluation of an agreed period's last fiscal
year, whether the project goes on past that period (a renewal, to a new end) or ends.

One decision per project and year, as a database constraint. The agreed period is the
agreement in force's, extended by the renewals (`Project.agreed_period`); service
records fall inside it. The step is `decide_renewal` in `services.transitions.YEAR`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Project


class Renewal(models.Model):
    class Outcome(models.TextChoices):
        RENEW = "renew", _("Renew: the project continues")
        END = "end", _("End: the project ends with its agreed period")

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="renewals",
                                verbose_name=_("project"))
    fiscal_year = models.PositiveSmallIntegerField(_("after fiscal year"))
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    previous_end = models.DateField(_("agreed period ended on"))
    ends_on = models.DateField(_("renewed until"), null=True, blank=True)
    reasons = models.TextField(_("reasons"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["project", "fiscal_year"]
        verbose_name = _("renewal decision")
        verbose_name_plural = _("renewal decisions")
        constraints = [
            models.UniqueConstraint(fields=["project", "fiscal_year"],
                                    name="one_renewal_decision_per_year"),
            models.CheckConstraint(
                condition=(models.Q(outcome="renew", ends_on__gt=models.F("previous_end"))
                           | models.Q(outcome="end", ends_on__isnull=True)),
                name="renewal_extends_the_period",
                violation_error_message=_("A renewal runs past the agreed period's end.")),
            models.CheckConstraint(condition=~models.Q(reasons=""),
                                   name="renewal_has_reasons"),
        ]

    def __str__(self) -> str:
        return f"{self.project} ({self.fiscal_year}): {self.get_outcome_display()}"

    @property
    def renews(self) -> bool:
        return self.outcome == self.Outcome.RENEW
