"""A proposal's status in words and colour, and its history's words, in each language."""

import pytest
from django.template import Context, Template
from django.utils import translation

from proposals.models import Status
from proposals.templatetags.proposal_tags import event_label, next_step, status_colour, status_label

BADGE = Template('{% load proposal_tags %}<span class="badge text-bg-{{ s|status_colour }}">'
                 '{{ s|status_label }}</span>')


def test_status_badges_in_words_and_colour_in_each_language():
    with translation.override("en"):
        chosen = BADGE.render(Context({"s": Status.CHOSEN}))
        declined = BADGE.render(Context({"s": Status.DECLINED}))
    with translation.override("ja"):
        japanese = BADGE.render(Context({"s": Status.CHOSEN}))
        label = str(Status.CHOSEN.label)
    assert chosen == '<span class="badge text-bg-success">Chosen</span>'
    assert "text-bg-danger" in declined and "Declined" in declined
    assert status_colour(Status.UNDER_REVIEW) == "info"
    assert label != "Chosen"
    assert japanese == f'<span class="badge text-bg-success">{label}</span>'


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_words_and_a_next_step(status):
    with translation.override("en"):
        assert status_label(status) == Status(status).label
        assert next_step(status)
    assert status_label("no-such-status") == ""


def test_history_words_for_known_and_unknown_actions():
    with translation.override("en"):
        assert event_label("proposal.submitted") == "Submitted"
        assert event_label("proposal.something_new") == "proposal.something_new"
