"""The shared page links (templates/partials/pagination.html) keep a page's filter."""

import pytest
from django.urls import reverse

from proposals.models import Status
from proposals.views.review import BOARD_PAGE_SIZE
from tests.factories import CallFactory
from tests.lifecycle import chair, proposal_in

pytestmark = pytest.mark.django_db


def test_board_page_links_keep_the_status_filter(client):
    client.force_login(chair())
    call = CallFactory()
    for _ in range(BOARD_PAGE_SIZE + 1):
        proposal_in(Status.SUBMITTED, call=call)
    url = reverse("proposals:review_board", kwargs={"call": call.pk})
    page = client.get(url, {"status": "submitted"}).content.decode()
    assert 'href="?status=submitted&amp;page=2"' in page
    page = client.get(url, {"status": "submitted", "page": 2}).content.decode()
    assert 'href="?status=submitted&amp;page=1"' in page
    unfiltered = client.get(url).content.decode()
    assert 'href="?page=2"' in unfiltered
