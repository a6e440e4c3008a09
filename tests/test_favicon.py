"""Every page on the base template names its favicon, and the server serves that file."""

import re
import urllib.request

import pytest
from django.urls import reverse

from partnership.roles import Role

# Anonymous and signed-in pages: the navigation differs, the <head> must not.
PAGES = {None: ("home", "login", "proposals:call_list", "services:project_list",
                "reports:public_summary"),
         Role.CITY_OFFICER: ("home", "notification_list", "account_settings", "reports:year")}


def _icons(html: str) -> list[tuple[str, str]]:
    """(href, type) of each <link rel="icon"> of the page."""
    links = re.findall(r'<link\b[^>]*\brel="icon"[^>]*>', html)
    return [(re.search(r'\bhref="([^"]+)"', link).group(1),
             re.search(r'\btype="([^"]+)"', link).group(1)) for link in links]


@pytest.mark.django_db(transaction=True)
def test_base_pages_link_a_favicon_that_is_served(client, live_server, make_user):
    icons = set()
    for role, paths in PAGES.items():
        if role:
            client.force_login(make_user(role))
        for name in paths:
            path = reverse(name)
            response = client.get(path)
            assert response.status_code == 200, path
            found = _icons(response.content.decode())
            assert len(found) == 1, (path, found)
            icons.update(found)
    assert len(icons) == 1, icons  # one icon for every page
    [(href, declared)] = icons
    with urllib.request.urlopen(live_server.url + href) as served:
        assert served.status == 200
        assert served.headers["Content-Type"] == declared == "image/svg+xml"
        assert served.read().lstrip().startswith(b"<svg")
