"""A project whose renewal is due: its agreement (in force) ends with fiscal 2011, which
the partnership has evaluated; the project's own period runs to fiscal 2012."""

import datetime

from partnership.roles import Role
from services import actions
from services.models import Agreement, Project
from tests.factories import UserFactory
from tests.lifecycle import chair

from .agreement_data import agreement_in
from .conftest import make_project

YEAR = 2011
AGREED_UNTIL = datetime.date(2012, 3, 31)
SCORES = {"progress": 4, "division_of_roles": 3, "satisfaction": 5, "outcomes": 4,
          "verdict": "continue", "comment": "身近な場で成果"}


def renewal_due(code: str = "renew") -> Project:
    project = make_project(code)
    agreement = agreement_in(project, Agreement.Status.DRAFT)
    Agreement.objects.filter(pk=agreement.pk).update(status=Agreement.Status.IN_FORCE,
                                                     ends_on=AGREED_UNTIL)
    actions.save_evaluation(actor=chair(), project=project, year=YEAR,
                            evaluator="partnership", **SCORES)
    return Project.objects.get(pk=project.pk)


def mayor():
    return UserFactory(roles=[Role.MAYORS_OFFICE])
