"""The sign-in lockout counts by the client's address, also behind the TLS proxy."""

import pytest
from django.urls import reverse

from partnership.client_ip import client_ip

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


def _fail_five_times(client, forwarded: str) -> None:
    for _ in range(5):
        client.post(reverse("login"), {"username": "hanako", "password": "wrong"},
                    REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def _sign_in(client, forwarded: str):
    return client.post(reverse("login"), {"username": "hanako", "password": "right-password-1"},
                       REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_a_trusted_proxy_one_clients_failures_do_not_lock_out_another(
        client, make_user, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    make_user(username="hanako", password="right-password-1")
    _fail_five_times(client, "203.0.113.9")
    assert _sign_in(client, "203.0.113.9").status_code == 429  # the attacker is locked out
    response = _sign_in(client, "198.51.100.7")  # the account's owner, elsewhere
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_without_trusted_proxies_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = []
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "192.0.2.1"


def test_what_a_client_writes_left_of_the_proxy_is_not_believed(rf, settings):
    settings.TRUSTED_PROXIES = [PROXY, "10.0.0.6"]
    request = rf.get("/", REMOTE_ADDR=PROXY,
                     HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9, 10.0.0.6")
    assert client_ip(request) == "203.0.113.9"
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=" , ")
    assert client_ip(request) == PROXY
