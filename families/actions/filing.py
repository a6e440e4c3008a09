"""Project staff file a family-situation report; the child-welfare officers are told at
once (an urgent report by its own notice)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.models import User
from services.actions.steps import lock_project
from services.models import Project

from .. import notifications
from ..models import MAX_REFERENCE, MAX_TEXT, FamilyReport
from .steps import allowed, clean_text, require

R = FamilyReport


@transaction.atomic
def file_report(*, actor: User, project: Project, family_reference: str, category: str,
                urgency: str, observed: str, npo_action: str, consent: bool) -> FamilyReport:
    project = lock_project(project)
    allowed(actor, "families.file_report", project,
            _("Only the staff of a project whose agreement includes direct contacts with "
              "families file family-situation reports for it."))
    require(category in R.Category.values, _("Choose a category."))
    require(urgency in R.Urgency.values, _("Choose the urgency."))
    require(isinstance(consent, bool), _("Say whether the family consented."))
    report = FamilyReport.objects.create(
        project=project, filed_by=actor, filed_at=clock.now(), category=category,
        urgency=urgency, consent=consent,
        family_reference=clean_text(family_reference, label=_("Family reference"),
                                    limit=MAX_REFERENCE, required=True, multiline=False),
        observed=clean_text(observed, label=_("What was observed"), limit=MAX_TEXT,
                            required=True),
        npo_action=clean_text(npo_action, label=_("What the group did"), limit=MAX_TEXT))
    audit.record(actor=actor, action="family_report.filed", subject=report,
                 after={"project": project.pk, "category": category, "urgency": urgency,
                        "consent": consent, "status": report.status})
    urgent = urgency == R.Urgency.URGENT
    notifications.send("family_report_urgent" if urgent else "family_report_filed", report)
    return report
