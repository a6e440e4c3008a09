"""The field of activity (活動分野): blank on a draft, needed to submit, chosen on the form,
shown on the proposal's page."""

import pytest
from django.urls import reverse

from proposals import actions
from proposals.errors import ProposalError
from proposals.models import ActivityField, Proposal, Status
from tests.factories import ProposalFactory
from tests.lifecycle import group_member, proposal_in
from tests.pages import text
from tests.proposals.test_group_pages import form_data

pytestmark = pytest.mark.django_db


def test_a_draft_is_saved_without_a_field_but_not_submitted(client):
    draft = ProposalFactory(field_of_activity="")
    author = group_member(draft)
    client.force_login(author)
    response = client.post(reverse("proposals:proposal_edit", args=[draft.pk]),
                           form_data(field_of_activity=""))
    assert response.status_code == 302
    assert Proposal.objects.get(pk=draft.pk).field_of_activity == ""
    with pytest.raises(ProposalError, match="field of activity"):
        actions.submit(actor=author, proposal=draft)
    assert Proposal.objects.get(pk=draft.pk).status == Status.DRAFT


def test_the_form_offers_the_fields_and_saves_the_choice(client):
    draft = ProposalFactory(field_of_activity="")
    client.force_login(group_member(draft))
    url = reverse("proposals:proposal_edit", args=[draft.pk])
    form = client.get(url).context["form"]
    assert [value for value, _ in form.fields["field_of_activity"].choices] == [
        "", *ActivityField.values]
    client.post(url, form_data(field_of_activity="disaster"))
    draft.refresh_from_db()
    assert draft.field_of_activity == ActivityField.DISASTER
    actions.submit(actor=group_member(draft), proposal=draft)
    assert Proposal.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_a_value_that_is_not_a_field_is_refused(client):
    draft = ProposalFactory(field_of_activity="")
    client.force_login(group_member(draft))
    response = client.post(reverse("proposals:proposal_edit", args=[draft.pk]),
                           form_data(field_of_activity="sports"))
    assert response.status_code == 200
    assert response.context["form"].errors["field_of_activity"]
    assert Proposal.objects.get(pk=draft.pk).field_of_activity == ""


def test_the_proposal_page_shows_the_field_or_a_dash(client):
    proposal = proposal_in(Status.SUBMITTED, field_of_activity=ActivityField.WELFARE)
    page = text(client.get(reverse("proposals:proposal_detail", args=[proposal.pk])))
    assert "Field of activity</dt><dd" in page and "Elderly and welfare" in page
    draft = ProposalFactory(field_of_activity="")
    client.force_login(group_member(draft))
    page = text(client.get(reverse("proposals:proposal_detail", args=[draft.pk])))
    assert 'Field of activity</dt><dd class="col-md-9">—</dd>' in page
