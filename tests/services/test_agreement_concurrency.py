"""Both sides and several officers acting on one agreement at once, on PostgreSQL (real
threads and transactions): the project's row lock makes them take turns, so one version
is drafted and a draft comes into force once."""

from partnership.models import AuditEntry
from services import actions
from services.models import Agreement
from tests.threads import ON_POSTGRESQL, run_together

from .agreement_data import TERMS, agreement_in, agreement_project, representative_of
from .conftest import officer_of

pytestmark = ON_POSTGRESQL
S = Agreement.Status


def test_officers_drafting_at_once_make_one_version():
    project = agreement_project("race")
    officer = officer_of(project)
    outcomes = run_together(lambda i: actions.draft_agreement(
        actor=officer, project=project, **{**TERMS, "reporting": f"報告 {i}"}))
    assert outcomes == {"ok": 1, "ServiceError": 19}
    assert Agreement.objects.filter(project=project).count() == 1


def test_both_sides_confirming_at_once_put_it_in_force_once():
    project = agreement_project("race2")
    agreement = agreement_in(project, S.DRAFT)
    officer, rep = officer_of(project), representative_of(project)
    outcomes = run_together(lambda i: actions.confirm_agreement(
        actor=rep if i % 2 else officer, agreement=agreement,
        side="group" if i % 2 else "department"))
    assert outcomes == {"ok": 2, "ServiceError": 18}
    agreement.refresh_from_db()
    assert agreement.status == S.IN_FORCE
    assert AuditEntry.objects.filter(action__startswith="agreement.confirmed").count() == 2
