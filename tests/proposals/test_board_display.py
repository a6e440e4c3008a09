"""The chair's board prepares its rows in Python (`board.board_display`): the actions must
follow the permission rules, and the numbers must read as the template filters write them."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from partnership.roles import Role
from partnership.selectors import sitting_members
from proposals import board
from proposals.models import Criterion, Status
from tests.factories import CallFactory, UserFactory
from tests.lifecycle import chair, proposal_in, vote

pytestmark = pytest.mark.django_db


def rows_for(proposals, user):
    call = proposals[0].call
    criteria = list(Criterion.objects.filter(call=call))
    fresh = board.with_call(board.board_proposals(call).filter(pk__in=[p.pk for p in proposals]),
                            call)
    assert len(fresh) == len(proposals)
    return board.board_display(board.board_rows(fresh, criteria), user)


@pytest.mark.parametrize("who", ["chair", "member", "mayor"])
def test_board_actions_follow_the_open_and_close_rules(who):
    user = {
        "chair": chair,
        "member": lambda: UserFactory(roles=[Role.PARTNERSHIP_MEMBER]),
        "mayor": lambda: UserFactory(roles=[Role.MAYORS_OFFICE]),
    }[who]()
    call = CallFactory()
    proposals = [
        # Enough ballots for the quorum of the members sitting so far.
        proposal_in(status, call=call, ballots=sitting_members().count() + 2)
        for status in (Status.ELIGIBLE, Status.UNDER_REVIEW, Status.RECOMMENDED,
                       Status.NOT_RECOMMENDED)
    ]
    # The review still open gets ballots of every member but one: a quorum.
    for member in list(sitting_members().select_related("user"))[1:]:
        if member.user.has_perm("proposals.cast_ballot", proposals[1]):
            vote(member.user, proposals[1], value=3)
    for row in rows_for(proposals, user):
        assert row.can_open == user.has_perm("proposals.open_review", row.proposal)
        # Closing is offered once it can succeed: with the permission and a quorum.
        assert row.can_close == (user.has_perm("proposals.close_review", row.proposal)
                                 and row.tally.has_quorum)
    if who == "chair":  # the rules do grant something: the comparison above is not vacuous
        assert [(r.can_open, r.can_close) for r in rows_for(proposals, user)] == [
            (True, False), (False, True), (False, False), (False, False)]


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("value, places", [
    (0, None), (5, None), (1234567, None), (Decimal("66.7"), None), (Decimal("100.0"), None),
    (0.0, 2), (2.5, 2), (1.4142135623730951, 2), (0.125, 2), (1.005, 2), (12345.678, 2),
])
def test_numbers_are_written_as_the_template_writes_them(language, value, places, settings):
    template = Template("{{ x }}" if places is None else f"{{{{ x|floatformat:{places} }}}}")
    for grouping in (False, True):
        settings.USE_THOUSAND_SEPARATOR = grouping
        with translation.override(language):
            number = board.Numbers()
            expected = template.render(Context({"x": value}))
            assert number(value, places) == expected
            assert number(value, places) == expected  # the second time, from the cache
