"""The open-data API: public data only, no person named, the command's figures, bad
years refused in JSON, and a fixed number of queries whatever the number of rows."""

import datetime
import json

import pytest
from django.urls import reverse

from partnership.models import GroupMembership, User
from partnership.roles import Role
from proposals import actions
from proposals.models import Proposal, Status
from services import actions as service_actions
from services.models import Agreement, Project
from tests.factories import CallFactory, DepartmentFactory, UserFactory
from tests.lifecycle import group_member
from tests.services.agreement_data import TERMS as AGREEMENT_TERMS

from .api_helpers import api_rows, command_csv, command_rows
from .data import chosen_project, funnel_history, proposal_in, records

pytestmark = pytest.mark.django_db

LISTS = ["calls", "proposals", "decisions", "projects"]
YEARLY = {"indicators", "indicators_csv", "proposals", "proposals_csv",
          "proposal_history_csv", "decisions", "decisions_csv"}
EVERY = ["indicators", "indicators_csv", "calls", "calls_csv", "proposals", "proposals_csv",
         "proposal_history_csv", "decisions", "decisions_csv", "projects", "projects_csv",
         "agreements_csv"]


def get(client, name, year=2003):
    return client.get(reverse(f"api:{name}"), {"year": year} if name in YEARLY else {})


@pytest.fixture
def history():
    funnel = funnel_history()
    project = chosen_project("centre", 2003, 2004, call=CallFactory(fiscal_year=2003))
    records(project, datetime.date(2003, 6, 1), requests=5, handled=4, hours="12.5")
    return funnel


def test_indicators_are_the_commands_figures(client, history):
    for year in (2003, 2004, 2005):
        assert api_rows(client, year) == command_rows(year)
    figures = {(p, i): v for p, i, v in api_rows(client, 2003)}
    assert figures[("centre", "activity_hours")] == "12.50"
    assert figures[("", "proposals_submitted")] == "7"


def test_indicator_csv_has_a_bom_and_the_commands_bytes(client, history):
    response = get(client, "indicators_csv")
    assert response.content == "\ufeff".encode() + command_csv(2003).encode()
    assert 'filename="indicators-2003.csv"' in response["Content-Disposition"]


@pytest.mark.parametrize("year", ["1800", "30000", "-1", "0"])
@pytest.mark.parametrize("name", sorted(YEARLY))
def test_a_bad_year_is_a_json_400(client, name, year):
    response = client.get(reverse(f"api:{name}"), {"year": year})
    assert response.status_code == 400
    assert response.json() == {"detail": "A fiscal year is a number such as 2011."}


@pytest.mark.parametrize("query", [{}, {"year": "abc"}, {"year": "2011\x00"}, {"year": "1e3"}])
def test_a_missing_or_non_numeric_year_is_a_4xx_in_json_or_plain_text(client, query):
    response = client.get(reverse("api:indicators"), query)
    assert 400 <= response.status_code < 500
    if response["Content-Type"].startswith("application/json"):
        assert "detail" in response.json()


def test_only_submitted_proposals_with_their_public_history(client, history):
    data = get(client, "proposals").json()
    public = Proposal.objects.filter(call__fiscal_year=2003, submitted_at__isnull=False)
    assert sorted(p["id"] for p in data) == sorted(public.values_list("pk", flat=True))
    hidden = Proposal.objects.filter(call__fiscal_year=2003, submitted_at__isnull=True)
    assert hidden.count() == 2  # a draft, and a draft withdrawn before submission
    assert not {p["id"] for p in data} & set(hidden.values_list("pk", flat=True))
    chosen = next(p for p in data if p["status"] == Status.CHOSEN and p["title"] != "")
    steps = [change["status"] for change in chosen["history"]]
    assert steps[0] == Status.SUBMITTED and steps[-1] == Status.CHOSEN
    assert Status.DRAFT not in steps
    withdrawn = next(p for p in data if p["status"] == Status.WITHDRAWN)
    assert withdrawn["history"][-1]["reason"] == "事情により"
    csv_ids = get(client, "proposals_csv").content.decode("utf-8-sig").splitlines()[1:]
    assert len(csv_ids) == len(data)
    changes = get(client, "proposal_history_csv").content.decode("utf-8-sig").splitlines()
    assert len(changes) - 1 == sum(len(p["history"]) for p in data)


def test_decisions_carry_their_reasons(client, history):
    declined = proposal_in(Status.DECLINED, call=CallFactory(fiscal_year=2003))
    data = {d["proposal"]: d for d in get(client, "decisions").json()}
    assert data[declined.pk]["outcome"] == "declined"
    assert data[declined.pk]["reason"] == declined.decision.reason != ""
    # funnel_history: two chosen and one declined; the "centre" project; this one.
    assert len(data) == 5


def test_projects_and_calls(client, history):
    projects = {p["code"]: p for p in get(client, "projects").json()}
    assert projects["centre"]["starts_on"] == "2003-04-01"
    assert projects["centre"]["ends_on"] == "2005-03-31"
    assert projects["centre"]["call_year"] == 2003
    calls = get(client, "calls").json()
    assert {c["fiscal_year"] for c in calls} >= {2003, 2004}
    text = get(client, "projects_csv").content.decode("utf-8-sig")
    assert text.splitlines()[0] == ("code,title,group,department,proposal,call_year,"
                                    "starts_on,ends_on,agreement_date")


def test_no_person_is_named_anywhere(client, history):
    for proposal in Proposal.objects.all():
        Proposal.objects.filter(pk=proposal.pk).update(summary=proposal.summary)
    people = [(u.display_name, u.email, u.username) for u in User.objects.all()]
    assert people
    for name in EVERY:
        body = get(client, name).content.decode("utf-8-sig")
        for display_name, email, username in people:
            assert email not in body, name
            assert display_name and display_name not in body, name
            assert f'"{username}"' not in body and f",{username}," not in body, name


def test_everyone_reads_it_anonymously_and_nothing_else_than_get(client, history):
    for name in EVERY:
        assert get(client, name).status_code == 200, name
        assert client.post(reverse(f"api:{name}")).status_code == 405, name


def test_the_openapi_document_describes_every_operation(client):
    response = client.get(reverse("api:openapi-json"))
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert paths == {"/api/v1/indicators", "/api/v1/indicators.csv", "/api/v1/calls",
                     "/api/v1/calls.csv", "/api/v1/proposals", "/api/v1/proposals.csv",
                     "/api/v1/proposals/history.csv", "/api/v1/decisions",
                     "/api/v1/decisions.csv", "/api/v1/projects", "/api/v1/projects.csv",
                     "/api/v1/agreements.csv"}
    indicators = document["paths"]["/api/v1/indicators"]["get"]
    assert indicators["parameters"][0]["name"] == "year"
    assert {"200", "400"} <= set(indicators["responses"])


def test_projects_carry_their_agreed_versions_never_a_draft(client, history):
    project = Project.objects.get(code="centre")
    department = DepartmentFactory()
    project.department = department
    project.save()
    officer = UserFactory(roles=[Role.CITY_OFFICER])
    department.officers.add(officer)
    rep = group_member(project.proposal)
    GroupMembership.objects.filter(group=project.group, user=rep).update(role="representative")
    first = service_actions.draft_agreement(actor=officer, project=project, **AGREEMENT_TERMS)
    assert get(client, "projects").json()[0]["agreements"] == []  # a draft is not published
    for side, user in (("group", rep), ("department", officer)):
        service_actions.confirm_agreement(actor=user, agreement=first, side=side)
    service_actions.draft_agreement(actor=officer, project=project, reason="家庭訪問の追加",
                                    **AGREEMENT_TERMS)
    agreed = {p["code"]: p for p in get(client, "projects").json()}["centre"]["agreements"]
    assert [(a["version"], a["status"]) for a in agreed] == [(1, "in_force")]
    assert agreed[0]["city_contribution"] == AGREEMENT_TERMS["city_contribution"]
    text = get(client, "agreements_csv").content.decode("utf-8-sig")
    assert text.count("\ncentre,1,in_force,") == 1 and ",2," not in text
    body = get(client, "projects").content.decode()
    assert rep.display_name not in body and officer.display_name not in body


def _grow(step: int):
    """Each step adds proposals (through the actions) and projects with records."""
    call = CallFactory(fiscal_year=2003)
    for _n in range(step):
        proposal_in(Status.CHOSEN, call=call)
        proposal = proposal_in(Status.SUBMITTED, call=call)
        actions.withdraw(actor=proposal.group.memberships.first().user, proposal=proposal,
                         reason="再検討")
    for n in range(step):
        project = chosen_project(f"sized-{step}-{n}", 2003, 2004, call=call)
        records(project, datetime.date(2003, 7, 1), requests=2, handled=1, hours="1.5")
        Agreement.objects.create(project=project, version=1, status="in_force",
                                 drafted_by=project.proposal.created_by, **AGREEMENT_TERMS)


@pytest.mark.parametrize("name", EVERY + ["openapi-json"])
def test_constant_queries(client, django_assert_max_num_queries, name):
    url = reverse(f"api:{name}")
    query = {"year": 2003} if name in YEARLY else {}
    counts, sizes = [], []
    for step in (1, 4):
        _grow(step)
        with django_assert_max_num_queries(10) as queries:
            response = client.get(url, query)
        assert response.status_code == 200
        counts.append(len(queries))
        sizes.append(len(response.content))
    assert counts[0] == counts[1]
    if name != "openapi-json":
        assert sizes[1] > sizes[0]  # the second size did list more rows


def test_japanese_is_written_as_is(client, history):
    body = get(client, "projects").content.decode()
    assert "\\u" not in body
    assert json.loads(body)


def test_the_public_summary_links_the_open_data(client, history):
    html = client.get(reverse("reports:public_summary"), {"year": 2003}).content.decode()
    for name in ("indicators", "indicators_csv", "proposals", "decisions_csv"):
        assert f'href="{reverse(f"api:{name}")}?year=2003"' in html, name
    assert f'href="{reverse("api:openapi-json")}"' in html
