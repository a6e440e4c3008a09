"""Reactions to the proposal life cycle: a chosen proposal becomes a project."""

from .actions.projects import create_project_for


def create_project(sender, *, proposal, decision, **kwargs) -> None:
    # Sent inside the decision's transaction: a failure here undoes the choice too.
    create_project_for(proposal=proposal, decision=decision)
