"""Rows of the reports pages and downloads.

City officers and the mayor's office read every internal report; members of a project's
operating group (the matrix `citizen` and `project_staff`, see tests/matrix/services.py)
read their own project's trend and get 404 for another project's; everyone reads the
public summary. Own / other = objects["projects"] built by tests/matrix/services.py.
"""

import datetime

from django.utils import timezone

from partnership.roles import Role
from proposals.models import Decision, Proposal, Status
from tests.factories import CallFactory, ProposalFactory
from tests.url_matrix import ANON, LOGIN, Row, everyone

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
OFFICER = Role.CITY_OFFICER.value
MAYOR = Role.MAYORS_OFFICE.value

INTERNAL = {ANON: LOGIN, OFFICER: 200, MAYOR: 200, "*": 403}
TREND = {ANON: LOGIN, OFFICER: 200, MAYOR: 200, CITIZEN: 200, STAFF: 200, "*": 404}


def _project(objects: dict, scope: str) -> dict:
    return {"code": objects["projects"][scope].code}


def build(objects: dict) -> None:
    """A past call year with a declined proposal, for its public outcomes page."""
    past = timezone.now() - datetime.timedelta(days=400)
    call = CallFactory(fiscal_year=2004, opens_at=past,
                       closes_at=past + datetime.timedelta(days=30))
    proposal = ProposalFactory(call=call, title="matrix-declined")
    Proposal.objects.filter(pk=proposal.pk).update(status=Status.DECLINED, submitted_at=past)
    Decision.objects.create(proposal=proposal, outcome=Decision.Outcome.DECLINED,
                            reason="matrix", decided_by=objects["users"][MAYOR])
    objects["accountability_year"] = call.fiscal_year


def _year(objects: dict, scope: str) -> dict:
    return {"year": objects["accountability_year"]}


def _kind(objects: dict, scope: str) -> dict:
    return {"kind": "requests"}


ROWS = [
    Row("reports:public_summary", everyone(200)),
    Row("reports:accountability_project", everyone(200), _project, scopes=("own", "other")),
    Row("reports:accountability_year", everyone(200), _year),
    Row("reports:year", INTERNAL),
    Row("reports:span", INTERNAL),
    Row("reports:project_trend", TREND, _project, scopes=("own", "other"),
        other_expect={CITIZEN: 404, STAFF: 404}),
    Row("reports:project_trend_csv", TREND, _project, page=False, scopes=("own", "other"),
        other_expect={CITIZEN: 404, STAFF: 404}),
    Row("reports:project_trend_xlsx", TREND, _project, page=False, scopes=("own", "other"),
        other_expect={CITIZEN: 404, STAFF: 404}),
    Row("reports:summary_csv", everyone(200), page=False),
    Row("reports:summary_xlsx", everyone(200), page=False),
    Row("reports:export_csv", INTERNAL, page=False),
    Row("reports:export_xlsx", INTERNAL, page=False),
    Row("reports:raw_csv", INTERNAL, _kind, page=False),
]
