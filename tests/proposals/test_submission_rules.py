"""What a submission needs: the parts the partnership judges, and a budget that is a budget."""

import pytest
from django.urls import reverse

from partnership import actions as group_actions
from partnership.errors import GroupError
from proposals import actions
from proposals.errors import ProposalError
from proposals.models import MAX_YEN, Proposal, Status
from tests.factories import ProposalFactory, UserFactory
from tests.lifecycle import group_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", Proposal.REQUIRED_FOR_SUBMISSION)
def test_an_empty_part_keeps_the_draft_with_a_message_naming_it(field):
    # Only spaces in a text; nothing chosen in a list of choices (spaces are not a choice).
    blank = "" if Proposal._meta.get_field(field).choices else "  "
    proposal = ProposalFactory(**{field: blank})
    label = str(Proposal._meta.get_field(field).verbose_name)
    with pytest.raises(ProposalError, match=label):
        actions.submit(actor=group_member(proposal), proposal=proposal)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.DRAFT


def test_a_budget_of_nothing_is_not_submitted():
    proposal = ProposalFactory(budget_total=0, budget_city_share=0)
    with pytest.raises(ProposalError, match="total budget"):
        actions.submit(actor=group_member(proposal), proposal=proposal)


def test_a_budget_beyond_ten_billion_yen_is_refused_on_the_form(client):
    proposal = ProposalFactory()
    client.force_login(group_member(proposal))
    response = client.post(reverse("proposals:proposal_edit", args=[proposal.pk]), {
        "title": proposal.title, "summary": "概要", "budget_total": 2**63 - 1,
        "budget_city_share": 0, "duration_months": 12})
    assert response.status_code == 200 and response.context["form"].errors["budget_total"]
    assert Proposal.objects.get(pk=proposal.pk).budget_total < MAX_YEN


def test_a_member_is_not_invited_again():
    proposal = ProposalFactory()
    author = group_member(proposal)
    proposal.group.memberships.filter(user=author).update(role="representative")
    with pytest.raises(GroupError, match="already a member"):
        group_actions.invite(actor=author, group=proposal.group, identifier=author.username)
    other = UserFactory()
    group_actions.invite(actor=author, group=proposal.group, identifier=other.email.upper())
