"""What the family-report actions share: refusals, the text checks and the locked row."""

from django.utils.translation import gettext_lazy as _

from partnership import text
from partnership.lifecycle import forget_cached_answers

from ..errors import FamilyReportError
from ..models import FamilyReport


def require(condition: bool, message) -> None:
    if not condition:
        raise FamilyReportError(message)


def clean_text(value: str | None, *, label, limit: int, required: bool = False,
               multiline: bool = True) -> str:
    value = (value or "").strip()
    problem = text.problem(value, multiline=multiline)
    require(problem is None, f"{label}: {problem}")
    require(len(value) <= limit,
            _("%(field)s: at most %(max)s characters.") % {"field": label, "max": limit})
    require(not required or text.visible(value),
            _("%(field)s: this field is required.") % {"field": label})
    return value


def lock(report: FamilyReport) -> FamilyReport:
    return (FamilyReport.objects.select_for_update(of=("self",)).select_related("project")
            .get(pk=report.pk))


def allowed(actor, permission: str, obj, message) -> None:
    forget_cached_answers(actor)
    require(actor.has_perm(permission, obj), message)
