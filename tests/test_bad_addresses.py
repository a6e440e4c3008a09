"""A NUL character in an address's parameters gets a clear 400, never a server error."""

import pytest
from django.urls import reverse

from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["status__exact=%00", "q=%00abc", "%00=1", "o=1&p=a%00"])
def test_admin_lists_refuse_nul(admin_client, query):
    ProposalFactory()
    url = reverse("admin:proposals_proposal_changelist")
    response = admin_client.get(f"{url}?{query}")
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_public_pages_refuse_nul_too(client):
    response = client.get(reverse("proposals:call_list") + "?page=%00")
    assert response.status_code == 400


def test_an_ordinary_filter_still_works(admin_client):
    ProposalFactory()
    url = reverse("admin:proposals_proposal_changelist")
    assert admin_client.get(f"{url}?status__exact=draft").status_code == 200
