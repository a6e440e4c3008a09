"""The agreement: drafted by the partner department, confirmed by both sides in either
order, amended by a new version with its reason; every version stays; the database keeps
one draft and one version in force per project."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from partnership.models import AuditEntry, Notification
from services import actions
from services.errors import ServiceError
from services.models import Agreement

from .agreement_data import TERMS, agreement_in, agreement_project, representative_of
from .conftest import officer_of, staff_of

S = Agreement.Status


@pytest.fixture
def project(db):
    return agreement_project()


@pytest.mark.django_db
def test_both_sides_confirm_in_either_order_and_the_project_starts(project):
    officer, rep = officer_of(project), representative_of(project)
    agreement = actions.draft_agreement(actor=officer, project=project, **TERMS)
    assert agreement.version == 1 and agreement.status == S.DRAFT
    assert Notification.objects.filter(kind="agreement_drafted", recipient=rep).exists()
    actions.confirm_agreement(actor=officer, agreement=agreement, side="department")
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT
    actions.confirm_agreement(actor=rep, agreement=agreement, side="group")
    agreement.refresh_from_db()
    project.refresh_from_db()
    assert agreement.status == S.IN_FORCE
    assert agreement.group_confirmed_by == rep and agreement.department_confirmed_by == officer
    assert project.agreement_date is not None
    assert {n.recipient for n in Notification.objects.filter(kind="agreement_in_force")} >= {
        rep, officer, staff_of(project)}
    assert list(AuditEntry.objects.filter(action__startswith="agreement.").values_list(
        "action", flat=True).order_by("id")) == [
        "agreement.drafted", "agreement.confirmed_by_department", "agreement.confirmed_by_group"]


@pytest.mark.django_db
def test_an_amendment_needs_a_reason_and_supersedes_the_version_in_force(project):
    first = agreement_in(project, S.IN_FORCE)
    officer, rep = officer_of(project), representative_of(project)
    with pytest.raises(ServiceError, match="reason"):
        actions.draft_agreement(actor=officer, project=project, reason="  ", **TERMS)
    amendment = actions.draft_agreement(actor=officer, project=project,
                                        reason="家庭への直接支援を追加",
                                        **{**TERMS, "group_role": "相談と家庭訪問"})
    assert amendment.version == 2
    first.refresh_from_db()
    assert first.status == S.IN_FORCE  # until both sides confirm the amendment
    actions.confirm_agreement(actor=rep, agreement=amendment, side="group")
    actions.confirm_agreement(actor=officer, agreement=amendment, side="department")
    first.refresh_from_db()
    amendment.refresh_from_db()
    assert (first.status, amendment.status) == (S.SUPERSEDED, S.IN_FORCE)
    assert first.group_role == TERMS["group_role"]  # the earlier text stays as it was


@pytest.mark.django_db
def test_one_draft_at_a_time(project):
    agreement_in(project, S.DRAFT)
    with pytest.raises(ServiceError):
        actions.draft_agreement(actor=officer_of(project), project=project, reason="二つ目",
                                **TERMS)
    assert Agreement.objects.filter(project=project).count() == 1


@pytest.mark.django_db
def test_editing_a_draft_asks_both_sides_again(project):
    agreement = agreement_in(project, S.DRAFT, group_confirmed=True)
    assert agreement.group_confirmed_at is not None
    actions.edit_agreement(actor=officer_of(project), agreement=agreement,
                           **{**TERMS, "city_contribution": 1_500_000})
    agreement.refresh_from_db()
    assert agreement.group_confirmed_at is None and agreement.city_contribution == 1_500_000
    row = AuditEntry.objects.get(action="agreement.edited")
    assert row.before == {"city_contribution": 1_200_000}
    # The same text again changes nothing and writes nothing.
    actions.edit_agreement(actor=officer_of(project), agreement=agreement,
                           **{**TERMS, "city_contribution": 1_500_000})
    assert AuditEntry.objects.filter(action="agreement.edited").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("change", "message"), [
    ({"ends_on": datetime.date(2009, 3, 31)}, "cannot end before"),
    ({"city_contribution": -1}, "yen"),
    ({"group_share": 10_000_000_001}, "10000000000"),
    ({"group_role": "  "}, "This field cannot be blank"),
    ({"starts_on": None}, "period"),
])
def test_bad_terms_are_refused_and_change_nothing(project, change, message):
    with pytest.raises(ServiceError, match=message):
        actions.draft_agreement(actor=officer_of(project), project=project,
                                **{**TERMS, **change})
    assert not Agreement.objects.exists() and not AuditEntry.objects.filter(
        action__startswith="agreement").exists()


@pytest.mark.django_db
def test_the_database_keeps_one_draft_and_one_version_in_force(project):
    first = agreement_in(project, S.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(**{**TERMS, "project": project, "version": 2, "reason": "x",
                                    "drafted_by": first.drafted_by})
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(**{**TERMS, "project": project, "version": 1,
                                    "status": S.SUPERSEDED, "drafted_by": first.drafted_by})
