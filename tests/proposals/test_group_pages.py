"""Citizen-group pages: my proposals, writing and editing a draft, submitting, withdrawing,
and attachments (type checked by content, at most 10 MB)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from partnership.models import GroupMembership
from proposals import actions
from proposals.attachments import MAX_SIZE
from proposals.errors import ProposalError
from proposals.models import Attachment, Proposal, Status
from tests.factories import (
    CallFactory,
    CitizenGroupFactory,
    DepartmentFactory,
    ProposalFactory,
    UserFactory,
)
from tests.lifecycle import history, proposal_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


@pytest.fixture
def member():
    """A user who belongs to one citizen group."""
    user = UserFactory()
    GroupMembership.objects.create(group=CitizenGroupFactory(), user=user)
    return user


@pytest.fixture
def draft(member):
    return ProposalFactory(group=member.group_memberships.get().group, created_by=member)


def form_data(**overrides) -> dict:
    data = {
        "title": "学校施設を活用した地域センター運営事業",
        "field_of_activity": "education",
        "summary": "放課後の学校施設で講座を開きます。",
        "problem": "地域の居場所がない",
        "group_role": "講座の企画と運営",
        "city_role": "施設の使用許可",
        "beneficiaries": "地域の子どもと大人",
        "expected_outcomes": "年間100講座",
        "budget_total": "2000000",
        "budget_city_share": "800000",
        "duration_months": "24",
        "desired_department": "",
    }
    return {**data, **overrides}


def pdf(name="plan.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# --- my proposals ---------------------------------------------------------------------------


def test_my_proposals_lists_every_proposal_of_my_groups_with_next_step(client, member):
    second = CitizenGroupFactory()
    GroupMembership.objects.create(group=second, user=member)
    group = member.group_memberships.order_by("id").first().group
    mine = ProposalFactory(group=group, created_by=member, title="自分の下書き")
    theirs = proposal_in(Status.SUBMITTED, group=second, title="二つ目の団体の提案")
    ProposalFactory(title="他の団体の提案")
    client.force_login(member)

    response = client.get(reverse("proposals:my_proposals"))

    assert set(response.context["proposals"]) == {mine, theirs}
    html = response.content.decode()
    assert "他の団体の提案" not in html
    assert reverse("proposals:proposal_edit", args=[mine.pk]) in html
    assert reverse("proposals:proposal_submit", args=[mine.pk]) in html
    assert reverse("proposals:proposal_withdraw", args=[theirs.pk]) in html
    assert reverse("proposals:proposal_edit", args=[theirs.pk]) not in html
    assert "Awaiting the city" in html


def test_my_proposals_is_403_without_a_group(client):
    client.force_login(UserFactory())
    assert client.get(reverse("proposals:my_proposals")).status_code == 403


@pytest.mark.parametrize("n", [10, 200])
def test_my_proposals_queries_do_not_grow(client, member, django_assert_max_num_queries, n):
    group = member.group_memberships.get().group
    call = CallFactory()
    Proposal.objects.bulk_create(
        Proposal(call=call, group=group, created_by=member, title=f"提案 {i}", summary="概要")
        for i in range(n)
    )
    client.force_login(member)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("proposals:my_proposals"))
    assert response.context["paginator"].count == n


# --- writing a draft -------------------------------------------------------------------------


def test_create_a_draft(client, member):
    call = CallFactory()
    department = DepartmentFactory(name="生涯学習課")
    group = member.group_memberships.get().group
    client.force_login(member)

    response = client.post(reverse("proposals:proposal_create"), form_data(
        group=group.pk, call=call.pk, desired_department=department.pk,
    ))

    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("proposals:proposal_detail", args=[proposal.pk])
    assert (proposal.status, proposal.group, proposal.call) == (Status.DRAFT, group, call)
    assert (proposal.budget_total, proposal.budget_city_share) == (2_000_000, 800_000)
    assert proposal.desired_department == department and proposal.duration_months == 24
    assert [row.action for row in history(proposal)] == ["proposal.created"]


def test_create_offers_only_my_groups_and_open_calls(client, member):
    open_call = CallFactory()
    now = timezone.now()
    closed = CallFactory(opens_at=now - datetime.timedelta(days=9),
                         closes_at=now - datetime.timedelta(days=1))
    other_group = CitizenGroupFactory()
    client.force_login(member)
    form = client.get(reverse("proposals:proposal_create")).context["form"]
    assert list(form.fields["group"].queryset) == [member.group_memberships.get().group]
    assert list(form.fields["call"].queryset) == [open_call]
    # a single group and a single open call are chosen already
    assert (form.initial["group"], form.initial["call"]) == (
        member.group_memberships.get().group_id, open_call.pk)

    response = client.post(reverse("proposals:proposal_create"),
                           form_data(group=other_group.pk, call=closed.pk))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"group", "call"}
    assert not Proposal.objects.exists()


def test_every_field_has_a_label_and_yen_fields_have_help(client, member):
    CallFactory()
    client.force_login(member)
    response = client.get(reverse("proposals:proposal_create"))
    html = response.content.decode()
    form = response.context["form"]
    for field in form:
        assert f'for="{field.id_for_label}"' in html, field.name
    assert "yen" in str(form.fields["budget_total"].help_text)
    assert "yen" in str(form.fields["budget_city_share"].help_text)


def test_invalid_form_keeps_what_was_typed_and_shows_the_summary(client, member):
    call = CallFactory()
    client.force_login(member)
    group = member.group_memberships.get().group
    response = client.post(reverse("proposals:proposal_create"), form_data(
        group=group.pk, call=call.pk, budget_city_share="3000000",
    ))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert "cannot be more than the total budget" in html
    assert "放課後の学校施設で講座を開きます。" in html


def test_a_refused_action_is_shown_with_the_form_kept(client, member, draft, monkeypatch):
    def refuse(**kwargs):
        raise ProposalError("この操作はできません。")

    monkeypatch.setattr(actions, "update_draft", refuse)
    client.force_login(member)
    response = client.post(reverse("proposals:proposal_edit", args=[draft.pk]),
                           form_data(title="新しい題名"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "この操作はできません。" in html and 'id="error-summary"' in html
    assert 'value="新しい題名"' in html


def test_edit_a_draft(client, member, draft):
    client.force_login(member)
    url = reverse("proposals:proposal_edit", args=[draft.pk])
    assert client.get(url).context["form"].initial["title"] == draft.title
    response = client.post(url, form_data(title="改訂した題名"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "改訂した題名" and draft.status == Status.DRAFT


def test_no_editing_after_submission(client, member, draft):
    actions.submit(actor=member, proposal=draft)
    client.force_login(member)
    url = reverse("proposals:proposal_edit", args=[draft.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, form_data(title="後から変更")).status_code == 403
    draft.refresh_from_db()
    assert draft.title != "後から変更"


def test_another_groups_draft_is_404(client, draft):
    client.force_login(GroupMembership.objects.create(
        group=CitizenGroupFactory(), user=UserFactory()).user)
    for name in ("proposal_edit", "proposal_submit", "proposal_withdraw", "attachment_upload"):
        assert client.get(reverse(f"proposals:{name}", args=[draft.pk])).status_code == 404


# --- submit and withdraw ---------------------------------------------------------------------


def test_submit_through_the_confirmation_page(client, member, draft):
    client.force_login(member)
    url = reverse("proposals:proposal_submit", args=[draft.pk])
    page = client.get(url).content.decode()
    assert "Yes, submit the proposal" in page
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT  # GET changes nothing

    response = client.post(url, follow=True)

    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.submitted_at is not None
    assert history(draft)[-1].actor == member
    assert "The proposal is submitted." in response.content.decode()


def test_submit_is_refused_with_a_clear_message_when_the_call_closed(client, member, draft):
    client.force_login(member)
    now = timezone.now()
    draft.call.opens_at = now - datetime.timedelta(days=30)
    draft.call.closes_at = now - datetime.timedelta(minutes=1)
    draft.call.save()

    response = client.post(reverse("proposals:proposal_submit", args=[draft.pk]))

    assert response.status_code == 200
    assert "The call is not open for submissions." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW])
def test_withdraw_with_a_reason(client, status):
    proposal = proposal_in(status)
    member = GroupMembership.objects.filter(group=proposal.group).first().user
    client.force_login(member)
    url = reverse("proposals:proposal_withdraw", args=[proposal.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"reason": "担い手が確保できなくなったため"})

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.WITHDRAWN
    event = history(proposal)[-1]
    assert (event.before["status"], event.reason, event.actor) == (
        status, "担い手が確保できなくなったため", member)


def test_withdraw_without_a_reason(client, member, draft):
    client.force_login(member)
    client.post(reverse("proposals:proposal_withdraw", args=[draft.pk]), {"reason": ""})
    draft.refresh_from_db()
    assert draft.status == Status.WITHDRAWN


@pytest.mark.parametrize("status", [Status.RECOMMENDED, Status.CHOSEN, Status.WITHDRAWN])
def test_no_withdrawing_after_the_review(client, status):
    proposal = proposal_in(status)
    client.force_login(GroupMembership.objects.filter(group=proposal.group).first().user)
    response = client.post(reverse("proposals:proposal_withdraw", args=[proposal.pk]))
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == status


# --- attachments -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "content_type", "found", "shown"), [
    ("計画書.pdf", PDF, "application/pdf", "application/pdf", "計画書.pdf"),
    ("写真.png", PNG, "image/png", "image/png", "写真.png"),
    ("写真.JPG", JPEG, "image/jpeg", "image/jpeg", "写真.JPG"),
    ("写真.jpeg", JPEG, "image/jpeg", "image/jpeg", "写真.jpeg"),
    # the name and the browser's content type do not matter, the content does: the name
    # shown and downloaded ends with the extension of the type found
    ("scan", JPEG, "application/octet-stream", "image/jpeg", "scan.jpg"),
    ("report.png", PDF, "image/png", "application/pdf", "report.pdf"),
    ("invoice.html", PDF + b"<html><script>alert(1)</script>", "text/html",
     "application/pdf", "invoice.pdf"),
    ("請求\x00書\x07.pdf", PDF, "application/pdf", "application/pdf", "請求書.pdf"),
])
def test_upload_pdf_png_jpeg(client, member, draft, name, content, content_type, found, shown):
    client.force_login(member)
    response = client.post(reverse("proposals:attachment_upload", args=[draft.pk]),
                           {"file": pdf(name, content, content_type)})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.content_type) == (shown, found)
    assert attachment.size == len(content) and attachment.uploaded_by == member
    # stored under a random name with the extension of the type found
    assert re.fullmatch(rf"proposals/{draft.pk}/\d{{14}}-[\w-]{{24}}\.(pdf|png|jpg)",
                        attachment.file.name), attachment.file.name
    with attachment.file.open("rb") as handle:
        assert handle.read() == content


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("setup.pdf", EXE, "application/pdf"),  # a renamed .exe
    ("notes.pdf", "メモです。".encode(), "application/pdf"),  # a renamed .txt
    ("page.png", b"<html><script>alert(1)</script></html>", "image/png"),
    ("empty.pdf", b"", "application/pdf"),
])
def test_files_that_are_not_pdf_png_or_jpeg_are_refused(client, member, draft, name, content,
                                                        content_type):
    client.force_login(member)
    response = client.post(reverse("proposals:attachment_upload", args=[draft.pk]),
                           {"file": pdf(name, content, content_type)})
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert response.context["form"].errors["file"]
    assert not Attachment.objects.exists()


def test_files_over_10_mb_are_refused(client, member, draft):
    client.force_login(member)
    too_big = PDF + b"\x00" * (MAX_SIZE + 1 - len(PDF))
    response = client.post(reverse("proposals:attachment_upload", args=[draft.pk]),
                           {"file": pdf(content=too_big)})
    assert "at most 10 MB" in response.content.decode()
    assert not Attachment.objects.exists()
    just_fits = PDF + b"\x00" * (MAX_SIZE - len(PDF))
    client.post(reverse("proposals:attachment_upload", args=[draft.pk]),
                {"file": pdf(content=just_fits)})
    assert Attachment.objects.get().size == MAX_SIZE


def test_delete_an_attachment_while_a_draft(client, member, draft,
                                            django_capture_on_commit_callbacks):
    attachment = actions.add_attachment(actor=member, proposal=draft, upload=pdf())
    storage, name = attachment.file.storage, attachment.file.name
    client.force_login(member)
    url = reverse("proposals:attachment_delete", args=[draft.pk, attachment.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not storage.exists(name)


def test_no_attachment_changes_after_submission(client, member, draft):
    attachment = actions.add_attachment(actor=member, proposal=draft, upload=pdf())
    actions.submit(actor=member, proposal=draft)
    client.force_login(member)
    upload_url = reverse("proposals:attachment_upload", args=[draft.pk])
    assert client.post(upload_url, {"file": pdf()}).status_code == 403
    delete_url = reverse("proposals:attachment_delete", args=[draft.pk, attachment.pk])
    assert client.post(delete_url).status_code == 403
    assert Attachment.objects.count() == 1
    with pytest.raises(ProposalError):
        actions.add_attachment(actor=member, proposal=draft, upload=pdf())


def test_a_failed_upload_leaves_no_file_behind(member, draft, tmp_path, monkeypatch):
    def fail(self, *args, **kwargs):
        raise DatabaseError("the database went away")

    actions.add_attachment(actor=member, proposal=draft, upload=pdf())
    kept = sorted(path for path in tmp_path.rglob("*") if path.is_file())
    assert len(kept) == 1  # the first upload's file, written where the failing one would be
    monkeypatch.setattr(Attachment, "save", fail)
    with pytest.raises(DatabaseError):
        actions.add_attachment(actor=member, proposal=draft, upload=pdf())
    assert sorted(path for path in tmp_path.rglob("*") if path.is_file()) == kept
    assert Attachment.objects.count() == 1


def test_a_pdf_holding_html_is_downloaded_as_a_pdf_never_as_html(client, member, draft):
    client.force_login(member)
    client.post(reverse("proposals:attachment_upload", args=[draft.pk]),
                {"file": pdf("invoice.html", PDF + b"<html><script>alert(1)</script>",
                             "text/html")})
    attachment = Attachment.objects.get()
    response = client.get(reverse("proposals:attachment_download",
                                  args=[draft.pk, attachment.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and 'filename="invoice.pdf"' in disposition
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
