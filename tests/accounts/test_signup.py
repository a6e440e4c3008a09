"""Sign-up and e-mail verification, end to end: the form, the queued e-mail read from the
outbox, the link, the button, and the person signed in on their own page."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from partnership.models import AuditEntry
from tests.pages import text

from .mail import link_in, sent_to

pytestmark = pytest.mark.django_db
User = get_user_model()

FORM = {"username": "hanako", "display_name": "山田花子", "email": "hanako@example.jp",
        "language": "ja", "password1": "kosodate-2026-yamato", "password2": "kosodate-2026-yamato"}


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()  # the rate limit counts in the cache
    yield
    cache.clear()


def test_sign_up_verify_and_land_signed_in(client, run_tasks, mailoutbox):
    response = client.post(reverse("signup"), FORM)
    assert response.status_code == 302 and response.url == reverse("signup_done")
    user = User.objects.get(username="hanako")
    assert not user.is_active and user.language == "ja" and user.display_name == "山田花子"
    assert mailoutbox == []  # nothing leaves inside the request
    run_tasks()
    [message] = sent_to(mailoutbox, "hanako@example.jp")
    assert message.extra_headers["Content-Language"] == "ja"
    assert "メールアドレス" in message.subject or "e-mail" in message.subject.lower()
    link = link_in(message)
    # An inactive account cannot sign in yet.
    signing_in = client.post(reverse("login"), {"username": "hanako",
                                                "password": FORM["password1"]})
    assert signing_in.status_code == 200 and "_auth_user_id" not in client.session
    page = client.get(link)  # opening the link changes nothing: a button asks
    assert page.status_code == 200
    assert not User.objects.get(pk=user.pk).is_active
    response = client.post(link)
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).is_active
    assert client.session["_auth_user_id"] == str(user.pk)
    assert response.cookies["django_language"].value == "ja"
    assert AuditEntry.objects.filter(action="account.verified", subject_id=user.pk).exists()
    # The link works once.
    client.logout()
    again = client.post(link)
    assert again.status_code == 200 and 'id="error-summary"' in text(again)


def test_an_address_with_an_account_gets_the_same_answer_and_its_owner_a_reminder(
        client, make_user, run_tasks, mailoutbox):
    owner = make_user(username="taken", email="hanako@example.jp", language="en")
    free = client.post(reverse("signup"), {**FORM, "username": "hanako2",
                                           "email": "other@example.jp"})
    used = client.post(reverse("signup"), FORM)
    assert (free.status_code, free.url) == (used.status_code, used.url)
    assert not User.objects.filter(username="hanako").exists()
    run_tasks()
    [reminder] = sent_to(mailoutbox, owner.email)
    assert "already belongs to your account (taken)" in reminder.body
    assert link_in(reminder) == reverse("login")
    assert reverse("password_reset") in reminder.body


def test_a_taken_user_name_is_refused_with_its_reason(client, make_user):
    make_user(username="Hanako")
    response = client.post(reverse("signup"), FORM)
    assert response.status_code == 200
    assert "error-summary" in text(response) and "user name is taken" in text(response)
    assert User.objects.filter(username__iexact="hanako").count() == 1


@pytest.mark.parametrize("change", [
    {"username": "ha\x00nako"}, {"display_name": "a\x1bb"}, {"email": "not-an-address"},
    {"password2": "something-else-2026"}, {"password1": "123", "password2": "123"},
    {"username": "x" * 5000}, {"language": "xx"},
])
def test_bad_input_is_refused_with_a_summary_and_makes_nothing(client, change):
    response = client.post(reverse("signup"), {**FORM, **change})
    assert response.status_code == 200
    assert 'id="error-summary"' in text(response)
    assert not User.objects.exists()


def test_a_second_identical_sign_up_makes_one_account(client, run_tasks, mailoutbox):
    first = client.post(reverse("signup"), FORM)
    second = client.post(reverse("signup"), FORM)
    assert first.status_code == second.status_code == 302
    assert User.objects.filter(username="hanako").count() == 1
    run_tasks()
    assert len(sent_to(mailoutbox, FORM["email"])) == 1


def test_sign_up_is_rate_limited_per_address(client):
    for n in range(3):
        client.post(reverse("signup"), {**FORM, "username": f"hanako{n}"})
    response = client.post(reverse("signup"), {**FORM, "username": "hanako9"})
    assert response.status_code == 429
    assert "Too many requests" in text(response)
    assert not User.objects.filter(username="hanako9").exists()


def test_two_accounts_that_share_an_unverified_address_verify_only_one(
        client, run_tasks, mailoutbox):
    client.post(reverse("signup"), FORM)
    client.post(reverse("signup"), {**FORM, "username": "hanako-b"})
    run_tasks()
    first, second = [link_in(m) for m in sent_to(mailoutbox, FORM["email"])]
    assert client.post(first).status_code == 302
    client.logout()
    response = client.post(second)
    assert response.status_code == 200 and "verified this e-mail address first" in text(response)
    assert User.objects.filter(email=FORM["email"], is_active=True).count() == 1


def test_a_broken_verification_link_is_404_or_refused(client):
    assert client.get(reverse("account_verify", args=["zzzz", "x-y"])).status_code == 404
    client.post(reverse("signup"), FORM)
    user = User.objects.get(username="hanako")
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode
    url = reverse("account_verify", args=[urlsafe_base64_encode(force_bytes(user.pk)), "a-b"])
    response = client.post(url)
    assert response.status_code == 200 and 'id="error-summary"' in text(response)
    assert not User.objects.get(pk=user.pk).is_active


def test_the_english_e_mail_for_an_english_sign_up(client, run_tasks, mailoutbox):
    client.post(reverse("signup"), {**FORM, "language": "en"})
    run_tasks()
    [message] = mailoutbox
    assert message.subject == "Verify your e-mail address for the Citizen Partnership portal"
    assert message.extra_headers["Content-Language"] == "en"
