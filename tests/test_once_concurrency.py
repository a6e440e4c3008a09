"""Twenty identical form submissions at the same moment (PostgreSQL): one is done."""

import threading

from django.test import Client
from django.urls import reverse

from proposals.models import Proposal, Status
from tests.factories import CallFactory
from tests.lifecycle import group_member, proposal_in
from tests.threads import ON_POSTGRESQL, run_together

pytestmark = ON_POSTGRESQL


def test_twenty_identical_requests_at_once_make_one_draft():
    proposal = proposal_in(Status.DRAFT)
    author = group_member(proposal)
    call = CallFactory()
    data = {"call": call.pk, "group": proposal.group_id, "title": "同時送信",
            "summary": "概要", "budget_total": 100, "budget_city_share": 50,
            "duration_months": 12}
    lock = threading.Lock()

    def send(i: int) -> None:
        client = Client()
        with lock:
            client.force_login(author)
        client.post(reverse("proposals:proposal_create"), data)

    run_together(send)
    assert Proposal.objects.filter(title="同時送信").count() == 1
