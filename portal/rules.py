"""Permission predicates of My page."""

import rules

from partnership.rules import is_city_officer

rules.add_perm("portal.view_my_page", rules.is_authenticated)
# Consultations and targets wait for the officers of the department concerned.
rules.add_perm("portal.see_department_work", is_city_officer)
# Search finds only what is public: everyone may search.
rules.add_perm("portal.search", rules.always_allow)
