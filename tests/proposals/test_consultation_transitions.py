"""The consultation's transition table, tested from the table itself: for every step and
every state, each kind of person tries; the step succeeds exactly when the rule says so."""

from functools import partial

import pytest

from partnership.models import AuditEntry, Notification
from partnership.roles import Role
from proposals import actions
from proposals.consultation_transitions import CONSULTATION
from proposals.consultations import Consultation, ConsultationStatus
from proposals.errors import ProposalError
from tests.consultations import consultation_in, department_officer
from tests.factories import ProposalFactory, UserFactory
from tests.lifecycle import chair
from tests.transition_steps import try_step

pytestmark = pytest.mark.django_db


def _draft_for(consultation: Consultation):
    return ProposalFactory(call=consultation.call, group=consultation.group)


# Each takes the consultation, the person and a draft of the group made beforehand.
RUNNERS = {
    "answer": lambda c, u, d: actions.answer_consultation(
        actor=u, consultation=c, fit="既存事業と補完関係にあります。", overlap="",
        contribution="広報", concerns=""),
    "reply": lambda c, u, d: actions.reply_consultation(actor=u, consultation=c,
                                                     reply="ご意見を踏まえて修正します。"),
    "link": lambda c, u, d: actions.link_consultation(actor=u, consultation=c, proposal=d),
}


def test_every_transition_has_a_runner():
    assert set(RUNNERS) == set(CONSULTATION.transitions)


def cast(consultation: Consultation) -> dict:
    return {
        "group member": group_member_of(consultation),
        "other citizen": UserFactory(roles=[Role.CITIZEN]),
        "officer of the department": department_officer(consultation.department),
        "officer of another department": UserFactory(roles=[Role.CITY_OFFICER]),
        "chair": chair(),
        "mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE]),
    }


def group_member_of(consultation):
    return consultation.group.memberships.first().user


def snapshot(consultation: Consultation) -> tuple:
    fresh = Consultation.objects.get(pk=consultation.pk)
    return (fresh.status, fresh.fit, fresh.reply, fresh.proposal_id,
            AuditEntry.objects.count(), Notification.objects.count())


@pytest.mark.parametrize(("name", "status"), [
    pytest.param(t.name, s, id=f"{t.name}-{s}") for t in CONSULTATION
    for s in ConsultationStatus])
def test_each_person_may_take_a_step_exactly_when_the_rule_says(name, status):
    transition = CONSULTATION[name]
    # Without a draft, so that attaching one is possible.
    consultation = consultation_in(status, with_draft=False)
    draft = _draft_for(consultation)
    outcomes = {}
    for who, user in cast(consultation).items():
        fresh = Consultation.objects.select_related("proposal").get(pk=consultation.pk)
        allowed = user.has_perm(transition.permission, fresh)

        def took(before, rows, user=user):
            assert rows.exists() and all(row.actor == user for row in rows)
            after = Consultation.objects.get(pk=consultation.pk).status
            assert after in transition.targets if transition.moves else after == before[0]

        outcomes[who] = try_step(partial(RUNNERS[name], fresh, user, draft), refused=ProposalError,
                                 snapshot=partial(snapshot, consultation), took=took)
        assert outcomes[who] == allowed, (who, allowed)
    assert any(outcomes.values()) == (status in transition.sources), outcomes
