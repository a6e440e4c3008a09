"""The call's calendar (募集スケジュール): the key dates after the submission window.

The submission window itself (`opens_at`, `closes_at`) is on the call; the other dates are
days, as a city's call guidelines (募集要項) print them. Each may be left empty until the
city fixes it; those given must follow one another in order.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CallCalendar(models.Model):
    consultation_opens_on = models.DateField(_("consultations open"), null=True, blank=True)
    consultation_closes_on = models.DateField(_("consultations close"), null=True, blank=True)
    hearing_on = models.DateField(_("public hearing"), null=True, blank=True)
    review_ends_on = models.DateField(_("review ends"), null=True, blank=True)
    decision_on = models.DateField(_("decision by"), null=True, blank=True)
    # Part of the calendar's order: the partnership hears a group before it ballots.
    hearing_required = models.BooleanField(
        _("hearing required before the review"), default=False,
        help_text=_("The chair opens a proposal's review only once its group has presented "
                    "at a hearing (its confirmed slot has begun)."))

    class Meta:
        abstract = True

    def calendar_chains(self) -> list[list[tuple[str, object]]]:
        """(field name, day) in the order they must follow, in two chains: consultation
        comes before the submission deadline; the hearing, the review and the decision come
        after submissions open (not necessarily after they close: a call open all year hears
        proposals as they come). Moments count as their local day."""
        opens = timezone.localdate(self.opens_at) if self.opens_at else None
        closes = timezone.localdate(self.closes_at) if self.closes_at else None
        return [[("consultation_opens_on", self.consultation_opens_on),
                 ("consultation_closes_on", self.consultation_closes_on),
                 ("closes_at", closes)],
                [("opens_at", opens), ("hearing_on", self.hearing_on),
                 ("review_ends_on", self.review_ends_on), ("decision_on", self.decision_on)]]

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Submissions must close after they open.")})
        for chain in self.calendar_chains():
            earlier = None
            for name, day in chain:
                if day is None:
                    continue
                if earlier is not None and day < earlier[1]:
                    raise ValidationError({name: _(
                        "This date cannot come before “%(earlier)s”.") % {
                        "earlier": self._meta.get_field(earlier[0]).verbose_name}})
                earlier = (name, day)


def _not_before(later: str, earlier: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{later}__isnull": True}) | Q(**{f"{earlier}__isnull": True})
        | Q(**{f"{later}__gte": F(earlier)}),
        name=f"call_{later}_after_{earlier}")


# The day-to-day order, kept by the database too (the order against the submission window's
# moments is checked by `clean`, which knows the time zone).
CALENDAR_CONSTRAINTS = [
    _not_before("consultation_closes_on", "consultation_opens_on"),
    _not_before("review_ends_on", "hearing_on"),
    _not_before("decision_on", "review_ends_on"),
    _not_before("decision_on", "hearing_on"),
]
