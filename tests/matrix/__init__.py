"""Rows of the URL permission matrix, one module per area of the portal.

Each module defines `ROWS` (a list of `tests.url_matrix.Row`) and may define
`build(objects: dict) -> None`, which adds the objects its rows need to the
`matrix_objects` fixture (modules build in the order of MODULES).
"""

MODULES = ["foundation", "proposals_public", "proposals_group", "partnership_groups",
           "proposals_review", "consultations", "services", "reports", "notifications", "api",
           "agreements", "families", "accounts", "hearings", "annual_reports", "renewals"]
