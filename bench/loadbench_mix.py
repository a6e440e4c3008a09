"""The pages of bench/load.py's mix, shared by its locust users (loadbench_locust.py) and
bench/page_costs.py. Importing it sets nothing up (locust's module patches the standard
library for gevent, which the Django side must not import)."""

PASSWORD = "yamato-demo-2026"
PUBLIC_SHARE = 0.7
# The demo's logins and the pages of their roles; the yearly report is read by two.
SIGNED_IN = {
    "officer": ["/reports/year/", "/screening/", "/projects/childcare-support/"],
    "mayor": ["/reports/year/", "/decisions/"],
    "citizen": ["/my/proposals/", "/notifications/"],
    "member": ["/review/"],
    "chair": ["/review/board/"],
}


def public_paths() -> list[str]:
    """The demo's public pages (Django set up): home, calls, the latest call, five public
    proposals, projects, three projects, the public summary."""
    from proposals.models import Call, Proposal
    from services.models import Project

    call = Call.objects.order_by("-fiscal_year").first()
    proposals = Proposal.objects.filter(submitted_at__isnull=False).order_by("pk")[:5]
    projects = Project.objects.order_by("code")[:3]
    return ["/", "/calls/", f"/calls/{call.pk}/", "/projects/", "/reports/",
            *(f"/proposals/{p.pk}/" for p in proposals),
            *(f"/projects/{p.code}/" for p in projects)]
