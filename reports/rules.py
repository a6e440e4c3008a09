"""Who reads which report: one place for views and templates.

City officers and the mayor's office read every internal report; the staff of a
project (members of its operating group) read that project's trend; anonymous
visitors and everyone else read the public summary only (its view checks no rule).
"""

import rules

from partnership.rules import is_city_officer, is_mayors_office
from services.rules import is_operating_member

can_read_reports = is_city_officer | is_mayors_office

rules.add_perm("reports.view_reports", can_read_reports)
rules.add_perm("reports.view_project_trend", can_read_reports | is_operating_member)
