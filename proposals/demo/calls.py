"""The demo's calls for proposals, all with the same criteria, quorum and threshold."""

from decimal import Decimal

from ..models import Call, Criterion

# Criteria of Japanese practice: (name, description, weight).
CRITERIA = (
    ("公益性", "不特定多数の市民の利益につながり、地域の課題に応えているか", Decimal("1.5")),
    ("役割分担", "団体と市の役割分担が明確で、協働の効果が見込めるか", Decimal("1")),
    ("実現可能性", "実施体制・予算・スケジュールに無理がないか", Decimal("1")),
    ("事業効果", "成果と目標が具体的で、測定できるか", Decimal("1.5")),
    ("独創性", "団体の特性や発想が生かされているか", Decimal("1")),
)


def call(fiscal_year: int, *, opens_at, closes_at, title: str) -> Call:
    call, created = Call.objects.get_or_create(
        fiscal_year=fiscal_year, title=title,
        defaults={
            "description": "市民活動団体と市が協働して地域の課題に取り組む事業の提案を"
                           "募集します。提案は市民協働推進会議（市民パートナーシップ）"
                           "が審査し、市長が実施を決定します。",
            "opens_at": opens_at, "closes_at": closes_at,
            "quorum": Decimal("0.5"), "threshold": Decimal("0.6"),
        },
    )
    if created:
        Criterion.objects.bulk_create(
            Criterion(call=call, name=name, description=text, weight=weight, position=i)
            for i, (name, text, weight) in enumerate(CRITERIA)
        )
    return call


def criteria(call: Call) -> list[Criterion]:
    return list(Criterion.objects.filter(call=call))
