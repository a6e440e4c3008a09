"""Password reset by e-mail: the link read from the outbox sets a new password; the answer
is the same whether or not the address has an account; it is rate-limited."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.pages import text

from .mail import link_in, sent_to

pytestmark = pytest.mark.django_db
NEW = "new-kosodate-pass-2026"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def test_reset_end_to_end_in_the_account_language(client, make_user, run_tasks, mailoutbox):
    user = make_user(username="reset-me", email="reset@example.jp", language="ja")
    response = client.post(reverse("password_reset"), {"email": "RESET@example.jp"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert mailoutbox == []
    run_tasks()
    [message] = sent_to(mailoutbox, "reset@example.jp")
    assert message.extra_headers["Content-Language"] == "ja"
    form = client.get(link_in(message), follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in text(form)
    done = client.post(form.redirect_chain[-1][0],
                       {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done.url == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW)
    # The link works once.
    assert 'name="new_password1"' not in text(client.get(link_in(message), follow=True))


def _answer(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("password_reset"), {"email": address})
    return response, len(queries)


def test_an_unknown_address_gets_the_same_answer_and_the_same_work(client, make_user,
                                                                   run_tasks, mailoutbox):
    make_user(email="known@example.jp")
    known, known_queries = _answer(client, "known@example.jp")
    unknown, unknown_queries = _answer(client, "unknown@example.jp")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    # The request only queues a task, whichever the address: the same queries, so the
    # same time to within the noise; only the worker looks the address up.
    assert known_queries == unknown_queries
    run_tasks()
    assert [m.to for m in mailoutbox] == [["known@example.jp"]]
    page = lambda: text(client.get(reverse("password_reset_done")))  # noqa: E731
    assert "If the address belongs to an account" in page()


def test_an_inactive_or_passwordless_account_gets_no_link(client, make_user, run_tasks,
                                                          mailoutbox):
    make_user(email="asleep@example.jp", is_active=False)
    locked = make_user(email="nopass@example.jp")
    locked.set_unusable_password()
    locked.save()
    client.post(reverse("password_reset"), {"email": "asleep@example.jp"})
    client.post(reverse("password_reset"), {"email": "nopass@example.jp"})
    run_tasks()
    assert mailoutbox == []


def test_resets_are_rate_limited_per_address(client, make_user, run_tasks, mailoutbox):
    make_user(email="many@example.jp")
    answers = [client.post(reverse("password_reset"), {"email": "many@example.jp"})
               for _ in range(4)]
    assert [a.status_code for a in answers] == [302, 302, 302, 429]
    assert "Too many requests" in text(answers[-1])
    run_tasks()
    assert len(mailoutbox) == 3


def test_resets_are_rate_limited_per_client(client):
    answers = [client.post(reverse("password_reset"), {"email": f"n{i}@example.jp"})
               for i in range(21)]
    assert answers[19].status_code == 302 and answers[20].status_code == 429


@pytest.mark.parametrize("address", ["not-an-address", "a\x00b@example.jp", "x" * 300, ""])
def test_a_bad_address_gets_the_error_summary(client, address, run_tasks, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": address})
    assert response.status_code == 200 and 'id="error-summary"' in text(response)
    run_tasks()
    assert mailoutbox == []
