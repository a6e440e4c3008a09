"""The hearing's transition tables, tested from the tables themselves: for every step and
every state, each kind of person tries; the step succeeds exactly when the rule says so, and
a refusal changes nothing."""

from functools import partial

import pytest
from django_tasks_db.models import DBTaskResult

from partnership.models import AuditEntry, Notification
from partnership.roles import Role
from proposals import actions
from proposals.errors import ProposalError
from proposals.hearing_transitions import QUESTION, SESSION, SLOT
from proposals.hearings import (
    HearingQuestion,
    HearingSession,
    HearingSlot,
    QuestionStatus,
    SessionStatus,
    SlotStatus,
)
from proposals.models import Status
from tests.factories import UserFactory
from tests.hearings import asked, officer, session_of, slot_for
from tests.lifecycle import chair, group_member, members, proposal_in
from tests.transition_steps import try_step

pytestmark = pytest.mark.django_db


def _slot(proposal, session):
    return {"session": session, "proposal": proposal, "position": 1,
            "starts_at": session.starts_at, "minutes": 20}


# Each takes the object and the person; the session's runners a second eligible proposal.
RUNNERS = {
    (SESSION, "schedule_slot"): lambda s, u, p: actions.schedule_hearing_slot(
        actor=u, **_slot(p, s)),
    (SESSION, "publish"): lambda s, u, p: actions.publish_hearing_session(actor=u, session=s),
    (SLOT, "confirm"): lambda s, u, p: actions.confirm_hearing_slot(actor=u, slot=s),
    (QUESTION, "answer"): lambda q, u, p: actions.answer_hearing_question(
        actor=u, question=q, answer="会員から担い手を募ります。"),
}
TABLES = {SESSION: SessionStatus, SLOT: SlotStatus, QUESTION: QuestionStatus}


def test_every_transition_has_a_runner():
    assert set(RUNNERS) == {(table, t.name) for table in TABLES for t in table}


def _object(table, state, proposal):
    """An object of the table in `state`, about `proposal` (eligible)."""
    if table is SESSION:
        return session_of(proposal.call, status=state)
    session = session_of(proposal.call)
    if table is SLOT:
        return slot_for(proposal, session, status=state)
    return asked(proposal, answered=state == QuestionStatus.ANSWERED)


def cast(proposal) -> dict:
    return {
        "group member": group_member(proposal),
        "other citizen": UserFactory(roles=[Role.CITIZEN]),
        "officer": officer(),
        "chair": chair(),
        "member": members(1)[0],
        "mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE]),
    }


def snapshot(obj) -> tuple:
    fresh = type(obj).objects.get(pk=obj.pk)
    return (fresh.status, HearingSlot.objects.count(), HearingQuestion.objects.count(),
            AuditEntry.objects.count(), Notification.objects.count(),
            DBTaskResult.objects.count())


CASES = [pytest.param(table, t.name, state, id=f"{table.model.__name__}-{t.name}-{state}")
         for table, states in TABLES.items() for t in table for state in states]


@pytest.mark.parametrize(("table", "name", "state"), CASES)
def test_each_person_may_take_a_step_exactly_when_the_rule_says(table, name, state):
    transition = table[name]
    proposal = proposal_in(Status.ELIGIBLE)
    other = proposal_in(Status.ELIGIBLE, call=proposal.call)
    obj = _object(table, state, proposal)
    outcomes = {}
    for who, user in cast(proposal).items():
        fresh = type(obj).objects.get(pk=obj.pk)
        allowed = user.has_perm(transition.permission, fresh)

        def took(before, rows, user=user):
            assert rows.filter(action=transition.event).exists()
            assert all(row.actor == user for row in rows)
            after = type(obj).objects.get(pk=obj.pk).status
            assert after in transition.targets if transition.moves else after == before[0]

        outcomes[who] = try_step(partial(RUNNERS[(table, name)], fresh, user, other),
                                 refused=ProposalError, snapshot=partial(snapshot, obj),
                                 took=took)
        assert outcomes[who] == allowed, (who, allowed)
    assert any(outcomes.values()) == (state in transition.sources), outcomes


def test_the_models_are_the_tables_models():
    assert (SESSION.model, SLOT.model, QUESTION.model) == (HearingSession, HearingSlot,
                                                           HearingQuestion)
