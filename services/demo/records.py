"""Raw service records for fiscal 2009–2013 from a seeded random generator.

The amounts to distribute in fiscal 2011 are the case study's figures; the generator makes
the records add up to them exactly, so every indicator is counted from records, never
stored as a total.
"""

import datetime
import random
from decimal import Decimal

from partnership.fiscal import fiscal_year_bounds

from ..models import Activity, Course, MemberJoined, ServiceRequest, Visit
from .cases import FOCUS_YEAR

YEARS = range(2009, 2014)

# The case study's fiscal 2011 figures: the amounts the generator distributes over records.
HANDLED_REQUESTS_2011 = 3483
ACTIVITY_HOURS_2011 = Decimal("5508.00")
FACILITY_USERS_2011 = 20308
COURSES_2011 = {  # organiser: (courses, participants)
    Course.Organiser.MEMBERS: (111, 673),
    Course.Organiser.PROFESSIONALS: (18, 309),
    Course.Organiser.CITIZENS: (33, 219),
}
# The years around 2011, as a share of the 2011 amounts, so that trends have a shape.
SCALE = {2009: Decimal("0.72"), 2010: Decimal("0.86"), 2011: Decimal("1"),
         2012: Decimal("1.05"), 2013: Decimal("1.08")}

REQUEST_CATEGORIES = ["一時預かり", "送迎", "産前産後の家事援助", "病後児の預かり", "子育て相談"]
FACILITIES = ["調理室", "図工室", "体育館", "多目的室", "音楽室"]
FOREIGN_CHILDREN = "外国につながる子ども"
COURSE_TITLES = {
    Course.Organiser.MEMBERS: [
        ("親子料理教室", "大和小学校 調理室", ""),
        ("放課後工作クラブ", "大和小学校 図工室", ""),
        ("外国につながる子どものための日本語教室", "大和小学校 多目的室", FOREIGN_CHILDREN),
        ("日本の文化体験（書道・折り紙）", "大和小学校 図工室", FOREIGN_CHILDREN),
        ("囲碁・将棋教室", "大和小学校 多目的室", ""),
    ],
    Course.Organiser.PROFESSIONALS: [
        ("パン作り講座（講師：パン職人）", "大和小学校 調理室", ""),
        ("陶芸教室（講師：陶芸家）", "大和小学校 図工室", ""),
        ("親子リズム体操（講師：体操指導員）", "大和小学校 体育館", ""),
    ],
    Course.Organiser.CITIZENS: [
        ("地域の歴史講座", "大和小学校 多目的室", ""),
        ("ヨガ教室", "大和小学校 体育館", ""),
        ("手話入門", "大和小学校 多目的室", ""),
    ],
}
ADVISOR_COURSES = ["離乳食の進め方", "子どもの事故予防", "イヤイヤ期との付き合い方",
                   "子どもの睡眠", "父親のための子育て講座"]
SUPERMARKET = "市内の大型スーパー（イベントスペース）"


def split_total(rng: random.Random, total: int, parts: int, minimum: int = 0) -> list[int]:
    """`parts` random whole numbers of at least `minimum` that add up exactly to `total`."""
    remaining = total - minimum * parts
    if parts <= 0 or remaining < 0:
        raise ValueError(f"cannot split {total} into {parts} parts of at least {minimum}")
    weights = [rng.random() + 0.2 for _ in range(parts)]
    scale = remaining / sum(weights)
    shares = [int(w * scale) for w in weights]
    for index in rng.sample(range(parts), remaining - sum(shares)):
        shares[index] += 1
    values = [minimum + share for share in shares]
    assert sum(values) == total
    return values


def _scaled(amount, year: int) -> int:
    return int((Decimal(amount) * SCALE[year]).to_integral_value())


def _days(rng: random.Random, year: int, count: int) -> list[datetime.date]:
    first, last = fiscal_year_bounds(year)
    span = (last - first).days + 1
    return sorted(first + datetime.timedelta(days=rng.randrange(span)) for _ in range(count))


def _childcare_support(rng, project, user, year) -> list:
    records = []
    handled = HANDLED_REQUESTS_2011 if year == FOCUS_YEAR else _scaled(HANDLED_REQUESTS_2011,
                                                                       year)
    statuses = ([ServiceRequest.RequestStatus.HANDLED] * handled
                + [ServiceRequest.RequestStatus.OPEN] * rng.randint(15, 45)
                + [ServiceRequest.RequestStatus.DECLINED] * rng.randint(10, 30))
    for day, status in zip(_days(rng, year, len(statuses)), statuses, strict=True):
        records.append(ServiceRequest(project=project, created_by=user, received_on=day,
                                      status=status, category=rng.choice(REQUEST_CATEGORIES)))
    hours = ACTIVITY_HOURS_2011 * SCALE[year]
    quarters = int(hours * 4)  # hours in quarter hours
    days = _days(rng, year, 300)
    for day, amount in zip(days, split_total(rng, quarters, len(days), minimum=4), strict=True):
        records.append(Activity(project=project, created_by=user, date=day,
                                hours=Decimal(amount) / 4, description="預かり・送迎・相談"))
    joined = rng.randint(18, 32)
    former = set(rng.sample(range(joined), rng.randint(joined // 3, joined * 2 // 3)))
    for index, day in enumerate(_days(rng, year, joined)):
        records.append(MemberJoined(project=project, created_by=user, joined_on=day,
                                    former_user=index in former))
    return records


def _community_centre(rng, project, user, year) -> list:
    records = []
    users = FACILITY_USERS_2011 if year == FOCUS_YEAR else _scaled(FACILITY_USERS_2011, year)
    slots = [(day, facility) for day in sorted(set(_days(rng, year, 240)))
             for facility in rng.sample(FACILITIES, rng.randint(2, 4))]
    for (day, facility), count in zip(slots, split_total(rng, users, len(slots), minimum=1),
                                      strict=True):
        records.append(Visit(project=project, created_by=user, date=day, facility=facility,
                             users=count))
    for organiser, (courses, participants) in COURSES_2011.items():
        if year != FOCUS_YEAR:
            courses, participants = _scaled(courses, year), _scaled(participants, year)
        titles = COURSE_TITLES[organiser]
        for index, (day, count) in enumerate(zip(
            _days(rng, year, courses), split_total(rng, participants, courses, minimum=1),
            strict=True,
        )):
            title, venue, audience = titles[index % len(titles)]
            records.append(Course(project=project, created_by=user, start_date=day, title=title,
                                  organiser=organiser, participants=count, venue=venue,
                                  audience=audience))
    return records


def _childcare_advisors(rng, project, user, year) -> list:
    courses = rng.randint(20, 28)
    return [
        Course(project=project, created_by=user, start_date=day,
               title=f"子育て講座：{rng.choice(ADVISOR_COURSES)}",
               organiser=Course.Organiser.MEMBERS, participants=rng.randint(6, 25),
               venue=SUPERMARKET, audience="子育て中の家族")
        for day in _days(rng, year, courses)
    ]


GENERATORS = {
    "childcare-support": _childcare_support,
    "community-centre": _community_centre,
    "childcare-advisors": _childcare_advisors,
}
