"""Permission predicates of the proposals app: one place for views, templates and actions."""

import rules

from partnership.rules import (
    is_chair,
    is_citizen,
    is_city_officer,
    is_mayors_office,
    is_partnership_member,
)
from partnership.selectors import member_group_ids, sitting_term

from .models import Proposal


@rules.predicate
def is_group_member(user, proposal: Proposal | None) -> bool:
    return proposal is not None and proposal.group_id in member_group_ids(user)


@rules.predicate
def has_any_group(user) -> bool:
    return bool(member_group_ids(user))


@rules.predicate
def is_public(user, proposal: Proposal | None) -> bool:
    return proposal is not None and proposal.is_public


@rules.predicate
def review_is_closed(user, proposal: Proposal | None) -> bool:
    return proposal is not None and proposal.review_closed


@rules.predicate
def is_sitting_member(user) -> bool:
    return sitting_term(user=user) is not None


@rules.predicate
def is_recused(user, proposal: Proposal | None) -> bool:
    """A member of the proposing group, or one who declared a conflict, does not ballot."""
    return proposal is not None and bool(recusal_reason(proposal, user))


def recusal_reason(proposal: Proposal, user) -> str:
    """'group' when the user is in the proposing group, 'conflict' after a declaration."""
    if proposal.group_id in member_group_ids(user):
        return "group"
    if proposal.conflicts.filter(member__user=user).exists():
        return "conflict"
    return ""


# Pages and objects. The permissions of the life cycle's steps (submit, open_review, …)
# are registered from the transition table, `proposals.transitions`.
# Seeing a proposal: the public sees all but drafts; the group sees its own drafts.
rules.add_perm("proposals.read_proposal", is_public | is_group_member)
# Calls are public: anyone signed in may follow one (proposals follow `read_proposal`).
rules.add_perm("proposals.follow_call", rules.is_authenticated)
rules.add_perm("proposals.read_attachment", is_public | is_group_member)
rules.add_perm("proposals.create_draft", rules.is_authenticated & has_any_group)
# The role first: it costs no query, and joining a group gives the role.
rules.add_perm(
    "proposals.view_own_proposals", is_citizen | (rules.is_authenticated & has_any_group)
)
rules.add_perm("proposals.screen_proposals", is_city_officer)
# Consultations: groups open them; the departments' officers answer them.
rules.add_perm("proposals.open_consultation", rules.is_authenticated & has_any_group)
rules.add_perm("proposals.view_consultations",
               is_city_officer | (rules.is_authenticated & has_any_group))
rules.add_perm("proposals.view_review_queue", is_partnership_member)
# The hearing's questions and answers: the group and those who work on the review; everyone
# once the review has closed.
rules.add_perm("proposals.read_hearing_questions",
               is_group_member | is_city_officer | is_partnership_member | is_chair
               | is_mayors_office | review_is_closed)
rules.add_perm(
    "proposals.view_ballots",
    (is_partnership_member | is_chair | is_mayors_office) & review_is_closed,
)
rules.add_perm("proposals.view_review_board", is_chair)
# The members-only thread: never for a member of the proposing group.
rules.add_perm("proposals.read_deliberation",
               (is_partnership_member | is_chair) & ~is_group_member)
rules.add_perm("proposals.view_decision_queue", is_mayors_office)
