"""The life cycle of a family-situation report, written once.

Project staff file it (a new row, `families.actions.file_report`); a child-welfare officer
acknowledges it (the filing group is told), records the city's intervention (once or
again, while acknowledged) and closes it once an intervention is recorded.
"""

from django.utils.translation import gettext_lazy as _

from partnership.lifecycle import Lifecycle, Transition

from .errors import FamilyReportError
from .models import FamilyReport
from .rules import intervention_recorded, is_child_welfare_officer

R = FamilyReport.Status


def _close_refusal(user, report) -> str:
    if not is_child_welfare_officer(user):
        return _("Only a child-welfare officer closes a family-situation report.")
    return _("Record the intervention before closing the report.")


REPORT = Lifecycle(
    model=FamilyReport,
    state_field="status",
    error=FamilyReportError,
    state_message=_("This report is %(status)s; this is only possible when it is "
                    "%(allowed)s."),
    transitions=[
        Transition("acknowledge", (R.FILED,), (R.ACKNOWLEDGED,), is_child_welfare_officer,
                   "families.acknowledge_report", "family_report.acknowledged",
                   _("Only a child-welfare officer acknowledges a family-situation report."),
                   notify={R.ACKNOWLEDGED: ("family_report_acknowledged",)},
                   label=_("Acknowledge")),
        Transition("record_intervention", (R.ACKNOWLEDGED,), (), is_child_welfare_officer,
                   "families.record_intervention", "family_report.intervention_recorded",
                   _("Only a child-welfare officer records the city's intervention."),
                   label=_("Record the intervention")),
        Transition("close", (R.ACKNOWLEDGED,), (R.CLOSED,),
                   is_child_welfare_officer & intervention_recorded,
                   "families.close_report", "family_report.closed", _close_refusal,
                   notify={R.CLOSED: ("family_report_closed",)}, label=_("Close the report")),
    ],
)
