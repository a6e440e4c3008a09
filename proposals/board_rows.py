"""The review board's table rows as HTML, written in one pass.

The board is the chair's busiest page (issue 3 asks for ≤ 20 ms with 900 proposals);
the Django template spent most of that time resolving ~60 variables per row. This
writes the same markup from the values `board.board_display` prepared, escaping every
value, with each label translated once per page.
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .board import Row
from .models import Status


class _Labels:
    """The board's repeated words, translated once for the page."""

    def __init__(self) -> None:
        self.quorum_reached = escape(gettext("quorum reached"))
        self.no_quorum = escape(gettext("no quorum yet"))
        self.threshold_met = escape(gettext("threshold met"))
        self.below_threshold = escape(gettext("below threshold"))
        self.high_disagreement = escape(gettext("High disagreement"))
        self.no_scores = escape(gettext("no scores"))
        self.eligible = gettext("%(eligible)s eligible")
        self.casting = gettext("casting decision: %(vote)s")
        # These three carry their own markup (a visually hidden part), so they are not escaped.
        self.open = gettext('Open review<span class="visually-hidden"> of %(title)s</span>')
        self.close = gettext('Close review<span class="visually-hidden"> of %(title)s</span>')
        self.ballots = gettext('Ballots<span class="visually-hidden"> on %(title)s</span>')


def _counts(row: Row, labels: _Labels) -> tuple[str, str]:
    text, tally = row.text, row.tally
    if row.proposal.status == Status.SUBMITTED:
        return "—", "—"
    badge = (f'<span class="badge text-bg-success">{labels.quorum_reached}</span>'
             if tally.has_quorum else
             f'<span class="badge text-bg-secondary">{labels.no_quorum}</span>')
    eligible = escape(labels.eligible % {"eligible": text["eligible"]})
    ballots = (f'{text["ballots"]} / {text["quorum"]}\n        {badge}\n        '
               f'<br><span class="small text-body-secondary">{eligible}</span>')
    votes = f'{text["recommend"]} / {text["not_recommend"]} / {text["abstain"]}'
    result = row.result
    if result is not None and result.casting_vote:
        casting = escape(labels.casting % {"vote": result.get_casting_vote_display()})
        votes += f'<br><span class="small">{casting}</span>'
    return ballots, votes


def _score(row: Row, labels: _Labels) -> str:
    text = row.text
    if "weighted" not in text:
        return "—"
    verdict = (f'<span class="visually-hidden">{labels.threshold_met}</span>'
               if row.threshold_met else
               f'<span class="small d-block">{labels.below_threshold}</span>')
    return f'{text["weighted"]}% ({text["threshold"]}%)\n        {verdict}'


def _spreads(row: Row, labels: _Labels) -> str:
    cells = []
    for spread in row.spreads:
        if spread.data is None:
            cells.append(f'<td><span class="text-body-secondary">{labels.no_scores}</span></td>')
            continue
        text = spread.text
        high = spread.high
        cells.append(
            ('<td class="spread-high table-warning">' if high else "<td>")
            + f'<span class="text-nowrap">{text["low"]}–{text["high"]}</span>\n        '
            + f'<span class="small text-nowrap">σ {text["stdev"]}</span>'
            + (f'<br><strong class="small">{labels.high_disagreement}</strong>' if high else "")
            + "</td>"
        )
    return "".join(cells)


def _action(row: Row, labels: _Labels, csrf_input: str) -> str:
    pk = row.proposal.pk
    title = {"title": escape(row.proposal.title)}
    if row.can_open:
        url = reverse("proposals:open_review", kwargs={"pk": pk})
        return (f'<form method="post" action="{url}">{csrf_input}\n'
                f'            <button type="submit" class="btn btn-sm btn-primary">'
                f'{labels.open % title}</button>\n          </form>')
    if row.can_close:
        url = reverse("proposals:close_review", kwargs={"pk": pk})
        return f'<a class="btn btn-sm btn-outline-primary" href="{url}">{labels.close % title}</a>'
    if row.result is not None:
        url = reverse("proposals:ballots", kwargs={"pk": pk})
        return f'<a class="btn btn-sm btn-link" href="{url}">{labels.ballots % title}</a>'
    return ""


def render_rows(rows: list[Row], request) -> SafeString:
    """The `<tr>` elements of the board's table body, for rows from `board.board_display`."""
    labels = _Labels()
    csrf_input = (f'<input type="hidden" name="csrfmiddlewaretoken" '
                  f'value="{escape(get_token(request))}">')
    html = []
    for row in rows:
        proposal = row.proposal
        ballots, votes = _counts(row, labels)
        html.append(
            f'<tr>\n      <th scope="row"><a href="{row.text["url"]}">{escape(proposal.title)}</a>'
            f'<br><span class="small text-body-secondary">{escape(proposal.group)}</span></th>\n'
            f'      <td>{escape(row.text["status"])}</td>\n'
            f'      <td>{ballots}</td>\n'
            f'      <td>{votes}</td>\n'
            f'      <td>{_score(row, labels)}</td>\n'
            f'      {_spreads(row, labels)}\n'
            f'      <td>\n        {_action(row, labels, csrf_input)}\n      </td>\n    </tr>\n'
        )
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped
