"""Signed-in pages and downloads are never kept by a cache; public pages may be."""

import pytest
from django.urls import reverse

from partnership.roles import Role

pytestmark = pytest.mark.django_db


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.mark.parametrize("url_name", ["home", "proposals:call_list", "reports:public_summary"])
def test_signed_in_pages_are_private_and_not_stored(client, make_user, url_name):
    client.force_login(make_user(Role.CITY_OFFICER))
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)


def test_a_signed_in_download_is_private_and_not_stored(client, make_user):
    client.force_login(make_user(Role.CITY_OFFICER))
    response = client.get(reverse("reports:export_xlsx"), {"year": 2011})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert {"private", "no-store"} <= _directives(response)


def test_an_anonymous_page_is_not_marked_private(client):
    response = client.get(reverse("proposals:call_list"))
    assert "private" not in _directives(response)
