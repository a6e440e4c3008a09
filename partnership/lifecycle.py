"""Life-cycle tables: each stateful object's transitions, written once.

A `Transition` names the states it leaves from, the states it may reach (none when the
object stays where it is, as with a ballot; two when the outcome decides, as when a
review closes), who may take it (a `rules` predicate), the audit action it records and
the notices it sends for each state reached. Its permission is that predicate
combined with the states: the same check for the view, the template and the action.

- Views and templates ask `Lifecycle.available(user, obj)`.
- Actions call `Lifecycle.authorize(actor, obj, name)` on the row they locked.
- The tests walk `Lifecycle.transitions`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import rules
from django.db import models

from .errors import DomainError

Refusal = str | Callable[[object, object], str]


def state_in(state_field: str, states: Iterable[str]) -> rules.Predicate:
    """A predicate: the object's `state_field` is one of `states`."""
    allowed = frozenset(states)

    @rules.predicate(name=f"{state_field}_in_{'_'.join(sorted(allowed))}")
    def check(user, obj) -> bool:
        return obj is not None and getattr(obj, state_field) in allowed

    return check


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]  # empty: the object keeps its state
    who: rules.Predicate
    permission: str
    event: str  # the audit action
    refusal: Refusal  # why this person may not (a text, or a function of user and object)
    notify: dict[str | None, tuple[str, ...]] = field(default_factory=dict)  # reached -> kinds
    label: str = ""
    predicate: rules.Predicate = field(init=False, compare=False, repr=False)

    @property
    def moves(self) -> bool:
        """Whether the object changes state (a step of its public history)."""
        return bool(self.targets)

    def refusal_for(self, user, obj) -> str:
        return self.refusal(user, obj) if callable(self.refusal) else str(self.refusal)

    def notices(self, reached: str | None) -> tuple[str, ...]:
        return self.notify.get(reached, ())


class Lifecycle:
    """The table of one model's transitions."""

    def __init__(self, *, model: type[models.Model], state_field: str, error: type[DomainError],
                 state_message: str, transitions: Iterable[Transition]) -> None:
        self.model = model
        self.state_field = state_field
        self.error = error
        self.state_message = state_message
        self.transitions = {t.name: t for t in transitions}
        for transition in self.transitions.values():
            # The state first: it costs no query, and most refusals stop there.
            predicate = state_in(state_field, transition.sources) & transition.who
            object.__setattr__(transition, "predicate", predicate)
        _TABLES[model] = self

    def __getitem__(self, name: str) -> Transition:
        return self.transitions[name]

    def __iter__(self):
        return iter(self.transitions.values())

    def register_permissions(self) -> None:
        """Add each transition's permission to `rules` (once, when the app is ready)."""
        for transition in self:
            rules.add_perm(transition.permission, transition.predicate)

    def label_of(self, state: str) -> str:
        """A state in words, in the active language."""
        choices = dict(self.model._meta.get_field(self.state_field).flatchoices)
        return str(choices.get(state, state))

    def available(self, user, obj) -> dict[str, Transition]:
        """The transitions `user` may take on `obj` now, by name."""
        return {t.name: t for t in self if user.has_perm(t.permission, obj)}

    def authorize(self, actor, obj, name: str) -> Transition:
        """Raise the domain error unless `obj` is in a state `name` leaves from and `actor`
        may take it. Call it on the locked row: the answer is fresh, never cached."""
        transition = self[name]
        state = getattr(obj, self.state_field)
        if state not in transition.sources:
            raise self.error(self.state_message % {
                "status": self.label_of(state),
                "allowed": " / ".join(self.label_of(s) for s in transition.sources),
            })
        forget_cached_answers(actor)
        if not actor.has_perm(transition.permission, obj):
            raise self.error(transition.refusal_for(actor, obj))
        return transition


_TABLES: dict[type[models.Model], Lifecycle] = {}


def lifecycle_of(obj: models.Model) -> Lifecycle:
    return _TABLES[type(obj)]


def forget_cached_answers(user) -> None:
    """Drop what permission checks cached on the user object (`_cached_*` attributes), so
    that the next check reads the database again."""
    for name in [name for name in vars(user) if name.startswith("_cached_")]:
        delattr(user, name)
