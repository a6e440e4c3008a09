"""Reading the pages the test client gets: their text, and the queries they cost."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext


def text(response) -> str:
    """The page's HTML with every run of white space made one space."""
    return re.sub(r"\s+", " ", response.content.decode())


def queries_for(client, url: str) -> int:
    """How many queries a GET of `url` makes (the page must answer 200). A first GET is not
    counted: after a slow set-up the session's activity stamp is due for renewal, and that
    write would count as the page's own."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)
