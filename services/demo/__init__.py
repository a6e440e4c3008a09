"""Demo data of the services app: the case study's three projects and their raw records.

The projects come from the case-study proposals that `proposals.demo` chose (the
`proposal_chosen` signal made them). This package gives them their codes, periods and
departments (`cases`) and generates raw service records for fiscal years 2009-2013
(`records`), then the 2011 targets, evaluations, accepted annual reports (`reports`) and
closed years.
"""

import datetime
import random
from decimal import Decimal

from partnership import audit, clock, notices
from partnership.models import Department, User
from proposals.models import Proposal, Status

from .. import actions
from ..actions.projects import create_project_for
from ..models import (
    Activity,
    Course,
    Evaluation,
    MemberJoined,
    Project,
    ProjectYear,
    ServiceRequest,
    Target,
    Visit,
)
from . import agreements, reports
from .cases import (
    AGREED_AT,
    CASES,
    CLOSED_YEARS,
    EVALUATIONS_2011,
    FOCUS_YEAR,
    PERIOD,
    TARGETS_2011,
    Case,
)
from .records import GENERATORS, YEARS

BATCH = 2000
RECORD_MODELS = (ServiceRequest, Activity, Visit, Course, MemberJoined)


def _project_for(case: Case, stdout) -> Project | None:
    project = Project.objects.filter(code=case.code).first()
    if project is not None:
        return project
    proposal = (Proposal.objects.filter(title=case.proposal_title, status=Status.CHOSEN)
                .select_related("decision").order_by("pk").first())
    if proposal is None:
        if stdout is not None:
            stdout.write(f"services demo: no chosen proposal “{case.proposal_title}”; skipped.")
        return None
    return (Project.objects.filter(proposal=proposal).first()
            or create_project_for(proposal=proposal, decision=proposal.decision))


def _has_records(project: Project) -> bool:
    return any(model.objects.filter(project=project).exists() for model in RECORD_MODELS)


def _close_years(project: Project, officer: User) -> None:
    """The department closed each past year at the end of the following June."""
    open_years = ProjectYear.objects.filter(project=project, fiscal_year__in=CLOSED_YEARS,
                                            status=ProjectYear.Status.OPEN)
    for year in open_years.values_list("fiscal_year", flat=True):
        with clock.at(datetime.datetime(year + 1, 6, 30, 17, 0, tzinfo=datetime.UTC)), \
                notices.muted():
            actions.close_year(actor=officer, project=project, year=year)


def load(stdout=None) -> dict[str, Project]:
    officer = User.objects.filter(username="officer").first()
    chair = User.objects.filter(username="chair").first()
    admin = User.objects.filter(username="admin").first()
    projects = {}
    for case in CASES:
        project = _project_for(case, stdout)
        if project is None:
            continue
        department = Department.objects.filter(name=case.department).first()
        if department is not None and officer is not None:
            department.officers.add(officer)  # the demo officer can close years and agree
        changed = {
            "code": case.code, "department": department or project.department,
            "starts_on": min(project.starts_on, PERIOD[0]),
            "ends_on": PERIOD[1],
        }
        if any(getattr(project, name) != value for name, value in changed.items()):
            before = audit.values_of(project, changed)
            for name, value in changed.items():
                setattr(project, name, value)
            project.save()
            # The demo command's change, in the log like every other (actor: a command).
            audit.record(actor=None, action="project.changed", subject=project,
                         before=before, after=audit.values_of(project, changed),
                         reason="demo")
        projects[case.code] = project
        membership = (project.group.memberships.select_related("user")
                      .order_by("-role", "pk").first())
        group_user = membership.user if membership else admin
        if not _has_records(project):
            rng = random.Random(f"yamato-{case.code}")
            records = []
            for year in YEARS:
                records += GENERATORS[case.code](rng, project, group_user, year)
            for model in RECORD_MODELS:
                model.objects.bulk_create([r for r in records if type(r) is model],
                                          batch_size=BATCH)
            audit.record(actor=None, action="records.loaded", subject=project,
                         after={"records": len(records), "years": [YEARS[0], YEARS[-1]]},
                         reason="demo")
        for indicator, value in TARGETS_2011[case.code].items():
            Target.objects.get_or_create(
                project=project, fiscal_year=FOCUS_YEAR, indicator=indicator,
                defaults={"value": Decimal(value), "set_by": group_user, "agreed_by": officer,
                          "agreed_at": AGREED_AT if officer else None},
            )
        authors = {"group": group_user, "department": officer or admin,
                   "partnership": chair or admin}  # the chair writes it for the partnership
        for evaluator, scores in EVALUATIONS_2011[case.code].items():
            progress, roles, satisfaction, outcomes, comment, verdict = scores
            Evaluation.objects.get_or_create(
                project=project, fiscal_year=FOCUS_YEAR, evaluator=evaluator,
                defaults={"progress": progress, "division_of_roles": roles,
                          "satisfaction": satisfaction, "outcomes": outcomes,
                          "comment": comment, "verdict": verdict,
                          "author": authors[evaluator]},
            )
        if officer is not None:
            reports.accept_years(project, CLOSED_YEARS, group_user, officer)
            _close_years(project, officer)
    agreements.load(projects, officer, admin)
    if stdout is not None and projects:
        stdout.write("services demo: projects " + ", ".join(sorted(projects))
                     + f" with records for fiscal {YEARS[0]}-{YEARS[-1]}.")
    return projects
