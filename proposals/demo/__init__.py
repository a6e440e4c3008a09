"""Demo data of the proposals app, loaded by `manage.py demo`:

- the departments, the 26-member Citizen Partnership and the citizen groups (`roster`);
- the calls of fiscal 2003–2006 with 47 submitted proposals, 23 recommended, 20 chosen,
  replayed through the real actions with real ballots (`history`, `plans`);
- an open call of the current fiscal year with work for every role (`current`).

Idempotent: everything is found by its natural key (user name, group, department, call year
and title, proposal title within its call) and a proposal that exists is left alone.
"""

import logging

from django.db.models import Count

from partnership import notices

from ..models import Proposal
from . import current, history, roster
from .plans import HISTORIC_YEARS


def load(stdout=None) -> dict[str, int]:
    """Create (once) the partnership, the groups, the calls and their proposals."""
    # The actions (and the projects they create) log every step; replaying hundreds of
    # them would bury the command's output.
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        return _load(stdout)
    finally:
        logging.disable(previous)


def _load(stdout) -> dict[str, int]:
    people = roster.load()
    with notices.muted():
        created = history.load(people)
        created += current.load(people)
    counts = dict(
        Proposal.objects.filter(call__fiscal_year__in=HISTORIC_YEARS)
        .values_list("status").annotate(n=Count("id")).order_by()
    )
    if stdout is not None:
        stdout.write(f"proposals: {created} new proposals; fiscal 2003–2006 by status: "
                     + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return counts
