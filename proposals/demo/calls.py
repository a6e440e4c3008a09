"""The demo's calls for proposals, all with the same criteria, quorum and threshold."""

from decimal import Decimal

from ..models import Call, ChecklistItem, Criterion

# Criteria of Japanese practice: (name, description, weight).
CRITERIA = (
    ("公益性", "不特定多数の市民の利益につながり、地域の課題に応えているか", Decimal("1.5")),
    ("役割分担", "団体と市の役割分担が明確で、協働の効果が見込めるか", Decimal("1")),
    ("実現可能性", "実施体制・予算・スケジュールに無理がないか", Decimal("1")),
    ("事業効果", "成果と目標が具体的で、測定できるか", Decimal("1.5")),
    ("独創性", "団体の特性や発想が生かされているか", Decimal("1")),
)

# What the city checks before a proposal is eligible (要件確認).
CHECKLIST = (
    "市内で活動する市民活動団体である（規約・役員名簿・会計がある）",
    "営利、宗教、政治活動を目的としない事業である",
    "市と団体の役割分担が提案書に示されている",
    "事業費の積算根拠が示され、市の負担額が募集要項の上限以内である",
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
        ChecklistItem.objects.bulk_create(
            ChecklistItem(call=call, text=text, position=i) for i, text in enumerate(CHECKLIST))
    return call


def criteria(call: Call) -> list[Criterion]:
    return list(Criterion.objects.filter(call=call))


def checklist(call: Call) -> list[int]:
    """The ids of the call's checklist items: the demo's officer ticks them all."""
    return list(ChecklistItem.objects.filter(call=call).values_list("pk", flat=True))
