"""Demo data of the services app: the case study's three projects and their raw records.

The projects come from the case-study proposals that `proposals.demo` chose (the
`proposal_chosen` signal made them). This module gives them their codes, periods
and departments and generates raw service records for fiscal years 2009-2013 from
a seeded random generator. The amounts to distribute in fiscal 2011 are the case
study's figures; the generator then makes the records add up to them exactly, so
every indicator is counted from records, never stored as a total.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model

from partnership.fiscal import fiscal_year_bounds
from partnership.models import Department
from proposals.models import Proposal, Status

from . import actions
from .models import (
    Activity,
    Course,
    Evaluation,
    Indicator,
    MemberJoined,
    Project,
    ServiceRequest,
    Target,
    Visit,
    YearClosure,
)

YEARS = range(2009, 2014)
FOCUS_YEAR = 2011
CLOSED_YEARS = (2009, 2010, 2011)
PERIOD = (datetime.date(2009, 4, 1), datetime.date(2014, 3, 31))
BATCH = 2000

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


@dataclass(frozen=True)
class Case:
    code: str
    proposal_title: str
    department: str


CASES = (
    Case("childcare-support", "子育て支援事業", "こども家庭課"),
    Case("community-centre", "学校施設を活用した地域センター運営事業", "生涯学習課"),
    Case("childcare-advisors", "子育てアドバイザー事業", "こども家庭課"),
)

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

# Targets for 2011 (set by the group, agreed by the department) and the three evaluations.
TARGETS_2011 = {
    "childcare-support": {Indicator.SERVICE_REQUESTS_HANDLED: 3300, Indicator.ACTIVITY_HOURS: 5400,
                          Indicator.NEW_MEMBERS: 20},
    "community-centre": {Indicator.FACILITY_USERS: 20000, Indicator.COURSES_BY_MEMBERS: 100,
                         Indicator.PARTICIPANTS_BY_MEMBERS: 700,
                         Indicator.COURSES_BY_PROFESSIONALS: 20,
                         Indicator.COURSES_BY_CITIZENS: 30},
    "childcare-advisors": {Indicator.COURSES: 24, Indicator.COURSE_PARTICIPANTS: 400},
}
EVALUATIONS_2011 = {
    "childcare-support": {
        "group": (5, 4, 5, 5, "利用者が会員になり、担い手が増えた。"),
        "department": (4, 4, 5, 5, "深刻な課題を抱える家庭の情報を適時に共有できた。"),
        "partnership": (4, 4, 5, 4, "行政だけでは届かない支援が実現している。"),
    },
    "community-centre": {
        "group": (5, 4, 4, 5, "放課後の学校施設で多くの講座を開催できた。"),
        "department": (4, 3, 4, 4, "学校との調整に課題が残る。"),
        "partnership": (5, 4, 5, 5, "外国につながる子どもの日本語教室は高く評価できる。"),
    },
    "childcare-advisors": {
        "group": (3, 3, 4, 3, "大型スーパーでの講座は参加しやすいと好評。"),
        "department": (3, 3, 3, 2, "具体的な効果は確認できていない。"),
        "partnership": (3, 3, 3, 2, "効果の測り方を検討する必要がある。"),
    },
}
AGREED_AT = datetime.datetime(2011, 5, 20, 10, 0, tzinfo=datetime.UTC)


def _project_for(case: Case, stdout) -> Project | None:
    project = Project.objects.filter(code=case.code).first()
    if project is not None:
        return project
    proposal = (Proposal.objects.filter(title=case.proposal_title, status=Status.CHOSEN)
                .select_related("decision").order_by("pk").first())
    if proposal is None:
        if stdout is not None:
            stdout.write(f"services demo: no chosen proposal “{case.proposal_title}”; skipped.")
        return None
    return (Project.objects.filter(proposal=proposal).first()
            or actions.create_project_for(proposal=proposal, decision=proposal.decision))


def _has_records(project: Project) -> bool:
    return any(model.objects.filter(project=project).exists()
               for model in (ServiceRequest, Activity, Visit, Course, MemberJoined))


def load(stdout=None) -> dict[str, Project]:
    User = get_user_model()
    officer = User.objects.filter(username="officer").first()
    member = User.objects.filter(username="member").first()
    admin = User.objects.filter(username="admin").first()
    projects = {}
    for case in CASES:
        project = _project_for(case, stdout)
        if project is None:
            continue
        department = Department.objects.filter(name=case.department).first()
        if department is not None and officer is not None:
            department.officers.add(officer)  # the demo officer can close years and agree
        changed = {
            "code": case.code, "department": department or project.department,
            "starts_on": min(project.starts_on, PERIOD[0]),
            "ends_on": PERIOD[1],
        }
        if any(getattr(project, name) != value for name, value in changed.items()):
            for name, value in changed.items():
                setattr(project, name, value)
            project.save()
        projects[case.code] = project
        membership = (project.group.memberships.select_related("user")
                      .order_by("-role", "pk").first())
        group_user = membership.user if membership else admin
        if not _has_records(project):
            rng = random.Random(f"yamato-{case.code}")
            records = []
            for year in YEARS:
                records += GENERATORS[case.code](rng, project, group_user, year)
            for model in (ServiceRequest, Activity, Visit, Course, MemberJoined):
                model.objects.bulk_create([r for r in records if type(r) is model],
                                          batch_size=BATCH)
        for indicator, value in TARGETS_2011[case.code].items():
            Target.objects.get_or_create(
                project=project, fiscal_year=FOCUS_YEAR, indicator=indicator,
                defaults={"value": Decimal(value), "set_by": group_user, "agreed_by": officer,
                          "agreed_at": AGREED_AT if officer else None},
            )
        authors = {"group": group_user, "department": officer or admin,
                   "partnership": member or admin}
        for evaluator, scores in EVALUATIONS_2011[case.code].items():
            progress, roles, satisfaction, outcomes, comment = scores
            Evaluation.objects.get_or_create(
                project=project, fiscal_year=FOCUS_YEAR, evaluator=evaluator,
                defaults={"progress": progress, "division_of_roles": roles,
                          "satisfaction": satisfaction, "outcomes": outcomes,
                          "comment": comment, "author": authors[evaluator]},
            )
        if officer is not None:
            for year in CLOSED_YEARS:
                YearClosure.objects.get_or_create(project=project, fiscal_year=year,
                                                  defaults={"closed_by": officer})
    if stdout is not None and projects:
        stdout.write("services demo: projects " + ", ".join(sorted(projects))
                     + f" with records for fiscal {YEARS[0]}-{YEARS[-1]}.")
    return projects
