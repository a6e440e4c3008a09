"""The proposal's life cycle, written once (docs/architecture.md, "Transition tables").

Each row: the states it leaves from, the states it may reach, who may take it, its
permission (who & the states, registered with `rules`), the audit action it records
and the notices it sends for each state reached. Actions authorise through it
(`PROPOSAL.authorize`), pages and templates ask it (`PROPOSAL.available`, the
`transitions` template tag), and tests/proposals/test_transitions.py is generated from it.
"""

from django.utils.translation import gettext_lazy as _

from partnership.lifecycle import Lifecycle, Transition
from partnership.rules import is_chair, is_city_officer, is_mayors_office, is_partnership_member

from .errors import ProposalError
from .models import Proposal, Status
from .rules import is_group_member, is_recused, is_sitting_member, recusal_reason

S = Status
STATUS_NOTICE = "proposal_status"  # the proposing group hears of every change of state


def _ballot_refusal(user, proposal) -> str:
    reason = recusal_reason(proposal, user)
    if reason == "group":
        return _("You are a member of the proposing group, so you do not vote on this proposal.")
    if reason == "conflict":
        return _("You declared a conflict of interest on this proposal.")
    return _("Only sitting partnership members cast ballots.")


GROUP_ONLY = _("Only members of the group can change its proposals.")

PROPOSAL = Lifecycle(
    model=Proposal,
    state_field="status",
    error=ProposalError,
    state_message=_("This proposal is %(status)s; this is only possible when it is "
                    "%(allowed)s."),
    transitions=[
        Transition("edit", (S.DRAFT,), (), is_group_member, "proposals.edit_draft",
                   "proposal.edited", GROUP_ONLY, label=_("Edit")),
        Transition("add_attachment", (S.DRAFT,), (), is_group_member,
                   "proposals.add_attachment", "proposal.attachment_added", GROUP_ONLY,
                   label=_("Attachments")),
        Transition("remove_attachment", (S.DRAFT,), (), is_group_member,
                   "proposals.remove_attachment", "proposal.attachment_removed", GROUP_ONLY),
        Transition("submit", (S.DRAFT,), (S.SUBMITTED,), is_group_member,
                   "proposals.submit_proposal", "proposal.submitted",
                   _("Only members of the group can submit its proposals."),
                   notify={S.SUBMITTED: (STATUS_NOTICE,)}, label=_("Submit")),
        Transition("withdraw", (S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW),
                   (S.WITHDRAWN,),
                   is_group_member, "proposals.withdraw_proposal", "proposal.withdrawn",
                   _("Only members of the group can withdraw its proposals."),
                   notify={S.WITHDRAWN: (STATUS_NOTICE,)}, label=_("Withdraw")),
        Transition("mark_eligible", (S.SUBMITTED,), (S.ELIGIBLE,), is_city_officer,
                   "proposals.mark_eligible", "proposal.marked_eligible",
                   _("Only city officers screen proposals."),
                   notify={S.ELIGIBLE: (STATUS_NOTICE, "review_ready")},
                   label=_("Mark eligible")),
        Transition("mark_ineligible", (S.SUBMITTED,), (S.INELIGIBLE,), is_city_officer,
                   "proposals.mark_ineligible", "proposal.marked_ineligible",
                   _("Only city officers screen proposals."),
                   notify={S.INELIGIBLE: (STATUS_NOTICE,)}, label=_("Mark ineligible")),
        Transition("open_review", (S.ELIGIBLE,), (S.UNDER_REVIEW,), is_chair,
                   "proposals.open_review", "proposal.review_opened",
                   _("Only the partnership chair opens reviews."),
                   notify={S.UNDER_REVIEW: (STATUS_NOTICE, "review_opened")},
                   label=_("Open review")),
        Transition("cast_ballot", (S.UNDER_REVIEW,), (),
                   is_partnership_member & is_sitting_member & ~is_recused,
                   "proposals.cast_ballot", "ballot.cast", _ballot_refusal,
                   label=_("Ballot")),
        Transition("declare_conflict", (S.UNDER_REVIEW,), (),
                   is_partnership_member & is_sitting_member & ~is_group_member,
                   "proposals.declare_conflict", "conflict.declared",
                   _("Only sitting partnership members outside the proposing group declare "
                     "conflicts."),
                   label=_("Declare a conflict of interest")),
        Transition("ask_question", (S.ELIGIBLE, S.UNDER_REVIEW), (),
                   is_partnership_member & is_sitting_member & ~is_group_member,
                   "proposals.ask_hearing_question", "hearing_question.asked",
                   _("Only sitting partnership members outside the proposing group record "
                     "the hearing's questions."),
                   notify={None: ("hearing_question_asked",)}, label=_("Record a question")),
        Transition("write_hearing_note", (S.ELIGIBLE, S.UNDER_REVIEW), (),
                   is_partnership_member & is_sitting_member, "proposals.write_hearing_note",
                   "hearing_note.saved",
                   _("Only sitting partnership members keep hearing notes."),
                   label=_("My hearing notes")),
        Transition("deliberate", (S.UNDER_REVIEW,), (),
                   is_partnership_member & is_sitting_member & ~is_recused,
                   "proposals.deliberate", "deliberation.posted", _ballot_refusal,
                   label=_("Deliberation")),
        Transition("close_review", (S.UNDER_REVIEW,), (S.RECOMMENDED, S.NOT_RECOMMENDED),
                   is_chair, "proposals.close_review", "proposal.review_closed",
                   _("Only the partnership chair closes reviews."),
                   notify={S.RECOMMENDED: (STATUS_NOTICE, "decision_needed"),
                           S.NOT_RECOMMENDED: (STATUS_NOTICE,)},
                   label=_("Close review")),
        Transition("decide", (S.RECOMMENDED,), (S.CHOSEN, S.DECLINED), is_mayors_office,
                   "proposals.decide_proposal", "proposal.decided",
                   _("Only the mayor's office decides on proposals."),
                   notify={S.CHOSEN: (STATUS_NOTICE,), S.DECLINED: (STATUS_NOTICE,)},
                   label=_("Decide")),
    ],
)
