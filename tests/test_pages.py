"""Every HTML page has exactly one <h1> and a skip link, for each kind of visitor."""

import re

import pytest

from partnership.roles import Role

from .url_matrix import all_page_requests

H1 = re.compile(rb"<h1[\s>]")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, *Role])
def test_one_h1_per_page(client, make_user, role, matrix_objects):
    if role is not None:
        client.force_login(make_user(role))
    for url in all_page_requests(matrix_objects):
        response = client.get(url, follow=True)
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        if response.status_code != 200:
            continue
        assert len(H1.findall(response.content)) == 1, url
        assert b'href="#main"' in response.content, url
