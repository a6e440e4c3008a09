"""The review board's rows written in Python, the one place where HTML is.

bench/pages.py measured the chair's board with 900 proposals at 29.3–31.1 ms (medians of
three idle runs) against its 30 ms target with the rows from the template
`proposals/review/_board_rows.html`, whose per-row variable lookups were the largest part
of the page's own time. The rows are the same HTML written with `format_html`, every value
escaped; tests/proposals/test_board_html.py compares the two renderings of the same rows.
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from partnership.templatetags.language_marks import ja

from .board import Row


def _translated(message: str, **values) -> SafeString:
    """A message whose msgid holds HTML (as the template's blocktranslate): values escaped."""
    # The HTML is the catalogue's own (the template's msgid); every value is escaped.
    values = {name: escape(value) for name, value in values.items()}
    return mark_safe(_(message) % values)  # noqa: S308


def _labels() -> dict[str, str]:
    return {"quorum_reached": _("quorum reached"), "no_quorum": _("no quorum yet"),
            "threshold_met": _("threshold met"), "below_threshold": _("below threshold"),
            "high": _("High disagreement"), "no_scores": _("no scores")}


def _heading(row: Row) -> SafeString:
    p = row.proposal
    consultation = ""
    if row.consultation:
        consultation = format_html(
            '<br><a class="small" href="{}">{}</a>',
            reverse("proposals:consultation_detail", args=[row.consultation.pk]),
            _translated('Consultation<span class="visually-hidden"> on %(title)s</span>',
                        title=p.title))
    return format_html('<th scope="row"><a href="{}">{}</a><br>'
                       '<span class="small text-body-secondary">{}</span>{}</th>',
                       row.text["url"], ja(p.title), ja(p.group), consultation)


def _ballots(row: Row, labels: dict) -> SafeString:
    if row.before_review:
        return mark_safe("<td>—</td><td>—</td>")
    t = row.text
    if row.tally.has_quorum:
        badge = format_html('<span class="badge text-bg-success">{}</span>',
                            labels["quorum_reached"])
    else:
        badge = format_html('<span class="badge text-bg-secondary">{}</span>', labels["no_quorum"])
    casting = ""
    if row.result and row.result.casting_vote:
        casting = format_html('<br><span class="small">{}</span>', _translated(
            "casting decision: %(vote)s", vote=row.result.get_casting_vote_display()))
    return format_html(
        '<td>{} / {} {}<br><span class="small text-body-secondary">{}</span></td>'
        "<td>{} / {} / {}{}</td>",
        t["ballots"], t["quorum"], badge,
        _translated("%(eligible)s eligible", eligible=t["eligible"]),
        t["recommend"], t["not_recommend"], t["abstain"], casting)


def _score(row: Row, labels: dict) -> SafeString:
    t = row.text
    if t.get("weighted") is None:
        return mark_safe("<td>—</td>")
    if row.threshold_met:
        mark = format_html('<span class="visually-hidden">{}</span>', labels["threshold_met"])
    else:
        mark = format_html('<span class="small d-block">{}</span>', labels["below_threshold"])
    return format_html("<td>{}% ({}%) {}</td>", t["weighted"], t["threshold"], mark)


def _spread(spread, labels: dict) -> SafeString:
    if not spread.data:
        return format_html('<td><span class="text-body-secondary">{}</span></td>',
                           labels["no_scores"])
    high = ""
    if spread.high:
        high = format_html('<br><strong class="small">{}</strong>', labels["high"])
    return format_html('<td{}><span class="text-nowrap">{}–{}</span> '
                       '<span class="small text-nowrap">σ {}</span>{}</td>',
                       mark_safe(' class="spread-high table-warning"') if spread.high else "",
                       spread.text["low"], spread.text["high"], spread.text["stdev"], high)


def _action(row: Row, token: str) -> SafeString:
    p = row.proposal
    if row.can_open:
        return format_html(
            '<form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken" '
            'value="{}"><button type="submit" class="btn btn-sm btn-primary">{}</button></form>',
            reverse("proposals:open_review", kwargs={"pk": p.pk}), token,
            _translated('Open review<span class="visually-hidden"> of %(title)s</span>',
                        title=p.title))
    if row.can_close:
        return format_html(
            '<a class="btn btn-sm btn-outline-primary" href="{}">{}</a>',
            reverse("proposals:close_review", kwargs={"pk": p.pk}),
            _translated('Close review<span class="visually-hidden"> of %(title)s</span>',
                        title=p.title))
    if row.result:
        return format_html(
            '<a class="btn btn-sm btn-link" href="{}">{}</a>',
            reverse("proposals:ballots", kwargs={"pk": p.pk}),
            _translated('Ballots<span class="visually-hidden"> on %(title)s</span>',
                        title=p.title))
    return ""


def board_rows_html(rows: list[Row], request) -> SafeString:
    """The <tr>s of rows prepared by `board.board_display`."""
    labels = _labels()
    token = get_token(request)
    return format_html_join("", "<tr>{}<td>{}</td>{}{}{}<td>{}</td></tr>", (
        (_heading(row), row.text["status"], _ballots(row, labels), _score(row, labels),
         format_html_join("", "{}", ((_spread(s, labels),) for s in row.spreads)),
         _action(row, token))
        for row in rows))
