"""Report test data: projects made by choosing proposals, records and targets for given years."""

import datetime
from decimal import Decimal

from partnership.fiscal import fiscal_year_bounds
from partnership.models import GroupMembership
from partnership.roles import Role
from proposals import actions
from proposals.models import Status
from services.models import (
    Activity,
    Course,
    MemberJoined,
    Project,
    ServiceRequest,
    Target,
    Visit,
)
from tests import lifecycle
from tests.factories import CallFactory, UserFactory
from tests.lifecycle import chair, group_member, members


class Panel:
    """One chair, three members and a mayor's office user, reused for every proposal
    (tests.lifecycle makes new sitting members each time, which raises the quorum)."""

    _current = None

    def __init__(self):
        self.chair = chair()
        self.members = members(3)
        self.mayor = UserFactory(roles=[Role.MAYORS_OFFICE])
        self.officer = UserFactory(roles=[Role.CITY_OFFICER])

    @classmethod
    def get(cls) -> "Panel":
        # Reset before every test by the autouse fixture in tests/reports/conftest.py.
        if cls._current is None:
            cls._current = cls()
        return cls._current


def proposal_in(status: Status, **factory_kwargs):
    """A proposal driven to `status` through the real actions by one reused panel."""
    panel = Panel.get()
    return lifecycle.proposal_in(
        status, the_chair=panel.chair, voters=[panel.chair, *panel.members],
        officer=panel.officer, mayor=panel.mayor, **factory_kwargs)


def chosen_project(code: str, first_year: int, last_year: int, **factory_kwargs) -> Project:
    """A project made by choosing a proposal through the real actions, running first..last."""
    proposal = proposal_in(Status.CHOSEN, **factory_kwargs)
    project = Project.objects.get(proposal=proposal)
    project.code = code
    project.starts_on = fiscal_year_bounds(first_year)[0]
    project.ends_on = fiscal_year_bounds(last_year)[1]
    project.save()
    return project


def staff_of(project: Project, user) -> None:
    GroupMembership.objects.get_or_create(group_id=project.group_id, user=user,
                                          defaults={"role": GroupMembership.GroupRole.MEMBER})


def records(project: Project, day: datetime.date, *, requests=0, handled=0, hours="0",
            users=0, courses=(), members=0, former=0) -> None:
    """Records dated `day`: courses is a list of (organiser, participants)."""
    ServiceRequest.objects.bulk_create(
        [ServiceRequest(project=project, received_on=day, category="相談",
                        status=ServiceRequest.RequestStatus.HANDLED if i < handled
                        else ServiceRequest.RequestStatus.OPEN) for i in range(requests)]
    )
    if Decimal(hours):
        Activity.objects.create(project=project, date=day, hours=Decimal(hours),
                                description="活動")
    if users:
        Visit.objects.create(project=project, date=day, users=users, facility="調理室")
    Course.objects.bulk_create(
        [Course(project=project, title=f"講座{i}", organiser=organiser, start_date=day,
                participants=participants) for i, (organiser, participants) in enumerate(courses)]
    )
    MemberJoined.objects.bulk_create(
        [MemberJoined(project=project, joined_on=day, former_user=i < former)
         for i in range(members)]
    )


def target(project: Project, year: int, indicator: str, value) -> Target:
    return Target.objects.create(project=project, fiscal_year=year, indicator=indicator,
                                 value=Decimal(value), set_by=group_member(project.proposal))


def funnel_history() -> dict[int, tuple[int, int, int]]:
    """Proposals of 2003 and 2004 in every status, through the actions; expected funnels."""
    call_2003 = CallFactory(fiscal_year=2003)
    call_2004 = CallFactory(fiscal_year=2004)
    proposal_in(Status.CHOSEN, call=call_2003)
    proposal_in(Status.CHOSEN, call=call_2003)
    proposal_in(Status.DECLINED, call=call_2003)
    proposal_in(Status.NOT_RECOMMENDED, call=call_2003)
    proposal_in(Status.INELIGIBLE, call=call_2003)
    submitted = proposal_in(Status.SUBMITTED, call=call_2003)
    actions.withdraw(actor=group_member(submitted), proposal=submitted, reason="事情により")
    proposal_in(Status.DRAFT, call=call_2003)  # never submitted: not counted
    proposal_in(Status.WITHDRAWN, call=call_2003)  # withdrawn as a draft: not counted
    proposal_in(Status.RECOMMENDED, call=call_2004)
    proposal_in(Status.UNDER_REVIEW, call=call_2004)
    proposal_in(Status.CHOSEN, call=call_2004)
    return {2003: (6, 3, 2), 2004: (3, 2, 1), 2005: (0, 0, 0), 2006: (0, 0, 0)}
