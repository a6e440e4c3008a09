"""Matrix rows of the family-situation reports (own / other: the projects of
tests/matrix/services.py, each given an agreement in force that includes family contacts,
and three reports: filed, acknowledged, acknowledged with its intervention).

A report is secret: 404 for everyone but the child-welfare officers and the filing
project's staff (the matrix project_staff is of the own project's group, so the other
project's reports are 404 to them too); the staff read their own but may not act (403).
Administrators and auditors get 404 like everyone else.

The list (and the navigation's link to it) is for the officers and for the staff of a project
that may file or has filed: the matrix project_staff's own project has family contacts in
force, so 200; everyone else, administrators included, 403 (that the list exists is no
secret). Staff whose project has no agreement, or one without family contacts, get 403 too:
tests/families/test_navigation.py.
"""

import datetime

from django.utils import timezone

from families.models import FamilyReport
from partnership.roles import Role
from services.models import Agreement
from tests.url_matrix import ANON, LOGIN, Row

from .services import BOTH, OFFICER, STAFF

WELFARE = Role.CHILD_WELFARE_OFFICER.value
NOT_THEIRS = {STAFF: 404}


def _project(objects, scope):
    return {"code": objects["projects"][scope].code}


def _report(state):
    def kwargs(objects, scope):
        return {"pk": objects["family_reports"][scope][state].pk}

    return kwargs


READ = {ANON: LOGIN, WELFARE: 200, STAFF: 200, "*": 404}


def officer_acts(status):
    return {ANON: LOGIN, WELFARE: status, STAFF: 403, "*": 404}


FILE = {ANON: LOGIN, STAFF: 200, "*": 403}
# STAFF: their own project may file (its agreement in force has family contacts: build).
LIST = {ANON: LOGIN, WELFARE: 200, STAFF: 200, "*": 403}

ROWS = [
    Row("families:report_list", LIST),
    Row("families:year", {ANON: LOGIN, WELFARE: 200, "*": 403}),
    Row("families:file", FILE, _project, scopes=BOTH, other_expect={STAFF: 403}),
    # Nothing filled in: the form comes back with its errors.
    Row("families:file", FILE, _project, method="post", page=False, scopes=BOTH,
        other_expect={STAFF: 403}),
    Row("families:report", READ, _report("filed"), scopes=BOTH, other_expect=NOT_THEIRS),
    Row("families:acknowledge", officer_acts(200), _report("filed"), scopes=BOTH,
        other_expect=NOT_THEIRS),
    Row("families:acknowledge", officer_acts(302), _report("filed"), method="post",
        page=False, scopes=BOTH, other_expect=NOT_THEIRS),
    Row("families:intervention", officer_acts(200), _report("acknowledged"), scopes=BOTH,
        other_expect=NOT_THEIRS),
    # No intervention chosen: the form comes back with its error.
    Row("families:intervention", officer_acts(200), _report("acknowledged"), method="post",
        page=False, scopes=BOTH, other_expect=NOT_THEIRS),
    Row("families:close", officer_acts(302), _report("intervened"), method="post",
        page=False, scopes=BOTH, other_expect=NOT_THEIRS),
]


def build(objects: dict) -> None:
    officer, staff = objects["users"][OFFICER], objects["users"][STAFF]
    now = timezone.now()
    objects["family_reports"] = {}
    for scope in BOTH:
        project = objects["projects"][scope]
        Agreement.objects.create(
            project=project, version=2, status=Agreement.Status.IN_FORCE, reason="家庭連絡",
            starts_on=project.starts_on, ends_on=project.ends_on, group_role="家庭訪問",
            city_role="連絡調整", city_contribution=0, group_share=0, indicators="件数",
            reporting="年次", drafted_by=officer, family_contacts=True)
        common = {"project": project, "family_reference": "M-1", "category": "isolation",
                  "urgency": "soon", "observed": "観察", "consent": True, "filed_by": staff,
                  "filed_at": now - datetime.timedelta(days=2)}
        acknowledged = {"status": FamilyReport.Status.ACKNOWLEDGED, "acknowledged_at": now}
        objects["family_reports"][scope] = {
            "filed": FamilyReport.objects.create(**common),
            "acknowledged": FamilyReport.objects.create(**common, **acknowledged),
            "intervened": FamilyReport.objects.create(**common, **acknowledged,
                                                      intervention="referral"),
        }
