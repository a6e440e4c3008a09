"""Public pages: the calls, a call's proposals, a proposal with its history and tally."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnership import clock
from partnership.models import GroupMembership
from proposals import actions
from proposals.models import Attachment, Ballot, Proposal, Status
from tests.factories import CallFactory, CitizenGroupFactory, ProposalFactory, UserFactory
from tests.lifecycle import group_member, proposal_in
from tests.pages import text

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


def closed_call(**kwargs):
    now = timezone.now()
    return CallFactory(opens_at=now - datetime.timedelta(days=60),
                       closes_at=now - datetime.timedelta(days=30), **kwargs)


def bulk_proposals(call, n: int, status=Status.SUBMITTED) -> None:
    """Many proposals for counting queries (the life cycle itself is tested elsewhere)."""
    group = CitizenGroupFactory()
    author = UserFactory()
    Proposal.objects.bulk_create(
        Proposal(call=call, group=group, created_by=author, status=status, title=f"提案 {i}",
                 summary="概要",
                 submitted_at=None if status == Status.DRAFT else timezone.now())
        for i in range(n)
    )


# --- list of calls -------------------------------------------------------------------------


def test_call_list_shows_state_and_counts(client):
    open_call = CallFactory(title="2026年度 協働事業提案")
    old = closed_call(title="2005年度 協働事業提案", fiscal_year=2005)
    proposal_in(Status.SUBMITTED, call=open_call)
    proposal_in(Status.DRAFT, call=open_call)
    with clock.at(old.opens_at + datetime.timedelta(days=1)):  # replay the old call
        proposal_in(Status.CHOSEN, call=old)
        proposal_in(Status.NOT_RECOMMENDED, call=old, ballots=5)

    response = client.get(reverse("proposals:call_list"))

    assert response.status_code == 200
    calls = {call.pk: call for call in response.context["calls"]}
    assert calls[open_call.pk].state == "open"
    assert calls[open_call.pk].public_count == 1  # the draft is not counted
    assert calls[old.pk].state == "closed"
    assert (calls[old.pk].public_count, calls[old.pk].recommended_count,
            calls[old.pk].chosen_count) == (2, 1, 1)
    html = response.content.decode()
    assert "2026年度 協働事業提案" in html and "Open for submissions" in html
    assert "Closed" in html
    assert reverse("proposals:call_detail", args=[old.pk]) in html


def test_call_not_open_yet(client):
    now = timezone.now()
    CallFactory(opens_at=now + datetime.timedelta(days=3), closes_at=now + datetime.timedelta(30))
    response = client.get(reverse("proposals:call_list"))
    assert "Not open yet" in response.content.decode()


@pytest.mark.parametrize("n", [10, 200])
def test_call_list_queries_do_not_grow(client, django_assert_max_num_queries, n):
    for _ in range(n // 10):
        bulk_proposals(CallFactory(criteria=[]), 10)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("proposals:call_list"))
    assert len(response.context["calls"]) == min(n // 10, 20)


def test_home_and_nav_link_to_the_calls(client):
    html = client.get(reverse("home")).content.decode()
    assert html.count(reverse("proposals:call_list")) >= 2


# --- a call ---------------------------------------------------------------------------------


def test_call_page_lists_public_proposals_with_status(client):
    call = CallFactory()
    submitted = proposal_in(Status.SUBMITTED, call=call, title="見える提案")
    chosen = proposal_in(Status.CHOSEN, call=call, title="選ばれた提案")
    proposal_in(Status.DRAFT, call=call, title="秘密の下書き")

    response = client.get(reverse("proposals:call_detail", args=[call.pk]))

    html = response.content.decode()
    assert "見える提案" in html and "選ばれた提案" in html
    assert "秘密の下書き" not in html
    assert list(response.context["proposals"]) == [submitted, chosen]
    assert "Submitted" in html and "Chosen" in html
    assert call.description in html


def test_call_page_paginates_by_50(client):
    call = CallFactory()
    bulk_proposals(call, 60)
    first = client.get(reverse("proposals:call_detail", args=[call.pk]))
    second = client.get(reverse("proposals:call_detail", args=[call.pk]), {"page": 2})
    assert len(first.context["proposals"]) == 50
    assert len(second.context["proposals"]) == 10
    assert "60 proposals have been submitted." in first.content.decode()


@pytest.mark.parametrize("n", [10, 200])
def test_call_page_queries_do_not_grow(client, django_assert_max_num_queries, n):
    call = CallFactory()
    bulk_proposals(call, n)
    bulk_proposals(call, 5, status=Status.DRAFT)
    with django_assert_max_num_queries(4):  # call, count, page, hearing sessions
        response = client.get(reverse("proposals:call_detail", args=[call.pk]))
    assert response.context["paginator"].count == n


@pytest.mark.parametrize("n", [10, 200])
def test_call_page_queries_for_a_signed_in_citizen(client, django_assert_max_num_queries, n):
    call = CallFactory()
    bulk_proposals(call, n)
    user = GroupMembership.objects.create(group=CitizenGroupFactory(), user=UserFactory()).user
    client.force_login(user)
    url = reverse("proposals:call_detail", args=[call.pk])
    # call, count, page; session (read and saved: 3), user, the user's groups, roles and
    # permissions (3)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert "Write a proposal for this call" in response.content.decode()


def test_unknown_call_is_404(client):
    assert client.get(reverse("proposals:call_detail", args=[999999])).status_code == 404


# --- a proposal -----------------------------------------------------------------------------


def test_proposal_page_shows_content_and_history_in_order(client):
    proposal = proposal_in(Status.SUBMITTED, title="子育て支援事業")
    actions.withdraw(actor=group_member(proposal), proposal=proposal, reason="取り下げ")
    response = client.get(reverse("proposals:proposal_detail", args=[proposal.pk]))
    html = response.content.decode()
    assert "子育て支援事業" in html
    for expected in ("地域の子育て家庭を支援します。", "子育て家庭の孤立", "相談と預かり",
                     "情報提供と広報", "市内の子育て家庭", "年間3,000件の相談対応",
                     "1,000,000 yen", "500,000 yen", "12 months"):
        assert expected in html, expected
    events = list(response.context["events"])
    # The public history starts at the submission and names parties, not people.
    assert [e.after["status"] for e in events] == [Status.SUBMITTED, Status.WITHDRAWN]
    assert events[1].reason == "取り下げ" and "取り下げ" in html
    assert proposal.group.name in html
    assert str(group_member(proposal)) not in html


def test_draft_is_404_except_for_its_group(client):
    draft = ProposalFactory()
    url = reverse("proposals:proposal_detail", args=[draft.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(group_member(draft))
    assert client.get(url).status_code == 200


def test_no_tally_while_under_review(client):
    proposal = proposal_in(Status.UNDER_REVIEW)
    response = client.get(reverse("proposals:proposal_detail", args=[proposal.pk]))
    assert "result" not in response.context
    assert "Result of the partnership" not in response.content.decode()


def test_tally_and_means_once_closed_but_not_who_voted_what(client):
    proposal = proposal_in(Status.RECOMMENDED, ballots=3)
    response = client.get(reverse("proposals:proposal_detail", args=[proposal.pk]))
    html = response.content.decode()
    result = response.context["result"]
    assert (result.recommend, result.not_recommend, result.abstain) == (3, 0, 0)
    means = response.context["means"]
    assert len(means) == 5 and all(row.mean == 4.0 and row.count == 3 for row in means)
    assert "4.00" in html and "公益性" in html
    assert "The Citizen Partnership recommended this proposal." in html
    for ballot in Ballot.objects.filter(proposal=proposal).select_related("member__user"):
        assert str(ballot.member.user) not in html
    assert "コメント" not in html  # members' comments are not public


def test_mayors_decision_and_reason_are_prominent(client):
    proposal = proposal_in(Status.DECLINED)
    html = client.get(reverse("proposals:proposal_detail", args=[proposal.pk])).content.decode()
    assert 'id="decision-heading"' in html
    assert "Declined by the mayor" in html
    decision_block = html.split('id="decision-heading"')[1].split("</section>")[0]
    assert "理由" in decision_block


def test_attachments_of_a_public_proposal_are_listed_and_downloadable(client):
    proposal = ProposalFactory()
    author = group_member(proposal)
    attachment = actions.add_attachment(
        actor=author, proposal=proposal,
        upload=SimpleUploadedFile("事業計画.pdf", PDF, content_type="application/pdf"),
    )
    actions.submit(actor=author, proposal=proposal)
    html = client.get(reverse("proposals:proposal_detail", args=[proposal.pk])).content.decode()
    url = reverse("proposals:attachment_download", args=[proposal.pk, attachment.pk])
    assert url in html and "事業計画.pdf" in html
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment;" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_draft_attachment_is_404_to_others(client):
    proposal = ProposalFactory()
    attachment = actions.add_attachment(
        actor=group_member(proposal), proposal=proposal,
        upload=SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"),
    )
    url = reverse("proposals:attachment_download", args=[proposal.pk, attachment.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(group_member(proposal))
    assert client.get(url).status_code == 200
    other = ProposalFactory()  # the attachment does not belong to this proposal
    wrong = reverse("proposals:attachment_download", args=[other.pk, attachment.pk])
    assert client.get(wrong).status_code == 404


def test_proposal_page_query_count_is_bounded(client, django_assert_max_num_queries):
    proposal = proposal_in(Status.CHOSEN, ballots=5)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("proposals:proposal_detail", args=[proposal.pk]))
    assert response.status_code == 200


def test_a_draft_withdrawn_before_submission_stays_private(client):
    proposal = proposal_in(Status.WITHDRAWN)  # withdrawn from its draft
    attachment = Attachment.objects.create(
        proposal=proposal, file="proposals/x.pdf", original_name="計画書.pdf",
        content_type="application/pdf", size=10, uploaded_by=group_member(proposal))
    page = reverse("proposals:proposal_detail", args=[proposal.pk])
    download = reverse("proposals:attachment_download", args=[proposal.pk, attachment.pk])
    assert client.get(page).status_code == 404
    assert client.get(download).status_code == 404
    call_page = text(client.get(reverse("proposals:call_detail", args=[proposal.call_id])))
    assert proposal.title not in call_page
    client.force_login(group_member(proposal))
    assert client.get(page).status_code == 200  # the group still sees its own


def test_a_proposal_withdrawn_after_submission_stays_public(client):
    proposal = proposal_in(Status.SUBMITTED)
    actions.withdraw(actor=group_member(proposal), proposal=proposal, reason="再検討")
    assert client.get(reverse("proposals:proposal_detail", args=[proposal.pk])).status_code == 200


def test_the_public_history_names_parties_and_the_group_sees_its_draft_time(client):
    proposal = proposal_in(Status.CHOSEN)
    url = reverse("proposals:proposal_detail", args=[proposal.pk])
    html = client.get(url).content.decode()
    for party in ("Citizen Partnership", "Mayor&#x27;s office", proposal.group.name):
        assert party in html, party
    for row in client.get(url).context["events"]:
        assert row.actor.get_full_name() not in html or not row.actor.get_full_name()
        assert str(row.actor) not in html
    client.force_login(group_member(proposal))
    actions_seen = [row.action for row in client.get(url).context["events"]]
    assert actions_seen[0] == "proposal.created"


@pytest.mark.django_db
def test_the_proposal_page_shows_both_shares_of_the_budget(client):
    proposal = proposal_in(Status.SUBMITTED, budget_total=1_200_000, budget_city_share=450_000)
    page = text(client.get(reverse("proposals:proposal_detail", args=[proposal.pk])))
    assert "1,200,000 yen" in page and "450,000 yen" in page
    assert "Group's own share" in page and "750,000 yen" in page
