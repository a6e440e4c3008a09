"""Matrix rows of the renewal decision (own / other: a second project of each matrix group,
with the same partner departments, whose agreement in force ended with last fiscal year,
evaluated by the partnership).

Only the mayor's office decides, for any project; the other readers of the project's
records may know the page but not act (403); those who may not read them get 404. In the
current fiscal year, not the agreed period's last, nobody may decide.
"""

import datetime

from partnership.fiscal import fiscal_year_bounds
from services.models import Agreement, Evaluation, Project
from tests.factories import ProposalFactory
from tests.url_matrix import ANON, LOGIN, Row

from .services import BOTH, CHAIR, CITIZEN, MAYOR, OFFICER, OTHER_GROUP, STAFF

MAYOR_DECIDES = {ANON: LOGIN, CITIZEN: 403, STAFF: 403, OFFICER: 403, MAYOR: 200, "*": 404}
NOBODY = {**MAYOR_DECIDES, MAYOR: 403}


def _at(which):
    def kwargs(objects, scope):
        project = objects["renewal_projects"][scope]
        return {"code": project.code, "year": objects["renewal_years"][which]}

    return kwargs


DUE, NOT_DUE = _at("due"), _at("not_due")

ROWS = [
    Row("services:renewal", MAYOR_DECIDES, DUE, scopes=BOTH, other_expect=OTHER_GROUP),
    # Nothing chosen: the form comes back with its errors.
    Row("services:renewal", MAYOR_DECIDES, DUE, method="post", page=False, scopes=BOTH,
        other_expect=OTHER_GROUP),
    Row("services:renewal", NOBODY, NOT_DUE, scopes=BOTH, other_expect=OTHER_GROUP),
]


def build(objects: dict) -> None:
    this_year = objects["year"]
    objects["renewal_years"] = {"due": this_year - 1, "not_due": this_year}
    objects["renewal_projects"] = {}
    officer, chair = objects["users"][OFFICER], objects["users"][CHAIR]
    starts_on = fiscal_year_bounds(this_year - 2)[0]
    agreed_until = fiscal_year_bounds(this_year - 1)[1]
    for scope in BOTH:
        sibling = objects["projects"][scope]
        author = sibling.group.memberships.first().user
        proposal = ProposalFactory(call=objects["call"], group=sibling.group, created_by=author,
                                   title=f"{scope}-renewal")
        project = Project.objects.create(
            proposal=proposal, code=f"matrix-renewal-{scope}", title=proposal.title,
            group=sibling.group, department=sibling.department, starts_on=starts_on,
            ends_on=fiscal_year_bounds(this_year)[1])
        now = datetime.datetime.now(tz=datetime.UTC)
        Agreement.objects.create(
            project=project, version=1, status=Agreement.Status.IN_FORCE, starts_on=starts_on,
            ends_on=agreed_until, group_role="運営", city_role="広報",
            city_contribution=1_000_000, group_share=0, indicators="相談件数",
            reporting="年度末に報告", drafted_by=officer, group_confirmed_by=author,
            group_confirmed_at=now, department_confirmed_by=officer,
            department_confirmed_at=now)
        Evaluation.objects.create(
            project=project, fiscal_year=this_year - 1, evaluator="partnership", progress=4,
            division_of_roles=4, satisfaction=4, outcomes=3, verdict="continue",
            comment="継続が妥当", author=chair)
        objects["renewal_projects"][scope] = project
