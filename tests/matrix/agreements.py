"""Matrix rows of the agreement pages (own / other: the projects of tests/matrix/services.py,
each with a draft agreement, version 1).

Those who read a project's records read its agreement (others get 404); the partner
department's officer writes the draft and confirms for the department; the group's
representative (the matrix citizen) confirms for the group; the group's staff, other
officers and the mayor's office may know the agreement but not act (403).
"""

from services.models import Agreement
from tests.url_matrix import Row

from .services import BOTH, OFFICER, OTHER_GROUP, READ, STAFF, department_acts, group_writes

OTHERS_OFFICER = {**OTHER_GROUP, OFFICER: 403}


def _project(objects, scope):
    return {"code": objects["projects"][scope].code}


def _confirm(side):
    def kwargs(objects, scope):
        return {**_project(objects, scope), "version": 1, "side": side}

    return kwargs


ROWS = [
    Row("services:agreement", READ, _project, scopes=BOTH, other_expect=OTHER_GROUP),
    Row("services:agreement_draft", department_acts(200), _project, scopes=BOTH,
        other_expect=OTHERS_OFFICER),
    # An empty form comes back with its errors.
    Row("services:agreement_draft", department_acts(200), _project, method="post",
        page=False, scopes=BOTH, other_expect=OTHERS_OFFICER),
    Row("services:agreement_confirm", {**group_writes(302), STAFF: 403}, _confirm("group"),
        method="post", page=False, scopes=BOTH, other_expect=OTHER_GROUP),
    Row("services:agreement_confirm", department_acts(302), _confirm("department"),
        method="post", page=False, scopes=BOTH, other_expect=OTHERS_OFFICER),
]


def build(objects: dict) -> None:
    officer = objects["users"][OFFICER]
    for scope in BOTH:
        project = objects["projects"][scope]
        Agreement.objects.create(
            project=project, version=1, starts_on=project.starts_on, ends_on=project.ends_on,
            group_role="運営", city_role="広報", city_contribution=1_000_000, group_share=0,
            indicators="相談件数", reporting="年度末に報告", drafted_by=officer)
