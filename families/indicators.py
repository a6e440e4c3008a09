"""The reports' indicators for one fiscal year, without any personal data: counts by
category and urgency, the time from report to acknowledgement (median and 90th
percentile), the share of urgent reports acknowledged within 24 hours, and the
interventions. Two grouped queries and one of plain timings, whatever the number of
reports."""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count

from .models import FamilyReport
from .selectors import year_window

R = FamilyReport
DAY = datetime.timedelta(hours=24)


@dataclass(frozen=True)
class YearIndicators:
    year: int
    total: int
    by_category_urgency: dict[tuple[str, str], int]
    median_hours: float | None
    p90_hours: float | None
    urgent: int
    urgent_within_24h: int
    interventions: dict[str, int]

    @property
    def urgent_share(self) -> float | None:
        """Urgent reports acknowledged within 24 hours, as a share of the urgent reports."""
        return self.urgent_within_24h / self.urgent if self.urgent else None

    def rows(self):
        """(category label, [count per urgency], total) per category, in order."""
        for category, label in R.Category.choices:
            counts = [self.by_category_urgency.get((category, u), 0) for u in R.Urgency.values]
            yield label, counts, sum(counts)

    def urgency_totals(self) -> list[int]:
        return [counts_of_urgency(self.by_category_urgency, u) for u in R.Urgency.values]

    def intervention_rows(self):
        """(intervention label, count), every kind in order, zeros included."""
        return [(label, self.interventions.get(kind, 0))
                for kind, label in R.Intervention.choices]


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value with at least `share` of the values
    at or below it (so the 90th percentile of ten values is the ninth)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def for_year(year: int) -> YearIndicators:
    start, end = year_window(year)
    filed = R.objects.filter(filed_at__gte=start, filed_at__lt=end)
    counts = {(row["category"], row["urgency"]): row["n"] for row in
              filed.values("category", "urgency").annotate(n=Count("pk")).order_by()}
    timings = list(filed.filter(acknowledged_at__isnull=False)
                   .values_list("urgency", "filed_at", "acknowledged_at"))
    hours = [(acknowledged - filed_at).total_seconds() / 3600
             for _u, filed_at, acknowledged in timings]
    urgent = counts_of_urgency(counts, R.Urgency.URGENT)
    within = sum(1 for urgency, filed_at, acknowledged in timings
                 if urgency == R.Urgency.URGENT and acknowledged - filed_at <= DAY)
    interventions = {row["intervention"]: row["n"] for row in
                     filed.exclude(intervention="").values("intervention")
                     .annotate(n=Count("pk")).order_by()}
    return YearIndicators(year=year, total=sum(counts.values()), by_category_urgency=counts,
                          median_hours=median(hours), p90_hours=percentile(hours, 0.9),
                          urgent=urgent, urgent_within_24h=within, interventions=interventions)


def counts_of_urgency(counts: dict[tuple[str, str], int], urgency: str) -> int:
    return sum(n for (_category, u), n in counts.items() if u == urgency)
