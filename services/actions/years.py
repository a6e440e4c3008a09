"""A fiscal year's targets, its three evaluations, and its closing."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.models import User

from ..models import Evaluation, EvaluationComment, Indicator, Project, ProjectYear, Target
from ..transitions import EVALUATE
from ..verdicts import Verdict
from .steps import authorize, lock_year, notify, require, validated

SCORES = ("progress", "division_of_roles", "satisfaction", "outcomes")
EVALUATION_FIELDS = (*SCORES, "comment", "verdict")


@transaction.atomic
def set_targets(*, actor: User, project: Project, year: int,
                values: dict[str, Decimal | None]) -> list[Target]:
    """Set the year's targets (None: no target); a changed target needs the department's
    agreement again, and its officers are told."""
    row = lock_year(project, year)
    transition = authorize(actor, row, "set_targets")
    require(set(values) <= set(Indicator.values), _("Unknown indicator."))
    require(all(value is None or isinstance(value, int)
                or (isinstance(value, Decimal) and value.is_finite())
                for value in values.values()), _("A target is a number."))
    existing = {t.indicator: t for t in Target.objects.filter(project=project, fiscal_year=year)}
    before, after = {}, {}
    for indicator, value in values.items():
        target = existing.get(indicator)
        if target is not None and (value is None or target.value != value):
            before[indicator] = target.value
        if value is None:
            if target is not None:
                target.delete()
            continue
        require(value >= 0, _("A target cannot be negative."))
        if target is None:
            target = Target(project=row.project, fiscal_year=year, indicator=indicator)
        elif target.value == value:
            continue
        target.value, target.set_by = value, actor
        target.agreed_by, target.agreed_at = None, None
        validated(target, exclude=["project", "set_by", "agreed_by"])
        target.save()
        after[indicator] = target.value
    if before or after:
        audit.record(actor=actor, action=transition.event, subject=row, parent=row.project,
                     before=before, after=after)
    if after:  # something new to agree
        notify(transition, row)
    return list(Target.objects.filter(project=project, fiscal_year=year))


@transaction.atomic
def agree_targets(*, actor: User, project: Project, year: int) -> int:
    """The partner department agrees the year's targets; returns how many were agreed."""
    row = lock_year(project, year)
    transition = authorize(actor, row, "agree_targets")
    targets = Target.objects.filter(project=project, fiscal_year=year, agreed_at__isnull=True)
    agreed = dict(targets.values_list("indicator", "value"))
    require(bool(agreed), _("There are no targets waiting for agreement."))
    targets.update(agreed_by=actor, agreed_at=clock.now())
    audit.record(actor=actor, action=transition.event, subject=row, parent=row.project,
                 after=agreed)
    notify(transition, row)
    return len(agreed)


@transaction.atomic
def save_evaluation(*, actor: User, project: Project, year: int, evaluator: str,
                    progress: int, division_of_roles: int, satisfaction: int, outcomes: int,
                    verdict: str, comment: str = "") -> Evaluation:
    """Write or rewrite one party's evaluation of the year; the audit log keeps the
    earlier scores and comment."""
    require(evaluator in EVALUATE, _("Unknown evaluator."))
    row = lock_year(project, year)
    transition = authorize(actor, row, EVALUATE[evaluator])
    scores = {"progress": progress, "division_of_roles": division_of_roles,
              "satisfaction": satisfaction, "outcomes": outcomes}
    require(all(isinstance(v, int) and 1 <= v <= 5 for v in scores.values()),
            _("Scores go from 1 to 5."))
    require(verdict in Verdict.values,
            _("Give the overall verdict: continue, continue with changes, or end."))
    evaluation = Evaluation.objects.filter(project=project, fiscal_year=year,
                                           evaluator=evaluator).first()
    if evaluation is None:
        evaluation = Evaluation(project=row.project, fiscal_year=year, evaluator=evaluator)
        before = None
    else:
        before = audit.values_of(evaluation, EVALUATION_FIELDS)
    for name, value in {**scores, "comment": comment.strip(), "verdict": verdict}.items():
        setattr(evaluation, name, value)
    evaluation.author = actor
    validated(evaluation, exclude=["project", "author"])
    evaluation.save()
    after = audit.values_of(evaluation, EVALUATION_FIELDS)
    if before is not None:
        changed = [name for name in EVALUATION_FIELDS if before[name] != after[name]]
        before = {name: before[name] for name in changed}
        after = {name: after[name] for name in changed}
    if after:
        audit.record(actor=actor, action=transition.event, subject=evaluation,
                     parent=row.project, before=before, after=after)
    return evaluation


@transaction.atomic
def comment_on_evaluation(*, actor: User, project: Project, year: int,
                          text: str) -> EvaluationComment:
    """A partnership member's comment on the partnership's evaluation, kept as written."""
    row = lock_year(project, year)
    transition = authorize(actor, row, "comment_on_evaluation")
    text = (text or "").strip()
    require(text, _("Write the comment."))
    comment = EvaluationComment(project=row.project, fiscal_year=year, author=actor, text=text)
    validated(comment, exclude=["project", "author"])
    comment.save()
    audit.record(actor=actor, action=transition.event, subject=comment, parent=row.project,
                 after={"text": text})
    return comment


@transaction.atomic
def close_year(*, actor: User, project: Project, year: int) -> ProjectYear:
    """The partner department closes the year: its records, targets and evaluations are
    final. The operating group is told."""
    row = lock_year(project, year)
    transition = authorize(actor, row, "close")
    row.status, row.closed_by, row.closed_at = ProjectYear.Status.CLOSED, actor, clock.now()
    row.save(update_fields=["status", "closed_by", "closed_at"])
    audit.record(actor=actor, action=transition.event, subject=row, parent=row.project,
                 before={"status": ProjectYear.Status.OPEN}, after={"status": row.status})
    notify(transition, row, reached=row.status)
    return row
