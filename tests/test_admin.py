"""Every model of the portal is in the admin, and each admin list page opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnership.models import PartnershipMember
from proposals.models import ConflictDeclaration, Status
from tests.lifecycle import chair, members, proposal_in

PORTAL_APPS = ("partnership", "proposals", "services", "families", "reports")


def test_every_model_is_registered():
    missing = [
        model._meta.label
        for name in PORTAL_APPS
        for model in apps.get_app_config(name).get_models()
        if model not in admin.site._registry
    ]
    assert missing == []


@pytest.mark.django_db
def test_every_admin_changelist_opens(admin_client):
    for model in admin.site._registry:
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert admin_client.get(url).status_code == 200, url


def _changelist_queries(admin_client) -> dict[str, int]:
    counts = {}
    for model in admin.site._registry:
        meta = model._meta
        if meta.app_label not in PORTAL_APPS:
            continue
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200, url
        counts[meta.label] = len(queries)
    return counts


def _life_cycles(n: int, the_chair, voters) -> None:
    """n chosen proposals by one panel (new members would raise the quorum), each with a
    ballot per voter, a review result, a decision and a conflict declaration."""
    for _ in range(n):
        proposal = proposal_in(Status.CHOSEN, the_chair=the_chair, voters=voters)
        ConflictDeclaration.objects.create(
            proposal=proposal, member=PartnershipMember.objects.get(user=voters[-1]),
            reason="利害関係")


@pytest.mark.django_db
def test_admin_lists_do_not_query_per_row(admin_client):
    the_chair = chair()
    voters = [the_chair, *members(3)]
    _life_cycles(1, the_chair, voters)
    few = _changelist_queries(admin_client)
    _life_cycles(3, the_chair, voters)
    assert _changelist_queries(admin_client) == few
