"""Trend pages: indicators with nothing but zeros are named in a sentence, not drawn as flat
lines."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from partnership.roles import Role
from reports.figures import TREND_GROUPS

from .data import chosen_project, records

pytestmark = pytest.mark.django_db

DRAWN = {"requests", "hours"}  # the only figures the project has


@pytest.fixture
def requests_and_hours_only():
    project = chosen_project("counter", 2010, 2012)
    records(project, datetime.date(2011, 5, 10), requests=6, handled=4, hours="12.5")
    return project


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize(("name", "prefix"), [("project_trend", "project-trend"),
                                              ("span", "trend")])
def test_all_zero_indicators_are_listed_and_not_drawn(role_client, settings,
                                                      requests_and_hours_only, language,
                                                      name, prefix):
    settings.LANGUAGE_CODE = language
    client = role_client(Role.CITY_OFFICER)
    args = [requests_and_hours_only.code] if name == "project_trend" else []
    response = client.get(reverse(f"reports:{name}", args=args), {"first": 2010, "last": 2012},
                          HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    listed = re.search(r'<p class="empty-trends">(.*?)</p>', html, re.S)
    assert listed, "no list of the indicators without figures"
    with translation.override(language):
        for key, indicators in TREND_GROUPS:
            for indicator in indicators:
                assert (str(indicator.label) in listed.group(1)) == (key not in DRAWN), indicator
            assert (f'id="{prefix}-{key}"' in html) == (key in DRAWN), key
            assert (f'id="{prefix}-{key}-caption"' in html) == (key in DRAWN), key
    # No figure for them either, not even one saying it has nothing to draw.
    assert len(re.findall(f'<figure [^>]*aria-labelledby="{prefix}-', html)) == len(DRAWN)
    assert len(re.findall(f'<svg [^>]*id="{prefix}-', html)) == len(DRAWN)
