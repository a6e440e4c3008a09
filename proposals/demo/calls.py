"""The demo's calls for proposals, all with the same criteria, quorum and threshold."""

from decimal import Decimal

from ..models import Call, ChecklistItem, Criterion

# Criteria of Japanese practice: (name, description, weight), then the same in English.
CRITERIA = (
    ("公益性", "不特定多数の市民の利益につながり、地域の課題に応えているか", Decimal("1.5")),
    ("役割分担", "団体と市の役割分担が明確で、協働の効果が見込めるか", Decimal("1")),
    ("実現可能性", "実施体制・予算・スケジュールに無理がないか", Decimal("1")),
    ("事業効果", "成果と目標が具体的で、測定できるか", Decimal("1.5")),
    ("独創性", "団体の特性や発想が生かされているか", Decimal("1")),
)
CRITERIA_EN = (
    ("Public benefit", "Does it benefit many citizens and answer a need of the community?"),
    ("Division of roles", "Are the roles of the group and the city clear, and will working "
                          "together make a difference?"),
    ("Feasibility", "Are the organisation, budget and schedule realistic?"),
    ("Effect", "Are the results and targets concrete and measurable?"),
    ("Originality", "Does it make use of the group's strengths and ideas?"),
)
DESCRIPTION = ("市民活動団体と市が協働して地域の課題に取り組む事業の提案を募集します。"
               "提案は市民協働推進会議（市民パートナーシップ）が審査し、市長が実施を決定します。")
DESCRIPTION_EN = ("Citizen groups are invited to propose projects that tackle a need of the "
                  "community together with the city. The Citizen Partnership reviews "
                  "the proposals and the mayor decides which go ahead.")

# What the city checks before a proposal is eligible (要件確認).
CHECKLIST = (
    "市内で活動する市民活動団体である（規約・役員名簿・会計がある）",
    "営利、宗教、政治活動を目的としない事業である",
    "市と団体の役割分担が提案書に示されている",
    "事業費の積算根拠が示され、市の負担額が募集要項の上限以内である",
)


def call(fiscal_year: int, *, opens_at, closes_at, title: str, title_en: str) -> Call:
    call, created = Call.objects.get_or_create(
        fiscal_year=fiscal_year, title=title,
        defaults={
            "title_en": title_en, "description": DESCRIPTION, "description_en": DESCRIPTION_EN,
            "opens_at": opens_at, "closes_at": closes_at,
            "quorum": Decimal("0.5"), "threshold": Decimal("0.6"),
        },
    )
    if created:
        Criterion.objects.bulk_create(
            Criterion(call=call, name=name, description=text, name_en=name_en,
                      description_en=text_en, weight=weight, position=i)
            for i, ((name, text, weight), (name_en, text_en))
            in enumerate(zip(CRITERIA, CRITERIA_EN, strict=True))
        )
    elif not call.title_en:  # a demo loaded before English names
        english(call, title_en)
        ChecklistItem.objects.bulk_create(
            ChecklistItem(call=call, text=text, position=i) for i, text in enumerate(CHECKLIST))
    return call


def english(call: Call, title_en: str) -> None:
    """Give a call and its criteria their English names (a direct change, as the demo's
    others: the figures do not depend on it)."""
    Call.objects.filter(pk=call.pk).update(title_en=title_en, description_en=DESCRIPTION_EN)
    call.title_en, call.description_en = title_en, DESCRIPTION_EN
    for (name, _text, _weight), (name_en, text_en) in zip(CRITERIA, CRITERIA_EN, strict=True):
        Criterion.objects.filter(call=call, name=name).update(name_en=name_en,
                                                              description_en=text_en)


def criteria(call: Call) -> list[Criterion]:
    return list(Criterion.objects.filter(call=call))


def checklist(call: Call) -> list[int]:
    """The ids of the call's checklist items: the demo's officer ticks them all."""
    return list(ChecklistItem.objects.filter(call=call).values_list("pk", flat=True))
