"""Matrix rows of the annual report pages and of closing a fiscal year.

The matrix projects (tests/matrix/services.py) get two more past years: two years ago,
its report accepted (the year may close); last year, its report returned with comments
(the group writes and submits it again); and next year's report is already submitted
(the department accepts or returns it; a permission test, not a calendar). Readers of a
project's evaluations read its reports (404 for others); those who read but may not act
get 403.
"""

from partnership.fiscal import fiscal_year_bounds
from services.models import AnnualReport, ProjectYear, SettlementLine
from tests.url_matrix import ANON, LOGIN, Row

from .services import (
    BOTH,
    CHAIR,
    CITIZEN,
    MAYOR,
    MEMBER,
    OFFICER,
    OTHER_GROUP,
    STAFF,
    _project,
    department_acts,
    group_writes,
)

READERS = {ANON: LOGIN, CITIZEN: 200, STAFF: 200, OFFICER: 200, MAYOR: 200, MEMBER: 200,
           CHAIR: 200, "*": 404}
EVALUATION_READERS = {MEMBER: 403, CHAIR: 403}
OTHER_DEPARTMENT = {**OTHER_GROUP, OFFICER: 403}


def _at(which):
    def kwargs(objects, scope):
        return {**_project(objects, scope), "year": objects["report_years"][which]}

    return kwargs


ACCEPTED, RETURNED, SUBMITTED = _at("accepted"), _at("returned"), _at("submitted")

ROWS = [
    Row("services:annual_report", READERS, RETURNED, scopes=BOTH,
        other_expect={CITIZEN: 404, STAFF: 404}),
    Row("services:annual_report", READERS, ACCEPTED, scopes=BOTH,
        other_expect={CITIZEN: 404, STAFF: 404}),
    Row("services:annual_report_edit", {**group_writes(200), **EVALUATION_READERS}, RETURNED,
        scopes=BOTH, other_expect=OTHER_GROUP),
    # An empty form is a valid draft (nothing is checked before submission).
    Row("services:annual_report_edit", {**group_writes(302), **EVALUATION_READERS}, RETURNED,
        method="post", page=False, scopes=BOTH, other_expect=OTHER_GROUP),
    # An accepted report is written no more.
    Row("services:annual_report_edit", {**group_writes(403), **EVALUATION_READERS}, ACCEPTED,
        scopes=BOTH, other_expect=OTHER_GROUP),
    Row("services:annual_report_submit", {**group_writes(302), **EVALUATION_READERS},
        RETURNED, method="post", page=False, scopes=BOTH, other_expect=OTHER_GROUP),
    Row("services:annual_report_return", {**department_acts(200), **EVALUATION_READERS},
        SUBMITTED, scopes=BOTH, other_expect=OTHER_DEPARTMENT),
    # No comments: the form comes back with its error.
    Row("services:annual_report_return", {**department_acts(200), **EVALUATION_READERS},
        SUBMITTED, method="post", page=False, scopes=BOTH, other_expect=OTHER_DEPARTMENT),
    Row("services:annual_report_accept", {**department_acts(302), **EVALUATION_READERS},
        SUBMITTED, method="post", page=False, scopes=BOTH, other_expect=OTHER_DEPARTMENT),
    Row("services:annual_report_accept", {**department_acts(403), **EVALUATION_READERS},
        RETURNED, method="post", page=False, scopes=BOTH, other_expect=OTHER_DEPARTMENT),
    Row("services:year_close", department_acts(200), ACCEPTED, scopes=BOTH,
        other_expect=OTHER_DEPARTMENT),
    Row("services:year_close", department_acts(302), ACCEPTED, method="post", page=False,
        scopes=BOTH, other_expect=OTHER_DEPARTMENT),
    # Its report returned, last year may not close yet.
    Row("services:year_close", department_acts(403), RETURNED, scopes=BOTH,
        other_expect=OTHER_DEPARTMENT),
]


def build(objects: dict) -> None:
    this_year = objects["year"]
    years = {"accepted": this_year - 2, "returned": this_year - 1, "submitted": this_year + 1}
    objects["report_years"] = years
    for scope in BOTH:
        project = objects["projects"][scope]
        project.starts_on = fiscal_year_bounds(years["accepted"])[0]
        project.save()  # the earlier year gets its row
        author = project.group.memberships.first().user
        for state, year in years.items():
            report = AnnualReport.objects.create(
                year=ProjectYear.objects.get(project=project, fiscal_year=year), status=state,
                narrative="地域の子育て家庭を支えた。", written_by=author,
                comments="決算の内訳を添えてください。" if state == "returned" else "")
            SettlementLine.objects.create(report=report, position=1, item="人件費",
                                          city_amount=100_000, group_amount=20_000)
