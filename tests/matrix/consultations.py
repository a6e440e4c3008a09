"""Matrix rows of the consultation pages (事前相談).

Own = a consultation of the matrix citizen's group with the matrix officer's department;
other = another group's, with another department. A consultation's existence is private to
its group and the department consulted (404 for everyone else); the group may know one it
cannot answer (403), and the department one it cannot reply to (403).
"""

from partnership.roles import Role
from proposals import actions
from proposals.consultations import ConsultationStatus
from tests.consultations import consultation_in
from tests.factories import DepartmentFactory, ProposalFactory
from tests.url_matrix import ANON, LOGIN, Row

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
OFFICER = Role.CITY_OFFICER.value
BOTH = ("own", "other")
PRIVATE = {ANON: LOGIN, "*": 404}
# Another group's consultation with another department: nobody here may know it.
HIDDEN = {CITIZEN: 404, STAFF: 404, Role.CITY_OFFICER.value: 404}


def _consultation(key: str):
    def kwargs(objects: dict, scope: str) -> dict:
        return {"pk": objects["consultations"][scope][key].pk}

    return kwargs


def readers(group: int, officer: int) -> dict[str, object]:
    return {**PRIVATE, CITIZEN: group, STAFF: group, OFFICER: officer}


GROUPS_AND_OFFICERS = {ANON: LOGIN, "*": 403, CITIZEN: 200, STAFF: 200, OFFICER: 200}
GROUPS = {ANON: LOGIN, "*": 403, CITIZEN: 200, STAFF: 200}

ROWS = [
    Row("proposals:consultation_list", GROUPS_AND_OFFICERS),
    Row("proposals:consultation_open", GROUPS),
    # An empty form comes back with its errors.
    Row("proposals:consultation_open", GROUPS, method="post", page=False),
    Row("proposals:consultation_detail", readers(200, 200), _consultation("open"),
        scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:consultation_answer", readers(403, 200), _consultation("open"),
        scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:consultation_answer", readers(403, 200), _consultation("open"),
        method="post", page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:consultation_reply", readers(200, 403), _consultation("answered"),
        scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:consultation_reply", readers(200, 403), _consultation("answered"),
        method="post", page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:consultation_link", readers(200, 403), _consultation("open"),
        scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:consultation_link", readers(200, 403), _consultation("open"),
        method="post", page=False, scopes=BOTH, other_expect=HIDDEN),
]


def build(objects: dict) -> None:
    officer = objects["users"][OFFICER]
    own_department, other_department = DepartmentFactory(), DepartmentFactory()
    own_department.officers.add(officer)
    objects["consultations"] = {"own": {}, "other": {}}
    for scope, department in (("own", own_department), ("other", other_department)):
        group = objects["groups"][scope]
        author = group.memberships.first().user
        # Without a draft: the group may attach it to one.
        objects["consultations"][scope]["open"] = actions.open_consultation(
            actor=author, group=group, call=objects["call"], department=department,
            subject=f"{scope}-相談", question="協働の可能性について")
        answered = consultation_in(
            ConsultationStatus.ANSWERED,
            proposal=ProposalFactory(call=objects["call"], group=group, created_by=author))
        answered.department = department
        answered.save(update_fields=["department"])
        objects["consultations"][scope]["answered"] = answered
