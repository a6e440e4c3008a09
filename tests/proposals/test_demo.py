"""The demo data: the Yamato figures (47 submitted / 23 recommended / 20 chosen), and no doubles."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Count

from partnership import audit
from partnership.models import AuditEntry, PartnershipMember
from partnership.selectors import sitting_members
from proposals import actions
from proposals.models import (
    RECOMMENDED_STATUSES,
    Ballot,
    Call,
    Decision,
    Proposal,
    ReviewResult,
    Status,
    Vote,
)
from proposals.tally import tally_for

HISTORIC = range(2003, 2007)
CASE_STUDIES = [
    ("子育て支援事業", "NPO法人 子育てサポートやまと", 2004, "こども家庭課"),
    ("学校施設を活用した地域センター運営事業", "地域センター運営協議会", 2005, "生涯学習課"),
    ("子育てアドバイザー事業", "子育てアドバイザーの会", 2006, "こども家庭課"),
]


def every_count() -> dict[str, int]:
    """Rows of every model of the portal's own apps."""
    return {
        model._meta.label: model.objects.count()
        for app in ("partnership", "proposals", "services", "reports")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Run `demo` twice (in one module-wide transaction rolled back at the end)."""
    from django.test import override_settings

    from ..shared_data import rolled_back

    with rolled_back(django_db_blocker), override_settings(DEBUG=True):
        call_command("demo", stdout=io.StringIO())
        first = every_count()
        out = io.StringIO()
        call_command("demo", stdout=out)
        second = every_count()
        yield {"first": first, "second": second, "output": out.getvalue()}


pytestmark = pytest.mark.django_db


def historic() -> Proposal.objects:
    return Proposal.objects.filter(call__fiscal_year__in=HISTORIC)


def test_the_funnel_of_fiscal_2003_to_2006(demo):
    submitted = historic().filter(submitted_at__isnull=False)
    assert submitted.count() == 47
    assert historic().filter(status__in=RECOMMENDED_STATUSES).count() == 23
    assert historic().filter(status=Status.CHOSEN).count() == 20
    by_year = dict(submitted.values_list("call__fiscal_year").annotate(n=Count("id")).order_by())
    assert by_year == {2003: 12, 2004: 12, 2005: 12, 2006: 11}
    by_status = dict(historic().values_list("status").annotate(n=Count("id")).order_by())
    assert by_status == {"chosen": 20, "declined": 3, "not_recommended": 17,
                         "withdrawn": 3, "ineligible": 4}


def test_every_demo_proposal_has_its_theme_s_field_of_activity(demo):
    assert not Proposal.objects.filter(field_of_activity="").exists()
    fields = dict(Proposal.objects.filter(title__in=[c[0] for c in CASE_STUDIES])
                  .values_list("title", "field_of_activity"))
    assert fields["子育て支援事業"] == fields["子育てアドバイザー事業"] == "childcare"
    # Several fields, so that the search's filter has something to tell apart.
    assert historic().values("field_of_activity").distinct().count() >= 5


def test_running_demo_twice_changes_nothing(demo):
    assert demo["second"] == demo["first"]
    assert "0 new proposals" in demo["output"]
    titles = historic().values("call", "title").annotate(n=Count("id")).filter(n__gt=1)
    assert list(titles) == []
    assert Call.objects.filter(fiscal_year__in=HISTORIC).count() == 4


def test_the_case_studies_are_chosen_with_their_groups_and_departments(demo):
    for title, group, year, department in CASE_STUDIES:
        proposal = Proposal.objects.get(title=title)
        assert (proposal.group.name, proposal.call.fiscal_year, proposal.status) == (
            group, year, Status.CHOSEN,
        )
        assert proposal.desired_department.name == department
        assert proposal.decision.outcome == Decision.Outcome.CHOSEN
    kosodate = Proposal.objects.get(title="子育て支援事業").group
    assert kosodate.memberships.get(user__username="citizen").role == "representative"
    center = Proposal.objects.get(title="学校施設を活用した地域センター運営事業").group
    assert center.memberships.filter(user__username="staff").exists()


def test_every_proposal_went_through_the_real_transitions(demo):
    reviewed = historic().exclude(status__in=[Status.WITHDRAWN, Status.INELIGIBLE])
    assert ReviewResult.objects.filter(proposal__in=reviewed).count() == 40
    for proposal in historic():
        rows = list(audit.history(proposal, public_only=True))
        assert [row.action for row in rows[:2]] == ["proposal.created", "proposal.submitted"]
        # Every change of state follows from the one before.
        statuses = [((row.before or {}).get("status"), row.after["status"]) for row in rows]
        for (_before, after), (start, _end) in zip(statuses, statuses[1:], strict=False):
            assert after == start
        assert statuses[-1][1] == proposal.status
        # The history carries the years of the call.
        assert {row.created_at.year for row in rows} == {proposal.call.fiscal_year}
    for proposal in reviewed:
        result = proposal.review_result
        assert result.recommend + result.not_recommend + result.abstain >= result.quorum_needed
    # Declines, ineligibility and ties carry their reasons.
    assert not Decision.objects.filter(outcome="declined", reason="").exists()
    ineligible = AuditEntry.objects.filter(action="proposal.marked_ineligible",
                                           subject_id__in=historic().values("pk"))
    assert ineligible.count() == 4
    assert not ineligible.filter(reason="").exists()
    ties = ReviewResult.objects.exclude(casting_vote="")
    assert ties.count() >= 2
    assert not ties.filter(casting_reason="").exists()


def test_the_reviews_show_disagreement_and_japanese_comments(demo):
    chosen = historic().filter(status=Status.CHOSEN)
    spreads = [s for p in chosen[:5] for s in tally_for(p).spreads.values()]
    assert any(s.maximum - s.minimum >= 2 for s in spreads)
    assert Ballot.objects.filter(proposal__in=chosen, vote=Vote.NOT_RECOMMEND).exists()
    comment = Ballot.objects.filter(proposal__in=chosen).exclude(comment="").first().comment
    assert any("\u3040" <= ch <= "\u30ff" for ch in comment)  # kana


def test_the_partnership_has_26_sitting_members(demo):
    sitting = sitting_members()
    assert sitting.count() == 26
    split = dict(sitting.values_list("category").annotate(n=Count("id")).order_by())
    assert split == {
        PartnershipMember.Category.CITIZEN: 16, PartnershipMember.Category.NPO: 6,
        PartnershipMember.Category.ACADEMIC: 2, PartnershipMember.Category.OFFICIAL: 2,
    }
    assert sitting.get(user__username="chair").is_chair
    assert sitting.filter(user__username="member", is_chair=False).exists()
    assert sitting.filter(is_chair=True).count() == 1


def test_the_current_call_gives_every_role_something_to_do(demo):
    call = Call.objects.exclude(fiscal_year__in=HISTORIC).get()
    assert call.is_open()
    proposals = call.proposals.all()
    drafts = proposals.filter(status=Status.DRAFT)
    assert drafts.filter(group__memberships__user__username="citizen").count() == 2
    assert drafts.count() >= 3
    assert proposals.filter(status=Status.SUBMITTED).count() >= 2
    # Screened both ways, and every review opened on an eligible proposal.
    assert proposals.filter(status=Status.ELIGIBLE).exists()
    assert proposals.filter(status=Status.INELIGIBLE).exists()
    opened = AuditEntry.objects.filter(action="proposal.review_opened")
    assert opened.exists() and not opened.exclude(before__status=Status.ELIGIBLE).exists()
    recommended = proposals.get(status=Status.RECOMMENDED)
    assert not Decision.objects.filter(proposal=recommended).exists()

    review = proposals.get(status=Status.UNDER_REVIEW)
    assert review.ballots.count() > 0
    assert not review.ballots.filter(member__user__username="member").exists()
    # The `member` login's ballot completes the quorum; then the chair can close.
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    member, chair = users.get(username="member"), users.get(username="chair")
    assert member.has_perm("proposals.cast_ballot", review)
    assert not tally_for(review).has_quorum
    actions.cast_ballot(actor=member, proposal=review, vote=Vote.RECOMMEND,
                        scores={c.pk: 4 for c in call.criteria.all()}, comment="賛成です")
    assert tally_for(review).has_quorum
    actions.close_review(actor=chair, proposal=review)
    assert Proposal.objects.get(pk=review.pk).status == Status.RECOMMENDED


def test_the_current_call_has_a_calendar_and_a_hearing(demo, client):
    from django.urls import reverse

    from proposals.hearings import SessionStatus, SlotStatus
    from tests.pages import text

    call = Call.objects.exclude(fiscal_year__in=HISTORIC).get()
    call.full_clean()  # the dates in order
    assert None not in (call.consultation_opens_on, call.consultation_closes_on,
                        call.hearing_on, call.review_ends_on, call.decision_on)
    sessions = list(call.hearing_sessions.order_by("starts_at"))
    assert [s.status for s in sessions] == [SessionStatus.PUBLISHED, SessionStatus.PLANNED]
    slots = {slot.proposal.status: slot.status
             for session in sessions for slot in session.slots.select_related("proposal")}
    assert slots == {Status.ELIGIBLE: SlotStatus.PROPOSED,
                     Status.UNDER_REVIEW: SlotStatus.CONFIRMED,
                     Status.RECOMMENDED: SlotStatus.CONFIRMED}
    closed = call.proposals.get(status=Status.RECOMMENDED)
    question = closed.hearing_questions.get()
    assert question.answer
    # Public: the published session and the closed review's questions, not the planned one.
    page = text(client.get(reverse("proposals:call_detail", kwargs={"pk": call.pk})))
    assert sessions[0].place in page and sessions[1].place not in page
    assert question.question in text(
        client.get(reverse("proposals:proposal_detail", kwargs={"pk": closed.pk})))
    review = call.proposals.get(status=Status.UNDER_REVIEW)
    assert review.hearing_questions.get().question not in text(
        client.get(reverse("proposals:proposal_detail", kwargs={"pk": review.pk})))


def test_the_current_call_has_consultations_with_the_departments_views(demo):
    from django.contrib.auth import get_user_model

    from proposals.consultations import ConsultationStatus

    call = Call.objects.exclude(fiscal_year__in=HISTORIC).get()
    consultations = call.consultations.select_related("proposal", "department")
    # Answered with a view of every part, and replied to by the group.
    answered = consultations.exclude(answered_at=None)
    assert answered.count() >= 3
    for consultation in answered:
        assert consultation.status == ConsultationStatus.REPLIED
        assert consultation.fit and consultation.contribution and consultation.concerns
        assert consultation.reply and consultation.replied_at
        assert consultation.answered_by.departments.filter(pk=consultation.department_id).exists()
    # One raises an overlap with a city service, and the group's reply answers it.
    overlapping = answered.exclude(overlap="").get()
    assert overlapping.proposal.title == "高齢者のスマートフォン教室事業"
    assert "公民館" in overlapping.overlap and "スマホ講座" in overlapping.overlap
    assert "公民館講座" in overlapping.reply
    # One still waits for the `officer` login's answer.
    waiting = consultations.get(status=ConsultationStatus.OPEN)
    assert waiting.answered_at is None and not waiting.reply
    assert not any(getattr(waiting, field) for field in waiting.VIEW_FIELDS)
    officer = get_user_model().objects.get(username="officer")
    assert officer.has_perm("proposals.answer_consultation", waiting)
