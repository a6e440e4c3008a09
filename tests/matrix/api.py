"""Rows of the open-data API: every visitor, signed in or not, reads it alike; a POST is
refused (405) for everyone. Its root leads everyone to the OpenAPI document."""

from tests.url_matrix import Row, everyone

YEAR = {"year": "2011"}

ROWS = [
    *[Row(f"api:{name}", everyone(200), page=False, query=YEAR)
      for name in ("indicators", "indicators_csv", "proposals", "proposals_csv",
                   "proposal_history_csv", "decisions", "decisions_csv")],
    *[Row(f"api:{name}", everyone(200), page=False)
      for name in ("calls", "calls_csv", "projects", "projects_csv", "agreements_csv",
                   "openapi-json")],
    Row("api:api-root", everyone(302), page=False),
    Row("api:api-root", everyone(302), page=False, method="post"),
    Row("api:indicators", everyone(405), page=False, method="post"),
    Row("api:calls", everyone(405), page=False, method="post"),
]
