"""Template helpers of the proposal and review pages."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.filter
def comment_list(comments) -> SafeString:
    """Members' comments (`board.Comment`) as a list: author, vote in words, text.

    Written in Python because the decision queue shows a hundred or more comments a page,
    and a template loop spent most of the page's time on them.
    """
    if not comments:
        none = escape(gettext("No member left a comment."))
        return mark_safe(f'<p class="mb-0 text-body-secondary">{none}</p>')  # noqa: S308
    items = "".join(
        f'\n  <li class="border-start ps-2 mb-2"><span class="fw-semibold">{escape(c.author)}'
        f"</span> ({escape(c.vote_label)}): {linebreaksbr(c.text, autoescape=True)}</li>"
        for c in comments
    )
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<ul class="list-unstyled mb-0 member-comments">{items}\n</ul>'
    )


@register.filter
def tally_summary(row) -> SafeString:
    """A row's tally (`board.Row`): ballots against quorum, votes, weighted score against
    threshold, as a description list. The decision queue shows ten a page."""
    tally = row.tally
    n = formats.localize
    if tally.has_quorum:
        quorum = gettext("quorum of %(needed)s reached")
    else:
        quorum = gettext("quorum of %(needed)s not yet reached")
    quorum %= {"needed": n(tally.quorum_needed)}
    ballots = gettext("%(ballots)s of %(eligible)s ballots") % {
        "ballots": n(tally.ballots), "eligible": n(tally.eligible_members)}
    votes = gettext("recommend %(yes)s / do not recommend %(no)s / abstain %(abstain)s") % {
        "yes": n(tally.recommend), "no": n(tally.not_recommend), "abstain": n(tally.abstain)}
    if tally.weighted_percent is None:
        score = escape(gettext("no scores yet"))
    else:
        score = escape(gettext("%(score)s%% of the maximum (threshold %(threshold)s%%)") % {
            "score": n(tally.weighted_percent), "threshold": n(row.threshold_percent)})
        if row.threshold_met:
            badge = ("success", gettext("threshold met"))
        else:
            badge = ("secondary", gettext("below threshold"))
        score += f'\n    <span class="badge text-bg-{badge[0]}">{escape(badge[1])}</span>'
    return mark_safe(  # noqa: S308 - every value above is escaped
        '<dl class="row mb-0 tally">\n'
        f'  <dt class="col-sm-5">{escape(gettext("Ballots"))}</dt>\n'
        f'  <dd class="col-sm-7">{escape(ballots)}\n    ({escape(quorum)})</dd>\n'
        f'  <dt class="col-sm-5">{escape(gettext("Votes"))}</dt>\n'
        f'  <dd class="col-sm-7">{escape(votes)}</dd>\n'
        f'  <dt class="col-sm-5">{escape(gettext("Weighted score"))}</dt>\n'
        f'  <dd class="col-sm-7">{score}</dd>\n'
        '</dl>'
    )
