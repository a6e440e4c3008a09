"""The open-data API, version 1: read-only, for everyone, no personal data.

Each list comes as JSON and as CSV (`….csv`, UTF-8 with a byte-order mark). A year is a
fiscal year (the call's, for proposals and decisions); a bad one is a 400 with a JSON
`detail`, a missing or non-numeric one django-ninja's 422.
"""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from .. import export
from . import responses, rows, schemas


class ReadableJSON(JSONRenderer):
    """Japanese as written, not as \\u escapes: the same JSON, readable by people."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Citizen Partnership portal: open data",
    version="1",
    description=(
        "Calls for proposals, public proposals with their history, the mayor's decisions "
        "with their reasons, projects and their yearly indicators. Read-only; no personal "
        "data. Every list is also offered as CSV (UTF-8 with a byte-order mark)."
    ),
    urls_namespace="api",
    docs_url=None,  # the interactive page loads its scripts from a CDN
    renderer=ReadableJSON(),
)

BAD_YEAR = {400: schemas.Error}


def _year(year: int) -> int | None:
    """The year when it is a valid fiscal year, else None."""
    try:
        return export.parse_span(year=year)[0]
    except export.SpanError:
        return None


def _bad_year():
    return responses.error(400, _("A fiscal year is a number such as 2011."))


@api.get("/indicators", response={200: schemas.Indicators, **BAD_YEAR},
         url_name="indicators", summary="Indicators of a fiscal year")
def indicators(request, year: int):
    """Every project's indicators and the proposal funnel of fiscal `year`: exactly the
    figures of `export_indicators --year Y` (hours with two decimals)."""
    if _year(year) is None:
        return _bad_year()
    return responses.json_response(responses.indicators_json(year))


@api.get("/indicators.csv", response={200: str, **BAD_YEAR}, url_name="indicators_csv",
         summary="Indicators of a fiscal year, CSV")
def indicators_csv(request, year: int):
    """The file `export_indicators --year Y` writes, with a byte-order mark."""
    if _year(year) is None:
        return _bad_year()
    response = responses.json_response(responses.BOM + export.indicators_csv(year, year))
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="indicators-{year}.csv"'
    return response


@api.get("/calls", response=list[schemas.CallOut], url_name="calls",
         summary="Calls for proposals")
def calls(request):
    """Every call, newest first, with how many proposals were submitted, recommended
    and chosen."""
    return rows.calls()


@api.get("/calls.csv", response=str, url_name="calls_csv", summary="Calls, CSV")
def calls_csv(request):
    return responses.dicts_csv("calls.csv", rows.CALL, rows.calls())


@api.get("/proposals", response={200: list[schemas.ProposalOut], **BAD_YEAR},
         url_name="proposals", summary="Public proposals of a fiscal year")
def proposals(request, year: int):
    """The submitted proposals of the calls of fiscal `year` (never drafts), each with
    its changes of status and their reasons."""
    if _year(year) is None:
        return _bad_year()
    return rows.proposals_with_history(year)


@api.get("/proposals.csv", response={200: str, **BAD_YEAR}, url_name="proposals_csv",
         summary="Public proposals, CSV")
def proposals_csv(request, year: int):
    if _year(year) is None:
        return _bad_year()
    return responses.dicts_csv(f"proposals-{year}.csv", rows.PROPOSAL, rows.proposals(year))


@api.get("/proposals/history.csv", response={200: str, **BAD_YEAR},
         url_name="proposal_history_csv", summary="Their changes of status, CSV")
def proposal_history_csv(request, year: int):
    if _year(year) is None:
        return _bad_year()
    return responses.dicts_csv(f"proposal-history-{year}.csv", rows.HISTORY,
                               rows.history(year))


@api.get("/decisions", response={200: list[schemas.DecisionOut], **BAD_YEAR},
         url_name="decisions", summary="Decisions of a fiscal year")
def decisions(request, year: int):
    """The mayor's office's decisions on the proposals of fiscal `year`'s calls, with
    the reasons given."""
    if _year(year) is None:
        return _bad_year()
    return rows.decisions(year)


@api.get("/decisions.csv", response={200: str, **BAD_YEAR}, url_name="decisions_csv",
         summary="Decisions, CSV")
def decisions_csv(request, year: int):
    if _year(year) is None:
        return _bad_year()
    return responses.dicts_csv(f"decisions-{year}.csv", rows.DECISION, rows.decisions(year))


@api.get("/projects", response=list[schemas.ProjectOut], url_name="projects",
         summary="Projects")
def projects(request):
    """Every project: its group, partner department, period and proposal, and every
    version of its agreement that both sides confirmed (amendments with their reasons)."""
    return rows.projects_with_agreements()


@api.get("/projects.csv", response=str, url_name="projects_csv", summary="Projects, CSV")
def projects_csv(request):
    return responses.dicts_csv("projects.csv", rows.PROJECT, rows.projects())


@api.get("/agreements.csv", response=str, url_name="agreements_csv",
         summary="Agreements, CSV")
def agreements_csv(request):
    """Every agreed version of every project's agreement."""
    return responses.dicts_csv("agreements.csv", rows.AGREEMENT, rows.agreements())
