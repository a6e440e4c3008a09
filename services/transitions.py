"""The life cycle of a project's fiscal year, written once.

A year is open while the group sets its targets (which the partner department agrees),
records its services (entered, edited, deleted or imported) and the three parties
evaluate it; the partner department then closes it, and nothing of it changes any more.

Each row: the states it leaves from, the state it reaches (none: the year stays open),
who may take it, its permission (who & the state, registered with `rules`), the audit
action it records and the notices it sends. The services actions authorise through it
(`services.actions.steps.authorize`), the pages and templates ask it (the `transitions`
template tag), and tests/services/test_transitions.py is generated from it.
"""

from django.utils.translation import gettext_lazy as _

from partnership.lifecycle import Lifecycle, Transition
from partnership.rules import is_chair, is_mayors_office, is_partnership_member

from .errors import ServiceError
from .models import Agreement, AnnualReport, Evaluation, ProjectYear
from .rules import (
    awaits_department,
    awaits_group,
    ends_agreed_period,
    evaluated_by_partnership,
    is_operating_member,
    is_partner_officer,
    records_open,
    renewal_undecided,
    report_accepted,
    report_written,
    report_year_open,
    represents_operating_group,
    year_has_ended,
)

Y = ProjectYear.Status


def _records_refusal(user, year) -> str:
    if is_operating_member(user, year) and not records_open(user, year):
        return _("The annual report of fiscal year %(year)s is submitted or accepted: its "
                 "records can no longer change.") % {"year": year.fiscal_year}
    return _("Only the staff of the operating group record its services.")


def _close_refusal(user, year) -> str:
    if is_partner_officer(user, year) and not report_accepted(user, year):
        return _("A fiscal year is closed only after its annual report is accepted.")
    return _("Only officers of the partner department close a fiscal year.")


def _renewal_refusal(user, year) -> str:
    if not is_mayors_office(user):
        return _("Only the mayor's office decides whether a project continues.")
    if not ends_agreed_period(user, year):
        return _("A renewal is decided after the last fiscal year of the agreed period, "
                 "once an agreement is in force.")
    if not evaluated_by_partnership(user, year):
        return _("The partnership evaluates fiscal year %(year)s before the renewal is "
                 "decided.") % {"year": year.fiscal_year}
    return _("Whether the project continues after fiscal year %(year)s is already "
             "decided.") % {"year": year.fiscal_year}


# Writing records is one step whatever the way (so one permission); the audit log says
# which: the table's event is the entry's, the others are these.
RECORD_CHANGED = "record.changed"
RECORD_DELETED = "record.deleted"
RECORDS_IMPORTED = "records.imported"

# Who evaluates -> the step it takes.
EVALUATE = {
    Evaluation.Evaluator.GROUP: "evaluate_as_group",
    Evaluation.Evaluator.DEPARTMENT: "evaluate_as_department",
    Evaluation.Evaluator.PARTNERSHIP: "evaluate_as_partnership",
}

YEAR = Lifecycle(
    model=ProjectYear,
    state_field="status",
    error=ServiceError,
    state_message=_("This fiscal year is %(status)s; this is only possible when it is "
                    "%(allowed)s."),
    transitions=[
        Transition("set_targets", (Y.OPEN,), (), is_operating_member, "services.set_targets",
                   "targets.set", _("Only the operating group sets its targets."),
                   notify={None: ("targets_set",)}, label=_("Set targets")),
        Transition("agree_targets", (Y.OPEN,), (), is_partner_officer,
                   "services.agree_targets", "targets.agreed",
                   _("Only officers of the partner department agree targets."),
                   notify={None: ("targets_agreed",)}, label=_("Agree the targets")),
        Transition("write_records", (Y.OPEN,), (), is_operating_member & records_open,
                   "services.write_records", "record.created", _records_refusal,
                   label=_("Add records")),
        Transition("evaluate_as_group", (Y.OPEN,), (), is_operating_member,
                   "services.evaluate_as_group", "evaluation.written",
                   _("Only the operating group writes the group's evaluation.")),
        Transition("evaluate_as_department", (Y.OPEN,), (), is_partner_officer,
                   "services.evaluate_as_department", "evaluation.written",
                   _("Only officers of the partner department write the department's "
                     "evaluation.")),
        Transition("evaluate_as_partnership", (Y.OPEN,), (), is_chair,
                   "services.evaluate_as_partnership", "evaluation.written",
                   _("Only the partnership chair writes the partnership's evaluation.")),
        Transition("comment_on_evaluation", (Y.OPEN,), (), is_partnership_member,
                   "services.comment_on_evaluation", "evaluation.commented",
                   _("Only members of the partnership comment on its evaluation.")),
        # After the evaluation of the agreed period's last year, closed or not: a year
        # closed first must not leave the project unable to go on.
        Transition("decide_renewal", (Y.OPEN, Y.CLOSED), (),
                   is_mayors_office & ends_agreed_period & evaluated_by_partnership
                   & renewal_undecided, "services.decide_renewal", "renewal.decided",
                   _renewal_refusal, notify={None: ("renewal_decided",)},
                   label=_("Decide the renewal")),
        Transition("close", (Y.OPEN,), (Y.CLOSED,), is_partner_officer & report_accepted,
                   "services.close_year", "year.closed", _close_refusal,
                   notify={Y.CLOSED: ("year_closed",)}, label=_("Close the fiscal year")),
    ],
)

A = Agreement.Status

# A draft is written by the partner department and confirmed by both sides, in either
# order: the second confirmation puts it in force (so two states may be reached). Editing
# a draft clears the confirmations given to its earlier text. A version in force is
# changed only by an amendment: a new draft (`services.draft_agreement`), which supersedes
# it once confirmed.
AGREEMENT = Lifecycle(
    model=Agreement,
    state_field="status",
    error=ServiceError,
    state_message=_("This version of the agreement is %(status)s; this is only possible "
                    "when it is %(allowed)s."),
    transitions=[
        Transition("edit_agreement", (A.DRAFT,), (), is_partner_officer,
                   "services.edit_agreement", "agreement.edited",
                   _("Only officers of the partner department write the agreement."),
                   notify={None: ("agreement_drafted",)}, label=_("Edit the draft")),
        Transition("confirm_for_group", (A.DRAFT,), (A.DRAFT, A.IN_FORCE),
                   represents_operating_group & awaits_group,
                   "services.confirm_agreement_for_group", "agreement.confirmed_by_group",
                   _("Only the representative of the operating group confirms for it, and "
                     "only once."),
                   notify={A.DRAFT: ("agreement_confirmed",),
                           A.IN_FORCE: ("agreement_in_force",)},
                   label=_("Confirm for the group")),
        Transition("confirm_for_department", (A.DRAFT,), (A.DRAFT, A.IN_FORCE),
                   is_partner_officer & awaits_department,
                   "services.confirm_agreement_for_department",
                   "agreement.confirmed_by_department",
                   _("Only officers of the partner department confirm for it, and only "
                     "once."),
                   notify={A.DRAFT: ("agreement_confirmed",),
                           A.IN_FORCE: ("agreement_in_force",)},
                   label=_("Confirm for the department")),
    ],
)

R = AnnualReport.Status

# The group writes the report after the year and submits it; the partner department
# accepts it or returns it with comments, and a returned report is written and submitted
# again. From submission on the year's records are locked (`records_open`); accepting it
# keeps the year's figures, and only then may the year close.
REPORT = Lifecycle(
    model=AnnualReport,
    state_field="status",
    error=ServiceError,
    state_message=_("This annual report is %(status)s; this is only possible when it is "
                    "%(allowed)s."),
    transitions=[
        Transition("write_report", (R.DRAFT, R.RETURNED), (),
                   is_operating_member & report_year_open, "services.write_report",
                   "report.written",
                   _("Only the staff of the operating group write its annual report."),
                   label=_("Write the report")),
        Transition("submit_report", (R.DRAFT, R.RETURNED), (R.SUBMITTED,),
                   is_operating_member & report_written & report_year_open & year_has_ended,
                   "services.submit_report", "report.submitted",
                   _("Only the staff of the operating group submit its annual report, once "
                     "the fiscal year is over."),
                   notify={R.SUBMITTED: ("report_submitted",)}, label=_("Submit the report")),
        Transition("return_report", (R.SUBMITTED,), (R.RETURNED,), is_partner_officer,
                   "services.return_report", "report.returned",
                   _("Only officers of the partner department return an annual report."),
                   notify={R.RETURNED: ("report_returned",)}, label=_("Return with comments")),
        Transition("accept_report", (R.SUBMITTED,), (R.ACCEPTED,), is_partner_officer,
                   "services.accept_report", "report.accepted",
                   _("Only officers of the partner department accept an annual report."),
                   notify={R.ACCEPTED: ("report_accepted",)}, label=_("Accept the report")),
    ],
)
