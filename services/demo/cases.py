"""The case study's three projects: their periods, departments, 2011 targets and evaluations."""

import datetime
from dataclasses import dataclass

from ..models import Indicator

FOCUS_YEAR = 2011
CLOSED_YEARS = (2009, 2010, 2011)
PERIOD = (datetime.date(2009, 4, 1), datetime.date(2014, 3, 31))


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
# (progress, division of roles, satisfaction, outcomes, comment, overall verdict)
EVALUATIONS_2011 = {
    "childcare-support": {
        "group": (5, 4, 5, 5, "利用者が会員になり、担い手が増えた。", "continue"),
        "department": (4, 4, 5, 5, "深刻な課題を抱える家庭の情報を適時に共有できた。", "continue"),
        "partnership": (4, 4, 5, 4, "行政だけでは届かない支援が実現している。", "continue"),
    },
    "community-centre": {
        "group": (5, 4, 4, 5, "放課後の学校施設で多くの講座を開催できた。", "continue"),
        "department": (4, 3, 4, 4, "学校との調整に課題が残る。",
                       "continue_with_changes"),
        "partnership": (5, 4, 5, 5, "外国につながる子どもの日本語教室は高く評価できる。",
                        "continue"),
    },
    "childcare-advisors": {
        "group": (3, 3, 4, 3, "大型スーパーでの講座は参加しやすいと好評。", "continue"),
        "department": (3, 3, 3, 2, "具体的な効果は確認できていない。", "continue"),
        "partnership": (3, 3, 3, 2, "具体的な効果は確認できていないが、身近な場での講座は"
                        "成功と言える。効果の測り方を検討しつつ継続する。", "continue"),
    },
}
AGREED_AT = datetime.datetime(2011, 5, 20, 10, 0, tzinfo=datetime.UTC)
