"""A project's page and the yearly report show a project's result / target alike: both
format through partnership.formatting."""

import datetime
import re

import pytest
from django.urls import reverse

from partnership.roles import Role
from services.models import Indicator

from .data import chosen_project, records, target

pytestmark = pytest.mark.django_db

REPORT_ROW = re.compile(r'<tr data-indicator="(\w+)"><th scope="row">[^<]*</th>'
                        r'(?:<td class="text-end">[^<]*</td>){2}<td class="text-end">([^<]*)</td>')
PROJECT_ROW = re.compile(r'<tr data-indicator="(\w+)">.*?<td class="text-end share">([^<]*)</td>',
                         re.S)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_project_page_and_the_report_agree_on_each_ratio(client, make_user, settings,
                                                             language):
    settings.LANGUAGE_CODE = language
    project = chosen_project("centre", 2010, 2012)
    records(project, datetime.date(2011, 6, 1), requests=25, handled=20, hours="8.44", users=211,
            members=4)
    for indicator, value in ((Indicator.SERVICE_REQUESTS, "2"),  # 1,250.0 %
                             (Indicator.ACTIVITY_HOURS, "8"),  # 105.5 %: not 106 %
                             (Indicator.FACILITY_USERS, "200"),  # 105.5 %
                             (Indicator.NEW_MEMBERS, "3"),  # 133.3 %
                             (Indicator.NEW_MEMBERS_FORMER_USERS, "5"),  # a counted zero: 0.0 %
                             (Indicator.COURSE_PARTICIPANTS, "400")):  # no courses: a dash
        target(project, 2011, indicator, value)
    client.force_login(make_user(Role.CITY_OFFICER))
    page = client.get(reverse("services:project_detail", args=[project.code]), {"year": 2011},
                      HTTP_ACCEPT_LANGUAGE=language).content.decode()
    report = client.get(reverse("reports:year"), {"year": 2011},
                        HTTP_ACCEPT_LANGUAGE=language).content.decode()
    on_page, in_report = dict(PROJECT_ROW.findall(page)), dict(REPORT_ROW.findall(report))
    assert on_page["service_requests"] == "1,250.0%"
    assert on_page["activity_hours"] == on_page["facility_users"] == "105.5%"
    assert on_page["new_members"] == "133.3%"
    assert on_page["new_members_former_users"] == "0.0%"
    assert on_page["course_participants"] == "—"
    assert on_page["service_requests_handled"] == "—"  # a result, no target
    assert {key: in_report[key] for key in on_page} == on_page
