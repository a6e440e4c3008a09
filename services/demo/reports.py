"""The demo's annual reports: for each closed year the group wrote and submitted its report
in May and the department accepted it in June, before closing the year."""

import datetime

from partnership import clock, notices
from partnership.models import User

from .. import actions
from ..models import AnnualReport, Project

# Budget lines (item, from the city's contribution, from the group's own funds), in yen.
SETTLEMENTS = {
    "childcare-support": [("人件費(コーディネーター)", 1_800_000, 300_000),
                          ("提供会員研修費", 420_000, 80_000),
                          ("通信・事務費", 260_000, 120_000)],
    "community-centre": [("講師謝金", 960_000, 150_000),
                         ("調理室・工作室の消耗品", 480_000, 180_000),
                         ("広報費", 210_000, 40_000)],
    "childcare-advisors": [("アドバイザー謝金", 540_000, 60_000),
                           ("講座教材費", 220_000, 50_000),
                           ("交通費", 90_000, 20_000)],
}
NARRATIVES = {
    "childcare-support": "会員による預かり・送迎などの援助活動を続け、依頼にほぼすべて応えた。"
                         "利用した家庭から新たな提供会員が生まれている。",
    "community-centre": "放課後の学校施設(調理室・工作室)で会員・専門家・市民による講座を開き、"
                        "外国につながる子どもの日本語教室も続けた。",
    "childcare-advisors": "大型スーパーの一角で子育て講座と相談を続けた。参加者は多いが、"
                          "具体的な効果は確認できていない。",
}


def _at(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 10, 0, tzinfo=datetime.UTC)


def accept_years(project: Project, years, group_user: User, officer: User) -> None:
    """Write, submit and accept the report of each year not yet accepted, as it happened."""
    done = set(AnnualReport.objects.filter(year__project=project,
                                           status=AnnualReport.Status.ACCEPTED)
               .values_list("year__fiscal_year", flat=True))
    for year in years:
        if year in done:
            continue
        with notices.muted():
            with clock.at(_at(year + 1, 5, 20)):
                actions.write_report(actor=group_user, project=project, year=year,
                                     narrative=NARRATIVES[project.code],
                                     lines=SETTLEMENTS[project.code])
                actions.submit_report(actor=group_user, project=project, year=year)
            with clock.at(_at(year + 1, 6, 15)):
                actions.accept_report(actor=officer, project=project, year=year)
