"""Consultation (事前相談): opening, the department's view, the group's reply; who reads it
and when it becomes public; the call that requires it before submission; its notices."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import AuditEntry, Notification
from partnership.roles import Role
from proposals import actions
from proposals.consultations import Consultation, ConsultationStatus
from proposals.errors import ProposalError
from proposals.models import Proposal, Status
from tests.consultations import consultation_in, consulted_proposal_in, department_officer
from tests.factories import CallFactory, DepartmentFactory, ProposalFactory, UserFactory
from tests.lifecycle import group_member, members
from tests.pages import text
from tests.threads import ON_POSTGRESQL, run_together

pytestmark = pytest.mark.django_db

OVERLAP = "市の子育て支援センターの学習支援と対象が重なります。"


def detail(consultation) -> str:
    return reverse("proposals:consultation_detail", kwargs={"pk": consultation.pk})


def test_the_department_is_told_of_a_new_consultation_and_the_group_of_the_answer():
    draft = ProposalFactory()
    department = DepartmentFactory()
    officer, elsewhere = department_officer(department), department_officer(DepartmentFactory())
    consultation = actions.open_consultation(
        actor=group_member(draft), group=draft.group, call=draft.call, department=department,
        subject="相談", question="協働できますか", proposal=draft)
    told = set(Notification.objects.values_list("recipient", "kind"))
    assert told == {(officer.pk, "consultation_opened")}
    assert elsewhere.pk not in {r for r, _ in told}
    Notification.objects.all().delete()
    actions.answer_consultation(actor=officer, consultation=consultation, fit="合致します",
                                overlap=OVERLAP)
    told = set(Notification.objects.values_list("recipient", "kind"))
    assert told == {(group_member(draft).pk, "consultation_answered")}
    Notification.objects.all().delete()
    actions.reply_consultation(actor=group_member(draft), consultation=consultation,
                               reply="対象を中学生に絞ります")
    assert set(Notification.objects.values_list("recipient", "kind")) == {
        (officer.pk, "consultation_replied")}


def test_one_consultation_per_draft_and_only_the_groups_own_draft():
    draft = ProposalFactory()
    consultation_in(ConsultationStatus.OPEN, proposal=draft)
    with pytest.raises(ProposalError, match="already"):
        consultation_in(ConsultationStatus.OPEN, proposal=draft)
    other = ProposalFactory()
    with pytest.raises(ProposalError):
        actions.open_consultation(actor=group_member(draft), group=draft.group,
                                  call=draft.call, department=DepartmentFactory(),
                                  subject="相談", question="質問", proposal=other)
    with pytest.raises(ProposalError):
        actions.open_consultation(actor=UserFactory(), group=draft.group, call=draft.call,
                                  department=DepartmentFactory(), subject="相談", question="質問")
    assert Consultation.objects.count() == 1


def test_the_answer_needs_the_fit_and_changes_nothing_without_it():
    consultation = consultation_in(ConsultationStatus.OPEN)
    officer = department_officer(consultation.department)
    with pytest.raises(ProposalError):
        actions.answer_consultation(actor=officer, consultation=consultation, fit="  ")
    assert Consultation.objects.get(pk=consultation.pk).status == ConsultationStatus.OPEN


def test_a_call_that_requires_a_consultation_refuses_a_submission_without_one():
    call = CallFactory(consultation_required=True)
    draft = ProposalFactory(call=call)
    with pytest.raises(ProposalError, match="consult"):
        actions.submit(actor=group_member(draft), proposal=draft)
    assert draft.__class__.objects.get(pk=draft.pk).status == Status.DRAFT
    consultation_in(ConsultationStatus.OPEN, proposal=draft)
    actions.submit(actor=group_member(draft), proposal=draft)
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED


def test_the_submit_page_refuses_without_a_consultation_in_words_and_changes_nothing(client):
    draft = ProposalFactory(call=CallFactory(consultation_required=True))
    client.force_login(group_member(draft))
    url = reverse("proposals:proposal_submit", args=[draft.pk])
    Notification.objects.all().delete()
    for language, message in (
            ("ja", "この募集では、提出前に担当課への事前相談が必要です。"
                   "先にこの下書きについて事前相談を申し込んでください。"),
            ("en", "This call asks each group to consult the department before submitting: "
                   "open a consultation for this draft first.")):
        response = client.post(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        page = text(response)
        summary = page[page.index('id="error-summary"'):]
        assert message in summary[:summary.index("</div>")]
    unchanged = Proposal.objects.get(pk=draft.pk)
    assert (unchanged.status, unchanged.submitted_at) == (Status.DRAFT, None)
    assert not AuditEntry.objects.filter(action="proposal.submitted").exists()
    assert not Notification.objects.exists()
    # With a consultation opened, the same page submits it.
    consultation_in(ConsultationStatus.OPEN, proposal=draft)
    assert client.post(url).status_code == 302
    assert Proposal.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_a_consultation_before_the_draft_is_attached_to_it_later(client):
    consultation = consultation_in(ConsultationStatus.ANSWERED, with_draft=False)
    author = group_member_of(consultation)
    draft = ProposalFactory(call=consultation.call, group=consultation.group)
    client.force_login(author)
    url = reverse("proposals:consultation_link", kwargs={"pk": consultation.pk})
    response = client.post(url, {"proposal": ""})
    assert response.status_code == 200 and 'id="error-summary"' in text(response)
    assert client.post(url, {"proposal": draft.pk}).status_code == 302
    assert Consultation.objects.get(pk=consultation.pk).proposal == draft


def group_member_of(consultation):
    return consultation.group.memberships.first().user


def test_who_reads_a_consultation_and_when(client):
    consultation = consultation_in(ConsultationStatus.REPLIED, overlap=OVERLAP)
    proposal = consultation.proposal
    url = detail(consultation)
    member = members(1)[0]
    for user, status in ((group_member(proposal), 200),
                         (department_officer(consultation.department), 200),
                         (UserFactory(roles=[Role.CITY_OFFICER]), 404),
                         (UserFactory(roles=[Role.CITIZEN]), 404),
                         (member, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    public = reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk})
    client.logout()
    assert OVERLAP not in text(client.get(public))


def test_the_view_goes_with_the_proposal_and_is_public_once_the_review_closes(client):
    proposal = consulted_proposal_in(Status.UNDER_REVIEW)
    Consultation.objects.filter(proposal=proposal).update(overlap=OVERLAP)
    member = members(1)[0]
    client.force_login(member)
    ballot = text(client.get(reverse("proposals:ballot", kwargs={"pk": proposal.pk})))
    assert OVERLAP in ballot and "人員は会員の中から確保します。" in ballot
    assert client.get(detail(proposal.consultation)).status_code == 200
    client.logout()
    public = reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk})
    assert OVERLAP not in text(client.get(public))
    closed = consulted_proposal_in(Status.RECOMMENDED)
    Consultation.objects.filter(proposal=closed).update(overlap=OVERLAP)
    page = text(client.get(reverse("proposals:proposal_detail", kwargs={"pk": closed.pk})))
    assert OVERLAP in page and "人員は会員の中から確保します。" in page
    client.force_login(UserFactory(roles=[Role.MAYORS_OFFICE]))
    decide = text(client.get(reverse("proposals:decide", kwargs={"pk": closed.pk})))
    assert OVERLAP in decide


def test_opening_from_the_page_shows_errors_then_sends(client):
    draft = ProposalFactory()
    department = DepartmentFactory()
    client.force_login(group_member(draft))
    url = reverse("proposals:consultation_open")
    response = client.post(url, {"group": draft.group.pk})
    assert response.status_code == 200 and 'id="error-summary"' in text(response)
    assert not Consultation.objects.exists()
    response = client.post(url, {"group": draft.group.pk, "call": draft.call.pk,
                                 "department": department.pk, "proposal": draft.pk,
                                 "subject": "学習支援の相談", "question": "連携できますか"})
    consultation = Consultation.objects.get()
    assert response.url == detail(consultation)
    assert consultation.proposal == draft


def test_the_officer_answers_from_the_page(client):
    consultation = consultation_in(ConsultationStatus.OPEN)
    client.force_login(department_officer(consultation.department))
    url = reverse("proposals:consultation_answer", kwargs={"pk": consultation.pk})
    assert 'for="id_fit"' in text(client.get(url))
    assert client.post(url, {"fit": "", "overlap": OVERLAP}).status_code == 200
    assert client.post(url, {"fit": "合致", "overlap": OVERLAP}).status_code == 302
    consultation.refresh_from_db()
    assert (consultation.status, consultation.overlap) == (ConsultationStatus.ANSWERED, OVERLAP)


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_keeps_its_query_count(client, size, django_assert_max_num_queries):
    department = DepartmentFactory()
    officer = department_officer(department)
    for _ in range(size):
        draft = ProposalFactory()
        actions.open_consultation(actor=group_member(draft), group=draft.group,
                                  call=draft.call, department=department, subject="相談",
                                  question="質問", proposal=draft)
    client.force_login(officer)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("proposals:consultation_list"))
    assert text(response).count("<tr>") == size + 1


def test_a_consultation_for_a_closed_call_is_refused():
    now = timezone.now()
    call = CallFactory(opens_at=now - datetime.timedelta(days=40),
                       closes_at=now - datetime.timedelta(days=1))
    draft = ProposalFactory(call=call)
    with pytest.raises(ProposalError):
        actions.open_consultation(actor=group_member(draft), group=draft.group, call=call,
                                  department=DepartmentFactory(), subject="相談", question="質問")


class TestAtOnce:
    pytestmark = ON_POSTGRESQL

    def test_twenty_openings_for_one_draft_leave_one_consultation(self):
        draft = ProposalFactory()
        department = DepartmentFactory()
        author = group_member(draft)

        def open_one(i: int) -> None:
            actions.open_consultation(actor=author, group=draft.group, call=draft.call,
                                      department=department, subject=f"相談 {i}",
                                      question="質問", proposal=draft)

        outcomes = run_together(open_one)
        assert outcomes["ok"] == 1 and outcomes["ProposalError"] == 19
        assert Consultation.objects.filter(proposal=draft).count() == 1
