"""A call's criteria, quorum and threshold are frozen once its first review opens."""

from decimal import Decimal

import pytest
from django.urls import reverse

from partnership.models import AuditEntry
from proposals.models import Call, Criterion, Status
from tests.factories import CallFactory
from tests.lifecycle import chair, proposal_in
from tests.test_audit_log import _call_form

pytestmark = pytest.mark.django_db


def test_the_first_review_freezes_the_call_and_later_ones_keep_the_date():
    call = CallFactory()
    first = proposal_in(Status.UNDER_REVIEW, call=call)
    frozen_at = Call.objects.get(pk=call.pk).frozen_at
    assert frozen_at is not None
    proposal_in(Status.UNDER_REVIEW, call=call, the_chair=chair())
    assert Call.objects.get(pk=call.pk).frozen_at == frozen_at
    assert first.call_id == call.pk


def test_submitting_alone_does_not_freeze():
    call = CallFactory()
    proposal_in(Status.SUBMITTED, call=call)
    assert Call.objects.get(pk=call.pk).frozen_at is None


def test_the_admin_changes_an_open_call_but_not_a_frozen_one(admin_client):
    open_call, frozen = CallFactory(), CallFactory()
    proposal_in(Status.UNDER_REVIEW, call=frozen)
    frozen.refresh_from_db()
    for call in (open_call, frozen):
        url = reverse("admin:proposals_call_change", args=[call.pk])
        data = _call_form(call, quorum="0.900", threshold="0.900",
                          **{"criteria-0-weight": "3.00"})
        assert admin_client.post(url, data).status_code == 302
    open_call.refresh_from_db()
    frozen.refresh_from_db()
    assert (open_call.quorum, open_call.threshold) == (Decimal("0.900"), Decimal("0.900"))
    assert (frozen.quorum, frozen.threshold) == (Decimal("0.500"), Decimal("0.600"))
    weights = dict(Criterion.objects.filter(position=0).values_list("call_id", "weight"))
    assert weights == {open_call.pk: Decimal("3.00"), frozen.pk: Decimal("1.00")}
    for row in AuditEntry.objects.filter(action="admin.changed", subject_type__model="call",
                                         subject_id=frozen.pk):
        assert not {"quorum", "threshold"} & set(row.after)


def test_a_frozen_calls_criterion_cannot_be_changed_deleted_or_added(admin_client):
    call = CallFactory()
    proposal_in(Status.UNDER_REVIEW, call=call)
    criterion = call.criteria.first()
    change = reverse("admin:proposals_criterion_change", args=[criterion.pk])
    delete = reverse("admin:proposals_criterion_delete", args=[criterion.pk])
    assert admin_client.post(change, {"name": "新しい名前", "call": call.pk, "max_score": 5,
                                      "weight": "9", "position": 0}).status_code == 403
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    added = admin_client.post(reverse("admin:proposals_criterion_add"),
                              {"name": "追加", "call": call.pk, "max_score": 5, "weight": "1",
                               "position": 9})
    assert added.status_code == 200  # the form refuses a frozen call
    assert set(call.criteria.values_list("name", flat=True)) == {
        "公益性", "役割分担", "実現可能性", "効果", "独創性"}
