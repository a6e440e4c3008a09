"""The hearing's rules: what a session and a slot must respect, who is told, and that a
member's notes are theirs alone. The tables' who-may-what is in test_hearing_transitions."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnership.models import AuditEntry, Notification
from proposals import actions
from proposals.errors import ProposalError
from proposals.hearings import HearingNote, HearingSlot, SessionStatus
from proposals.models import Status
from tests.factories import CallFactory, UserFactory
from tests.hearings import asked, officer, session_of, slot_for
from tests.lifecycle import chair, group_member, members, proposal_in
from tests.threads import ON_POSTGRESQL, THREADS, run_together

pytestmark = pytest.mark.django_db
H = datetime.timedelta(hours=1)


def _slot(session, proposal, *, position=1, offset=datetime.timedelta(0), minutes=20, by=None):
    return actions.schedule_hearing_slot(actor=by or officer(), session=session,
                                         proposal=proposal, position=position,
                                         starts_at=session.starts_at + offset, minutes=minutes)


@pytest.mark.parametrize(("starts", "ends", "place", "seats"), [
    (0, -1, "市役所", 10),  # ends before it starts
    (0, 1, "   ", 10),  # nowhere
    (0, 1, "市役所", 5000),  # more seats than any hall
    (-24 * 30, -24 * 30 + 1, "市役所", 10),  # before the call opens
    (24 * 800, 24 * 800 + 1, "市役所", 10),  # years after it closed
])
def test_a_session_out_of_bounds_is_refused(starts, ends, place, seats):
    call = CallFactory()
    base = call.opens_at + 24 * H
    with pytest.raises(ProposalError):
        actions.plan_hearing_session(actor=officer(), call=call, starts_at=base + starts * H,
                                     ends_at=base + ends * H, place=place, seats=seats)
    assert not call.hearing_sessions.exists()


def test_only_officers_plan_sessions():
    call = CallFactory()
    with pytest.raises(ProposalError):
        actions.plan_hearing_session(actor=members(1)[0], call=call,
                                     starts_at=call.opens_at + H, ends_at=call.opens_at + 2 * H,
                                     place="市役所", seats=10)


def test_a_slot_goes_to_an_eligible_proposal_of_the_call_within_the_session():
    session = session_of(CallFactory())
    eligible = proposal_in(Status.ELIGIBLE, call=session.call)
    refusals = [
        dict(proposal=proposal_in(Status.SUBMITTED, call=session.call)),  # not screened
        dict(proposal=proposal_in(Status.ELIGIBLE)),  # another call
        dict(proposal=eligible, offset=-H),  # before the session
        dict(proposal=eligible, offset=3 * H - datetime.timedelta(minutes=10)),  # runs over
        dict(proposal=eligible, minutes=2),
        dict(proposal=eligible, minutes=500),
    ]
    for refused in refusals:
        with pytest.raises(ProposalError):
            _slot(session, **refused)
    assert not HearingSlot.objects.exists()
    _slot(session, eligible)
    with pytest.raises(ProposalError, match="already has a slot"):
        _slot(session, eligible, position=2, offset=H)


def test_slots_of_a_session_neither_share_a_place_nor_overlap():
    session = session_of(CallFactory())
    first, second = (proposal_in(Status.ELIGIBLE, call=session.call) for _ in range(2))
    _slot(session, first, position=1, minutes=30)
    with pytest.raises(ProposalError, match="place in the order"):
        _slot(session, second, position=1, offset=H)
    with pytest.raises(ProposalError, match="overlaps"):
        _slot(session, second, position=2, offset=datetime.timedelta(minutes=20))
    _slot(session, second, position=2, offset=datetime.timedelta(minutes=30))


def test_the_group_is_asked_to_confirm_its_slot_and_to_answer_questions():
    proposal = proposal_in(Status.ELIGIBLE)
    group = set(proposal.group.members.values_list("pk", flat=True))
    slot = slot_for(proposal, session_of(proposal.call))
    told = Notification.objects.filter(kind="hearing_slot_scheduled")
    assert set(told.values_list("recipient_id", flat=True)) == group
    asked(proposal)
    told = Notification.objects.filter(kind="hearing_question_asked")
    assert set(told.values_list("recipient_id", flat=True)) == group
    actions.confirm_hearing_slot(actor=group_member(proposal), slot=slot)
    with pytest.raises(ProposalError):  # once is enough
        actions.confirm_hearing_slot(actor=group_member(proposal), slot=slot)


def test_a_question_and_an_answer_need_text():
    proposal = proposal_in(Status.UNDER_REVIEW)
    with pytest.raises(ProposalError):
        actions.ask_hearing_question(actor=members(1)[0], proposal=proposal, question="  ")
    question = asked(proposal)
    with pytest.raises(ProposalError):
        actions.answer_hearing_question(actor=group_member(proposal), question=question,
                                        answer="x" * 5000)


def test_notes_are_rewritten_in_place_and_each_member_keeps_their_own():
    proposal = proposal_in(Status.UNDER_REVIEW)
    one, two = members(2)
    actions.save_hearing_note(actor=one, proposal=proposal, text="最初のメモ")
    actions.save_hearing_note(actor=one, proposal=proposal, text="書き直したメモ")
    actions.save_hearing_note(actor=two, proposal=proposal, text="別の委員のメモ")
    notes = dict(HearingNote.objects.values_list("author_id", "text"))
    assert notes == {one.pk: "書き直したメモ", two.pk: "別の委員のメモ"}
    rewrite = AuditEntry.objects.filter(action="hearing_note.saved", actor=one).last()
    # The log says the notes changed, never what they say (auditors read the log).
    assert (rewrite.before, rewrite.after) == ({"characters": 5}, {"characters": 7})
    assert "メモ" not in str(rewrite.before) + str(rewrite.after)


def test_publishing_is_once():
    session = session_of(CallFactory(), status=SessionStatus.PUBLISHED)
    with pytest.raises(ProposalError):
        actions.publish_hearing_session(actor=officer(), session=session)


def test_the_database_keeps_one_slot_per_proposal_and_place():
    session = session_of(CallFactory())
    proposal = proposal_in(Status.ELIGIBLE, call=session.call)
    slot = _slot(session, proposal)
    with pytest.raises(IntegrityError), transaction.atomic():
        HearingSlot.objects.create(session=session, proposal=proposal, position=2,
                                   starts_at=session.starts_at + H, minutes=20)
    other = proposal_in(Status.ELIGIBLE, call=session.call)
    with pytest.raises(IntegrityError), transaction.atomic():
        HearingSlot.objects.create(session=session, proposal=other, position=slot.position,
                                   starts_at=session.starts_at + H, minutes=20)


@pytest.mark.postgres_only
@pytest.mark.skipif(*ON_POSTGRESQL[1].args, **ON_POSTGRESQL[1].kwargs)
@pytest.mark.django_db(transaction=True)
def test_simultaneous_slots_for_one_proposal_leave_one():
    session = session_of(CallFactory())
    proposal = proposal_in(Status.ELIGIBLE, call=session.call)
    by = officer()

    def schedule(i: int) -> None:
        _slot(session, proposal, position=i + 1,
              offset=datetime.timedelta(minutes=5 * i), minutes=5, by=by)

    outcomes = run_together(schedule)
    assert outcomes == {"ok": 1, "ProposalError": THREADS - 1}
    assert HearingSlot.objects.filter(proposal=proposal).count() == 1


def test_a_call_requiring_the_hearing_opens_reviews_only_after_the_groups_slot():
    from partnership import clock

    call = CallFactory(hearing_required=True)
    proposal = proposal_in(Status.ELIGIBLE, call=call)
    the_chair = chair()
    with pytest.raises(ProposalError, match="requires the hearing"):
        actions.open_review(actor=the_chair, proposal=proposal)  # no slot
    slot = slot_for(proposal, session_of(call))
    with clock.at(slot.starts_at + H), pytest.raises(ProposalError, match="requires the"):
        actions.open_review(actor=the_chair, proposal=proposal)  # not confirmed
    actions.confirm_hearing_slot(actor=group_member(proposal), slot=slot)
    with pytest.raises(ProposalError, match="requires the hearing"):
        actions.open_review(actor=the_chair, proposal=proposal)  # not heard yet
    with clock.at(slot.starts_at):
        actions.open_review(actor=the_chair, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW


def test_the_groups_mail_comes_through_the_queue_with_the_link(
        mailoutbox, run_tasks, settings):
    settings.PORTAL_URL = "https://portal.example.jp"
    proposal = proposal_in(Status.ELIGIBLE)
    english = group_member(proposal)
    english.language = "en"
    english.save(update_fields=["language"])
    japanese = UserFactory(language="ja")
    proposal.group.memberships.create(user=japanese)
    DBTaskResult.objects.all().delete()  # the e-mails of the steps that led here
    slot = slot_for(proposal, session_of(proposal.call))
    assert mailoutbox == []  # nothing is sent inside the request
    run_tasks()
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    link = f"https://portal.example.jp/proposals/{proposal.pk}/"
    assert by_address[english.email].subject.startswith("Please confirm your hearing slot")
    assert link in by_address[english.email].body
    # Each member in their own language: the Japanese member's mail has no English in it.
    mail = by_address[japanese.email]
    starts = f"{timezone.localtime(slot.starts_at):%Y-%m-%d %H:%M}"
    assert mail.subject == f"発表枠を確認してください：「{proposal.title}」"
    assert (f"提案「{proposal.title}」に公開プレゼンテーションの発表枠が割り当てられました："
            f"{starts}、大和市役所 全員協議会室。提案のページで確認してください。") in mail.body
    assert f"提案：\n{link}" in mail.body
    assert "Please" not in mail.subject + mail.body and len(mailoutbox) == 2
