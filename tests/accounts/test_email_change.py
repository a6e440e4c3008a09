"""Changing one's e-mail address: a link to the new address, confirmed while signed in;
the old address is told; an address another account holds is refused when confirmed."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from partnership.models import AuditEntry, RecentSubmission
from tests.pages import text

from .mail import link_in, sent_to

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"  # the factory's


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(client, make_user):
    user = make_user(username="mover", email="old@example.jp", language="en")
    client.force_login(user)
    return user


def test_change_end_to_end(client, person, run_tasks, mailoutbox):
    response = client.post(reverse("email_change"),
                           {"email": "new@example.jp", "password": PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "old@example.jp"  # not before the link is used
    run_tasks()
    [message] = sent_to(mailoutbox, "new@example.jp")
    link = link_in(message)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    person.refresh_from_db()
    assert person.email == "new@example.jp"
    assert AuditEntry.objects.filter(action="account.email_changed", subject_id=person.pk,
                                     before={"email": "old@example.jp"}).exists()
    run_tasks()
    [notice] = sent_to(mailoutbox, "old@example.jp")
    assert "was changed" in notice.body
    # Used once: the address it changes from is no longer the account's (later than the
    # few seconds in which the same form is answered "already sent").
    RecentSubmission.objects.all().delete()
    again = client.post(link)
    assert again.status_code == 200 and 'id="error-summary"' in text(again)


def test_the_link_is_for_its_own_account_only(client, person, make_user, run_tasks,
                                              mailoutbox):
    client.post(reverse("email_change"), {"email": "new@example.jp", "password": PASSWORD})
    run_tasks()
    link = link_in(sent_to(mailoutbox, "new@example.jp")[0])
    client.force_login(make_user())
    response = client.post(link)
    assert response.status_code == 200 and "another account" in text(response)
    person.refresh_from_db()
    assert person.email == "old@example.jp"


def test_an_address_another_account_took_is_refused_on_confirmation(client, person, make_user,
                                                                    run_tasks, mailoutbox):
    client.post(reverse("email_change"), {"email": "new@example.jp", "password": PASSWORD})
    make_user(email="NEW@example.jp")
    run_tasks()
    response = client.post(link_in(sent_to(mailoutbox, "new@example.jp")[0]))
    assert "Another account uses this e-mail address" in text(response)
    person.refresh_from_db()
    assert person.email == "old@example.jp"


@pytest.mark.parametrize("data", [
    {"email": "new@example.jp", "password": "wrong"},
    {"email": "bad", "password": PASSWORD},
    {"email": "old@example.jp", "password": PASSWORD},
    {"email": "n\x00w@example.jp", "password": PASSWORD},
])
def test_bad_input_changes_nothing(client, person, data, run_tasks, mailoutbox):
    response = client.post(reverse("email_change"), data)
    assert response.status_code == 200 and 'id="error-summary"' in text(response)
    run_tasks()
    assert mailoutbox == []


def test_a_forged_token_is_refused(client, person):
    response = client.post(reverse("email_change_confirm", args=["forged:token"]))
    assert response.status_code == 200 and 'id="error-summary"' in text(response)


def test_profile_saves_the_display_name(client, person):
    response = client.post(reverse("account_settings"),
                           {"display_name": " 大和 太郎 ", "language": "ja"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "大和 太郎" and person.language == "ja"
