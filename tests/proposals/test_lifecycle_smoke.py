import pytest

from proposals.models import Status
from tests.lifecycle import history, proposal_in


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(Status))
def test_every_status_is_reachable_through_actions(status):
    proposal = proposal_in(status)
    proposal.refresh_from_db()
    assert proposal.status == status
    assert history(proposal)[-1].after["status"] == status
