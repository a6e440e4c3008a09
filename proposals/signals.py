"""Signals that let later apps react to the life cycle without `proposals` importing them."""

from django.dispatch import Signal

# Sent inside the decision's transaction with `proposal` and `decision`; the
# services app creates the project, so a failure there undoes the choice too.
proposal_chosen = Signal()
