"""Every HTML page has exactly one <h1> and a skip link, for each kind of visitor.

The visitors are the matrix users (tests/matrix/), who hold the groups, seats, projects and
departments their pages need, so each page renders for everyone the matrix lets in; a
visitor the matrix turns away gets the sign-in, 403 or 404 page, which must pass too.
"""

import re

import pytest

from .url_matrix import ANON, LOGIN, VISITORS, all_page_requests

H1 = re.compile(rb"<h1[\s>]")


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", VISITORS)
def test_one_h1_per_page(client, visitor, matrix_objects):
    if visitor != ANON:
        client.force_login(matrix_objects["users"][visitor])
    requests = all_page_requests(matrix_objects, visitor)
    for url, expected in requests:
        response = client.get(url, follow=True)
        # Sent to the sign-in page, the visitor sees that page (200); refused, the error page.
        assert response.status_code == (200 if expected == LOGIN else expected), url
        assert "text/html" in response.headers["Content-Type"], url
        assert len(H1.findall(response.content)) == 1, url
        assert b'href="#main"' in response.content, url
    # The matrix users really get in: every visitor reads some pages, not only error pages.
    assert any(expected == 200 for _url, expected in requests)
