"""The child-welfare officers' steps on a report (acknowledge, record the intervention,
close), and the audited read of its page by anyone allowed to read it."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.models import User

from .. import notifications
from ..models import MAX_TEXT, FamilyReport
from ..transitions import REPORT
from .steps import allowed, clean_text, lock, require

R = FamilyReport


@transaction.atomic
def read_report(*, actor: User, report: FamilyReport) -> FamilyReport:
    """The report as its page shows it, with the read in the audit log: who read which
    report when, never what it says."""
    report = (FamilyReport.objects.select_related("project", "project__group", "filed_by",
                                                  "acknowledged_by", "closed_by")
              .get(pk=report.pk))
    allowed(actor, "families.read_report", report,
            _("Only child-welfare officers and the filing project's staff read this report."))
    audit.record(actor=actor, action="family_report.read", subject=report)
    return report


@transaction.atomic
def acknowledge_report(*, actor: User, report: FamilyReport, reply: str = "") -> FamilyReport:
    report = lock(report)
    transition = REPORT.authorize(actor, report, "acknowledge")
    report.reply = clean_text(reply, label=_("Reply to the group"), limit=MAX_TEXT)
    report.status = R.Status.ACKNOWLEDGED
    report.acknowledged_by = actor
    report.acknowledged_at = clock.now()
    report.save(update_fields=["reply", "status", "acknowledged_by", "acknowledged_at"])
    audit.record(actor=actor, action=transition.event, subject=report,
                 before={"status": R.Status.FILED},
                 after={"status": report.status, "replied": bool(report.reply)})
    for kind in transition.notices(report.status):
        notifications.send(kind, report)
    return report


@transaction.atomic
def record_intervention(*, actor: User, report: FamilyReport, intervention: str,
                        city_notes: str = "") -> FamilyReport:
    report = lock(report)
    transition = REPORT.authorize(actor, report, "record_intervention")
    require(intervention in R.Intervention.values, _("Choose the intervention."))
    before = {"intervention": report.intervention}
    report.intervention = intervention
    report.city_notes = clean_text(city_notes, label=_("City's notes"), limit=MAX_TEXT)
    report.intervention_at = clock.now()
    report.save(update_fields=["intervention", "city_notes", "intervention_at"])
    audit.record(actor=actor, action=transition.event, subject=report, before=before,
                 after={"intervention": intervention})
    return report


@transaction.atomic
def close_report(*, actor: User, report: FamilyReport) -> FamilyReport:
    report = lock(report)
    transition = REPORT.authorize(actor, report, "close")
    report.status = R.Status.CLOSED
    report.closed_by = actor
    report.closed_at = clock.now()
    report.save(update_fields=["status", "closed_by", "closed_at"])
    audit.record(actor=actor, action=transition.event, subject=report,
                 before={"status": R.Status.ACKNOWLEDGED}, after={"status": report.status})
    for kind in transition.notices(report.status):
        notifications.send(kind, report)
    return report
