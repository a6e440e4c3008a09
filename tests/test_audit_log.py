"""The one audit log: written by the admin and the group actions, never changed or deleted,
read by auditors with filters."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from partnership import actions, audit
from partnership.models import AuditEntry, GroupMembership
from partnership.roles import Role
from proposals.models import Call, Status
from tests.factories import CallFactory, CitizenGroupFactory, ProposalFactory, UserFactory
from tests.lifecycle import members, proposal_in, vote

pytestmark = pytest.mark.django_db


def _rows(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("id"))


def _call_form(call: Call, **changes) -> dict:
    criteria = list(call.criteria.all())
    opens, closes = (timezone.localtime(moment).replace(microsecond=0)
                     for moment in (call.opens_at, call.closes_at))
    data = {
        "fiscal_year": call.fiscal_year, "title": call.title, "description": call.description,
        "opens_at_0": f"{opens:%Y-%m-%d}", "opens_at_1": f"{opens:%H:%M:%S}",
        "closes_at_0": f"{closes:%Y-%m-%d}", "closes_at_1": f"{closes:%H:%M:%S}",
        "quorum": str(call.quorum), "threshold": str(call.threshold),
        "criteria-TOTAL_FORMS": str(len(criteria)), "criteria-INITIAL_FORMS": str(len(criteria)),
        "criteria-MIN_NUM_FORMS": "0", "criteria-MAX_NUM_FORMS": "1000",
    }
    for i, criterion in enumerate(criteria):
        data.update({f"criteria-{i}-id": criterion.pk, f"criteria-{i}-call": call.pk,
                     f"criteria-{i}-name": criterion.name,
                     f"criteria-{i}-description": criterion.description,
                     f"criteria-{i}-max_score": criterion.max_score,
                     f"criteria-{i}-weight": str(criterion.weight),
                     f"criteria-{i}-position": criterion.position})
    items = list(call.checklist.all())
    data.update({"checklist-TOTAL_FORMS": str(len(items)),
                 "checklist-INITIAL_FORMS": str(len(items)),
                 "checklist-MIN_NUM_FORMS": "0", "checklist-MAX_NUM_FORMS": "1000"})
    for i, item in enumerate(items):
        data.update({f"checklist-{i}-id": item.pk, f"checklist-{i}-call": call.pk,
                     f"checklist-{i}-text": item.text, f"checklist-{i}-position": item.position})
    data.update(changes)
    return data


class TestTheAdminWritesTheLog:
    def test_a_calls_quorum_and_a_criterion_changed_in_the_admin(self, admin_client,
                                                                 admin_user):
        call = CallFactory()
        url = reverse("admin:proposals_call_change", args=[call.pk])
        response = admin_client.post(url, _call_form(call, quorum="0.750",
                                                     **{"criteria-0-weight": "2.00"}))
        assert response.status_code == 302, response.content[:2000]
        rows = {row.subject_type.model: row for row in _rows("admin.changed")}
        assert set(rows) == {"call", "criterion"}
        changed_call, changed_criterion = rows["call"], rows["criterion"]
        assert changed_call.subject_id == call.pk and changed_call.actor == admin_user
        assert changed_call.before["quorum"] == "0.500"
        assert changed_call.after["quorum"] == "0.750"
        assert changed_criterion.parent_id == call.pk
        assert changed_criterion.after == {"weight": "2.00"}

    def test_the_screening_checklist_edited_on_the_calls_page(self, admin_client, admin_user,
                                                              client):
        call = CallFactory()
        first, dropped, kept = call.checklist.all()
        url = reverse("admin:proposals_call_change", args=[call.pk])
        response = admin_client.post(url, _call_form(call, **{
            "checklist-0-text": "市内に事務所または活動拠点がある団体である",
            "checklist-1-DELETE": "on",
            "checklist-TOTAL_FORMS": "4", "checklist-3-id": "", "checklist-3-call": call.pk,
            "checklist-3-text": "事業の成果を市に報告できる", "checklist-3-position": "3"}))
        assert response.status_code == 302, response.content[:2000]
        assert list(call.checklist.values_list("text", flat=True)) == [
            "市内に事務所または活動拠点がある団体である", kept.text, "事業の成果を市に報告できる"]
        # Each line in the log under the call, by the admin.
        rows = {row.action: row for row in AuditEntry.objects.filter(
            subject_type__model="checklistitem")}
        assert set(rows) == {"admin.added", "admin.changed", "admin.deleted"}
        assert {(row.parent_id, row.actor) for row in rows.values()} == {(call.pk, admin_user)}
        assert rows["admin.changed"].subject_id == first.pk
        assert rows["admin.changed"].before == {"text": first.text}
        assert rows["admin.changed"].after == {"text": "市内に事務所または活動拠点がある団体である"}
        assert (rows["admin.deleted"].subject_id, rows["admin.deleted"].before["text"]) == (
            dropped.pk, dropped.text)
        assert rows["admin.added"].after["text"] == "事業の成果を市に報告できる"
        # The officer screens against the new list.
        proposal = proposal_in(Status.SUBMITTED, proposal=ProposalFactory(call=call))
        client.force_login(UserFactory(roles=[Role.CITY_OFFICER]))
        page = client.get(reverse("proposals:mark_eligible", kwargs={"pk": proposal.pk}))
        html = page.content.decode()
        assert "事業の成果を市に報告できる" in html and dropped.text not in html

    def test_deleting_in_the_admin_keeps_what_was_deleted(self, admin_client):
        group = CitizenGroupFactory(name="解散した会")
        url = reverse("admin:partnership_citizengroup_delete", args=[group.pk])
        assert admin_client.post(url, {"post": "yes"}).status_code == 302
        [deleted] = _rows("admin.deleted")
        assert deleted.before["name"] == "解散した会" and deleted.subject_id == group.pk

    def test_a_users_roles_changed_in_the_admin_without_the_password(self, admin_client):
        user = UserFactory(roles=[Role.CITIZEN])
        mayor = Group.objects.get(name=Role.MAYORS_OFFICE.value)
        url = reverse("admin:partnership_user_change", args=[user.pk])
        form = admin_client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items()
                if value is not None and name not in ("groups", "user_permissions",
                                                      "last_login", "date_joined")}
        data.update({"groups": [*user.groups.values_list("pk", flat=True), mayor.pk],
                     "date_joined_0": "2026-01-05", "date_joined_1": "10:00:00",
                     "language": "ja", "email_muted": "[]"})
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.content[:3000]
        [changed] = _rows("admin.changed")
        assert mayor.pk in changed.after["groups"] and mayor.pk not in changed.before["groups"]
        assert "password" not in str(changed.before) + str(changed.after)


class TestNobodyChangesTheLog:
    @pytest.fixture
    def entry(self):
        return audit.history(proposal_in(Status.SUBMITTED), public_only=True).last()

    def test_the_model_refuses(self, entry):
        entry.reason = "書き換え"
        with pytest.raises(TypeError):
            entry.save()
        with pytest.raises(TypeError):
            entry.delete()
        with pytest.raises(TypeError):
            AuditEntry.objects.filter(pk=entry.pk).update(reason="書き換え")
        with pytest.raises(TypeError):
            AuditEntry.objects.filter(pk=entry.pk).delete()
        assert AuditEntry.objects.get(pk=entry.pk).reason == ""

    def test_the_admin_refuses_even_a_superuser(self, entry, admin_client):
        change = reverse("admin:partnership_auditentry_change", args=[entry.pk])
        delete = reverse("admin:partnership_auditentry_delete", args=[entry.pk])
        assert admin_client.get(change).status_code == 200  # to read
        assert admin_client.post(change, {"reason": "書き換え"}).status_code == 403
        assert admin_client.post(delete, {"post": "yes"}).status_code == 403
        changelist = reverse("admin:partnership_auditentry_changelist")
        response = admin_client.post(changelist, {"action": "delete_selected",
                                                  "_selected_action": [entry.pk]})
        assert response.status_code in (200, 302, 403)
        assert AuditEntry.objects.get(pk=entry.pk).reason == ""

    @pytest.mark.postgres_only
    @pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"],
                        reason="the trigger is PostgreSQL's (set DATABASE_URL=postgres://…)")
    @pytest.mark.parametrize("sql", [
        "UPDATE partnership_auditentry SET reason = 'x' WHERE id = %s",
        "DELETE FROM partnership_auditentry WHERE id = %s",
    ])
    def test_raw_sql_is_refused_on_postgresql(self, entry, sql):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
        assert AuditEntry.objects.get(pk=entry.pk).reason == ""


class TestGroupActionsWriteTheLog:
    def test_create_add_and_remove(self):
        founder, newcomer = UserFactory(), UserFactory()
        group = actions.create_group(actor=founder, name="みどりの会", kind="npo",
                                     contact_email="midori@example.jp")
        invitation = actions.invite(actor=founder, group=group, identifier=newcomer.username)
        membership = actions.accept_invitation(actor=newcomer, invitation=invitation)
        actions.remove_member(actor=founder, group=group, membership=membership)
        steps = [(row.action, row.actor, row.parent_id)
                 for row in audit.history(group)]
        assert steps == [("group.created", founder, None),
                         ("group.member_joined", founder, group.pk),
                         ("group.member_invited", founder, group.pk),
                         ("invitation.accepted", newcomer, group.pk),
                         ("group.member_joined", newcomer, group.pk),
                         ("group.member_removed", founder, group.pk)]
        assert not GroupMembership.objects.filter(user=newcomer).exists()


class TestTheAuditorsPage:
    URL = "/audit/"

    @pytest.fixture
    def auditor(self, client):
        user = UserFactory(roles=[Role.AUDITOR])
        client.force_login(user)
        return user

    def test_filter_by_object_shows_its_parts_and_by_person(self, client, auditor):
        proposal = proposal_in(Status.UNDER_REVIEW)
        voter = members(1)[0]
        vote(voter, proposal)
        other = proposal_in(Status.SUBMITTED)
        response = client.get(self.URL, {"kind": "proposals.proposal", "object_id": proposal.pk})
        actions_shown = [entry.action for entry in response.context["entries"]]
        assert "ballot.cast" in actions_shown and "proposal.review_opened" in actions_shown
        assert all(entry.subject_id != other.pk or entry.subject_type.model != "proposal"
                   for entry in response.context["entries"])
        by_voter = client.get(self.URL, {"actor": voter.username}).context["entries"]
        assert [entry.action for entry in by_voter] == ["ballot.cast"]

    def test_dates_filter_and_bad_input_is_a_message_not_an_error(self, client, auditor):
        proposal_in(Status.SUBMITTED)
        today = timezone.localdate()
        tomorrow = today + datetime.timedelta(days=1)
        assert client.get(self.URL, {"date_from": tomorrow}).context["entries"].count() == 0
        assert client.get(self.URL, {"date_to": today}).context["entries"].count() > 0
        for bad in ({"date_from": tomorrow, "date_to": today}, {"object_id": "7"},
                    {"date_from": "2026-13-45"}, {"object_id": "x"}, {"kind": "auth.nothing"},
                    {"object_id": "99999999999999999999999"}):
            response = client.get(self.URL, bad)
            assert response.status_code == 200, bad
            assert response.context["form"].errors, bad
        for nul in ({"object_id": "7\x00"}, {"actor": "\x00" * 3}):
            assert client.get(self.URL, nul).status_code == 400  # refused before the page

    @pytest.mark.parametrize("rows", [2, 12])
    def test_the_page_keeps_its_query_count(self, client, auditor, rows,
                                            django_assert_max_num_queries):
        for _ in range(rows):
            proposal_in(Status.SUBMITTED)
        with django_assert_max_num_queries(8):
            assert client.get(self.URL).status_code == 200

    def test_others_may_not_read_it(self, client):
        for role in Role:
            if role == Role.AUDITOR:
                continue
            client.force_login(UserFactory(roles=[role]))
            assert client.get(self.URL).status_code == 403, role


def test_the_auditors_page_speaks_the_readers_language(client):
    group = CitizenGroupFactory(status="pending")
    GroupMembership.objects.create(group=group, user=UserFactory(), role="representative")
    actions.return_group(actor=UserFactory(roles=[Role.CITY_OFFICER]), group=group,
                         reason="規約を添えてください。")
    client.force_login(UserFactory(roles=[Role.AUDITOR]))
    japanese = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    english = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "修正のため差戻し" in japanese and "Returned for changes" in english
    assert "pending → returned" not in japanese + english
