"""An urgent report tells every designated officer at once, in the portal and by e-mail
through the queue, in each one's language; the filing group hears of the acknowledgement.
No notice carries any of the report's content."""

import pytest
from django.core import mail

from families import actions
from partnership.models import Notification
from partnership.roles import Role
from tests.factories import UserFactory
from tests.services.conftest import staff_of

from .helpers import REFERENCE, SECRET, family_project, file, welfare_officer

pytestmark = pytest.mark.django_db


def test_an_urgent_report_notifies_every_officer_through_the_queue(run_tasks):
    officers = [welfare_officer(email=f"w{n}@example.jp", language=language)
                for n, language in enumerate(("ja", "en"))]
    UserFactory(roles=[Role.CITY_OFFICER], email="not-designated@example.jp")
    project = family_project()
    report = file(project, urgency="urgent")
    notes = Notification.objects.filter(kind="family_report_urgent")
    assert {n.recipient_id for n in notes} == {o.pk for o in officers}
    assert mail.outbox == []  # queued, not sent inside the request
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["w0@example.jp", "w1@example.jp"]
    by_address = {m.to[0]: m for m in mail.outbox}
    # Each in its recipient's language (the Japanese text comes with the catalogue).
    assert by_address["w0@example.jp"].extra_headers["Content-Language"] == "ja"
    assert by_address["w1@example.jp"].extra_headers["Content-Language"] == "en"
    assert "URGENT" in by_address["w1@example.jp"].subject
    for message in mail.outbox:
        assert f"/family-reports/{report.pk}/" in message.body
        assert SECRET not in message.body + message.subject
        assert REFERENCE not in message.body + message.subject


def test_a_routine_report_is_a_notice_of_its_own_kind():
    officer = welfare_officer()
    file(family_project(), urgency="routine")
    kinds = set(Notification.objects.filter(recipient=officer).values_list("kind", flat=True))
    assert kinds == {"family_report_filed"}


def test_a_rolled_back_filing_notifies_nobody():
    welfare_officer()
    project = family_project()
    with pytest.raises(Exception, match="Family reference"):
        file(project, family_reference="")
    assert not Notification.objects.exists()


def test_the_group_hears_of_the_acknowledgement():
    project = family_project()
    report = file(project)
    actions.acknowledge_report(actor=welfare_officer(), report=report)
    assert Notification.objects.filter(kind="family_report_acknowledged",
                                       recipient=staff_of(project)).exists()
