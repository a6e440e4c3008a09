"""Demo family-situation reports: a year (fiscal 2011) of the childcare NPO's reports, filed
by its staff after the 2008 amendment added direct contacts with families, every one
acknowledged by the demo child-welfare officer, most with an intervention, some closed.
The situations are invented and name nobody. Written through the actions, at their dates."""

import datetime

from django.contrib.auth import get_user_model

from partnership import clock, notices
from services.models import Project

from . import actions
from .models import FamilyReport

R = FamilyReport
JST = datetime.timezone(datetime.timedelta(hours=9))

# (filed, hours to acknowledgement, category, urgency, intervention or "", closed)
REPORTS = [
    ("2011-04-14 10:00", 2, "child_safety", "urgent", "home_visit", True),
    ("2011-05-09 15:30", 20, "parent_health", "soon", "referral", True),
    ("2011-06-01 09:15", 70, "financial", "routine", "support", True),
    ("2011-06-27 18:40", 5, "child_safety", "urgent", "protection", True),
    ("2011-08-03 11:00", 30, "isolation", "soon", "support", True),
    ("2011-09-12 14:20", 96, "other", "routine", "monitoring", True),
    ("2011-10-05 08:50", 30, "child_safety", "urgent", "home_visit", False),
    ("2011-11-18 16:10", 48, "parent_health", "soon", "referral", False),
    ("2011-12-21 13:00", 120, "financial", "routine", "", False),
    ("2012-01-30 10:30", 3, "isolation", "urgent", "support", False),
    ("2012-02-22 15:00", 26, "child_safety", "soon", "", False),
    ("2012-03-15 09:40", 80, "isolation", "routine", "monitoring", False),
]
OBSERVED = {
    "child_safety": "一時預かりの際、子どもの腕にあざが複数あった。保護者は転んだと説明した。",
    "parent_health": "母親が体調不良で数日食事の用意ができていない様子。"
                     "子どもの登園も途絶えている。",
    "financial": "家賃の滞納で退去を求められていると相談があった。食費も不足している。",
    "isolation": "転入したばかりで頼れる人がいないと話す。訪問しても外出の様子がない。",
    "other": "きょうだいの世話を上の子が一人で担っている様子がある。",
}
DID = "家庭を訪問して話を聞き、利用できる支援を案内した。"


def _at(text: str) -> datetime.datetime:
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=JST)


def load(stdout=None) -> None:
    """Once: a project that already has reports is left as it is."""
    User = get_user_model()
    project = Project.objects.filter(code="childcare-support").first()
    staff = User.objects.filter(username="citizen").first()
    officer = User.objects.filter(username="welfare").first()
    if project is None or staff is None or officer is None or project.family_reports.exists():
        return
    for number, (filed, hours, category, urgency, intervention, closed) in enumerate(
            REPORTS, start=1):
        moment = _at(filed)
        with clock.at(moment), notices.muted():
            report = actions.file_report(
                actor=staff, project=project, family_reference=f"K-2011-{number:03d}",
                category=category, urgency=urgency, observed=OBSERVED[category],
                npo_action=DID, consent=number % 4 != 0)
        moment += datetime.timedelta(hours=hours)
        with clock.at(moment), notices.muted():
            actions.acknowledge_report(actor=officer, report=report,
                                       reply="受け付けました。担当から連絡します。")
        if intervention:
            moment += datetime.timedelta(days=2)
            with clock.at(moment), notices.muted():
                actions.record_intervention(actor=officer, report=report,
                                            intervention=intervention,
                                            city_notes="関係機関と情報を共有し、対応を決めた。")
        if closed:
            with clock.at(moment + datetime.timedelta(days=30)), notices.muted():
                actions.close_report(actor=officer, report=report)
