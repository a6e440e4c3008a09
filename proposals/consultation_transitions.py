"""The consultation's life cycle (事前相談), written once, in the manner of the proposal's
table (`proposals.transitions`): the department answers an open consultation, the group
replies to the answer, and the group attaches it to its draft while the draft is written."""

import rules
from django.utils.translation import gettext_lazy as _

from partnership.lifecycle import Lifecycle, Transition
from partnership.rules import is_chair, is_city_officer, is_mayors_office, is_partnership_member
from partnership.selectors import member_group_ids

from .consultations import Consultation, ConsultationStatus
from .errors import ProposalError
from .models import REVIEW_CLOSED_STATUSES, Status

C = ConsultationStatus
# The proposal's states in which the partnership and the mayor's office read it with the
# proposal (the ballot page, the board, the decision page).
WITH_THE_REVIEW = (Status.UNDER_REVIEW, *REVIEW_CLOSED_STATUSES)


def department_ids(user) -> set[int]:
    """Ids of the departments the user works in, cached on the user object for one page."""
    if not hasattr(user, "_cached_department_ids"):
        user._cached_department_ids = set(
            user.departments.values_list("pk", flat=True)) if user.is_authenticated else set()
    return user._cached_department_ids


@rules.predicate
def is_consulting_group(user, consultation: Consultation | None) -> bool:
    return consultation is not None and consultation.group_id in member_group_ids(user)


@rules.predicate
def works_in_the_department(user, consultation: Consultation | None) -> bool:
    return consultation is not None and consultation.department_id in department_ids(user)


@rules.predicate
def goes_with_the_review(user, consultation: Consultation | None) -> bool:
    proposal = consultation.proposal if consultation is not None else None
    return proposal is not None and proposal.status in WITH_THE_REVIEW


@rules.predicate
def is_published(user, consultation: Consultation | None) -> bool:
    return consultation is not None and consultation.is_public


answers_for_the_department = is_city_officer & works_in_the_department

CONSULTATION = Lifecycle(
    model=Consultation,
    state_field="status",
    error=ProposalError,
    state_message=_("This consultation is %(status)s; this is only possible when it is "
                    "%(allowed)s."),
    transitions=[
        Transition("answer", (C.OPEN,), (C.ANSWERED,), answers_for_the_department,
                   "proposals.answer_consultation", "consultation.answered",
                   _("Only officers of the department consulted answer it."),
                   notify={C.ANSWERED: ("consultation_answered",)},
                   label=_("Answer")),
        Transition("reply", (C.ANSWERED,), (C.REPLIED,), is_consulting_group,
                   "proposals.reply_consultation", "consultation.replied",
                   _("Only members of the group reply to the department's view."),
                   notify={C.REPLIED: ("consultation_replied",)},
                   label=_("Reply")),
        Transition("link", (C.OPEN, C.ANSWERED, C.REPLIED), (), is_consulting_group,
                   "proposals.link_consultation", "consultation.linked",
                   _("Only members of the group attach its consultations to its drafts."),
                   label=_("Attach to a draft")),
    ],
)

# Who reads a consultation: the group and the department; the partnership and the mayor's
# office once its proposal is under review; everyone once the review has closed.
rules.add_perm(
    "proposals.read_consultation",
    is_consulting_group | works_in_the_department | is_published
    | ((is_partnership_member | is_chair | is_mayors_office) & goes_with_the_review),
)
rules.add_perm("proposals.answer_consultations", is_city_officer)
