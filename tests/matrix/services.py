"""Matrix rows of the projects and service records pages.

Own = a project run by the matrix citizen's group (citizen and project_staff are members)
with matrix-city_officer an officer of its partner department; other = a project of another
group and department. The project pages are public; the internal pages are 404 for those who
may not read the records (another group's members, partnership members, administrators), 403
for readers who may not act (city officers, the mayor's office). The steps in a fiscal year are
taken in the current one, open.
"""

import datetime

from partnership.fiscal import fiscal_year_of, next_fiscal_year_start
from partnership.roles import Role
from services.kinds import KINDS
from services.models import Activity, Course, MemberJoined, Project, ServiceRequest, Visit
from tests.factories import DepartmentFactory, ProposalFactory, UserFactory
from tests.url_matrix import ANON, LOGIN, Row, everyone

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
OFFICER = Role.CITY_OFFICER.value
ADMINISTRATOR = Role.ADMINISTRATOR.value
MAYOR = Role.MAYORS_OFFICE.value
MEMBER = Role.PARTNERSHIP_MEMBER.value
CHAIR = Role.CHAIR.value
BOTH = ("own", "other")
OTHER_GROUP = {CITIZEN: 404, STAFF: 404}


def _project(objects, scope):
    return {"code": objects["projects"][scope].code}


def _kind(kind):
    def kwargs(objects, scope):
        return {**_project(objects, scope), "kind": kind}

    return kwargs


def _record(kind):
    def kwargs(objects, scope):
        return {**_kind(kind)(objects, scope), "pk": objects["records"][scope][kind].pk}

    return kwargs


def _year(objects, scope):
    return {**_project(objects, scope), "year": objects["year"]}


def _evaluation(evaluator):
    def kwargs(objects, scope):
        return {**_year(objects, scope), "evaluator": evaluator}

    return kwargs


# Reading records: the group, city officers (all projects) and the mayor's office.
READ = {ANON: LOGIN, CITIZEN: 200, STAFF: 200, OFFICER: 200, MAYOR: 200, "*": 404}


def group_writes(status):
    return {ANON: LOGIN, CITIZEN: status, STAFF: status, OFFICER: 403, MAYOR: 403, "*": 404}


def department_acts(status):
    return {ANON: LOGIN, CITIZEN: 403, STAFF: 403, OFFICER: status, MAYOR: 403, "*": 404}


EVALUATION_READERS = {MEMBER: 403, CHAIR: 403}

ROWS = [
    Row("services:project_list", everyone(200)),
    Row("services:project_detail", everyone(200), _project, scopes=BOTH),
    # The partner department's officer, and an administrator (who alone changes the
    # department); another department's officer may not.
    Row("services:project_edit", {ANON: LOGIN, OFFICER: 200, ADMINISTRATOR: 200, "*": 403},
        _project, scopes=BOTH, other_expect={OFFICER: 403}),
    # An empty form comes back with its errors.
    Row("services:project_edit", {ANON: LOGIN, OFFICER: 200, ADMINISTRATOR: 200, "*": 403},
        _project, method="post", page=False, scopes=BOTH, other_expect={OFFICER: 403}),
    Row("services:import_upload", {ANON: LOGIN, CITIZEN: 200, STAFF: 200, "*": 403}),
    Row("services:import_upload", {ANON: LOGIN, CITIZEN: 200, STAFF: 200, "*": 403},
        method="post", page=False),
    # Nothing previewed: back to the upload page with the message that it expired.
    Row("services:import_confirm", {ANON: LOGIN, CITIZEN: 302, STAFF: 302, "*": 403},
        method="post", page=False),
    Row("services:record_changes", READ, _project, scopes=BOTH, other_expect=OTHER_GROUP),
    # Closing a year (its annual report accepted first): tests/matrix/annual_reports.py.
    Row("services:targets", group_writes(200), _year, scopes=BOTH, other_expect=OTHER_GROUP),
    Row("services:targets", group_writes(302), _year, method="post", page=False, scopes=BOTH,
        other_expect=OTHER_GROUP),
    Row("services:targets_agree", department_acts(302), _year, method="post", page=False,
        scopes=BOTH, other_expect={**OTHER_GROUP, OFFICER: 403}),
    Row("services:evaluation", {**group_writes(200), **EVALUATION_READERS},
        _evaluation("group"), scopes=BOTH, other_expect=OTHER_GROUP),
    Row("services:evaluation", {**department_acts(200), **EVALUATION_READERS},
        _evaluation("department"), scopes=BOTH, other_expect={**OTHER_GROUP, OFFICER: 403}),
    # The partnership's evaluation is written by the chair; the members read it.
    Row("services:evaluation",
        {**group_writes(403), MEMBER: 403, CHAIR: 200}, _evaluation("partnership"),
        scopes=BOTH, other_expect=OTHER_GROUP),
    # Members comment on the partnership's evaluation (the chair writes it); the other
    # readers of evaluations may not (the matrix chair sits as a member too). An empty
    # comment comes back with its error.
    Row("services:evaluation_comments", {**group_writes(403), MEMBER: 200, CHAIR: 200},
        _year, scopes=BOTH, other_expect=OTHER_GROUP),
    Row("services:evaluation_comments", {**group_writes(403), MEMBER: 200, CHAIR: 200},
        _year, method="post", page=False, scopes=BOTH, other_expect=OTHER_GROUP),
    # An empty evaluation comes back with its errors.
    Row("services:evaluation", {**group_writes(403), MEMBER: 403, CHAIR: 200},
        _evaluation("partnership"), method="post", page=False, scopes=BOTH,
        other_expect=OTHER_GROUP),
]
for kind in KINDS:
    ROWS += [
        Row("services:record_list", READ, _kind(kind), scopes=BOTH, other_expect=OTHER_GROUP),
        Row("services:record_entry", group_writes(200), _kind(kind), scopes=BOTH,
            other_expect=OTHER_GROUP),
        Row("services:record_edit", group_writes(200), _record(kind), scopes=BOTH,
            other_expect=OTHER_GROUP),
    ]
# The writing requests are the same code for every kind: two kinds are enough.
for kind in ("activities", "courses"):
    ROWS += [
        # Nothing filled in: the form comes back with its error.
        Row("services:record_entry", group_writes(200), _kind(kind), method="post",
            page=False, scopes=BOTH, other_expect=OTHER_GROUP),
        Row("services:record_edit", group_writes(200), _record(kind), method="post",
            page=False, scopes=BOTH, other_expect=OTHER_GROUP),
        Row("services:record_delete", group_writes(200), _record(kind), scopes=BOTH,
            other_expect=OTHER_GROUP),
        Row("services:record_delete", group_writes(302), _record(kind), method="post",
            page=False, scopes=BOTH, other_expect=OTHER_GROUP),
    ]


def make_records(project: Project, day: datetime.date) -> dict:
    return {
        "requests": ServiceRequest.objects.create(project=project, received_on=day,
                                                  category="相談", status="handled"),
        "activities": Activity.objects.create(project=project, date=day, hours=2),
        "visits": Visit.objects.create(project=project, date=day, users=12, facility="調理室"),
        "courses": Course.objects.create(project=project, title="日本語教室", organiser="members",
                                         start_date=day, participants=8),
        "members": MemberJoined.objects.create(project=project, joined_on=day,
                                               former_user=True),
    }


def build(objects: dict) -> None:
    """Projects of the groups that proposals_public.build made (own: the matrix citizen's)."""
    officer = objects["users"][OFFICER]
    today = datetime.date.today()
    start = next_fiscal_year_start(today).replace(year=fiscal_year_of(today) - 1)
    objects.update(projects={}, records={}, year=fiscal_year_of(today))
    for scope in BOTH:
        group = objects["groups"][scope]
        department = DepartmentFactory(name=f"マトリクス{scope}課")
        department.officers.add(officer if scope == "own" else UserFactory())
        author = group.memberships.first().user
        proposal = ProposalFactory(call=objects["call"], group=group, created_by=author,
                                   title=f"{scope}-project")
        project = Project.objects.create(
            proposal=proposal, code=f"matrix-{scope}", title=proposal.title, group=group,
            department=department, starts_on=start,
            ends_on=start.replace(year=start.year + 3) - datetime.timedelta(days=1),
        )
        objects["projects"][scope] = project
        objects["records"][scope] = make_records(project, today)
