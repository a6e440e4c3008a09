"""The case projects' agreements: each signed before its first year for a period to
2012-03-31, and renewed by the mayor's office after the evaluation of fiscal 2011 to
2014-03-31, so that the agreed periods cover the records; the childcare NPO's amendment
of 2008 adding direct contacts with families; the advisors' remit in supermarkets.
Written through the actions, at their dates."""

import datetime

from partnership import clock, notices
from partnership.models import User
from partnership.selectors import is_representative

from .. import actions
from ..models import Project
from .cases import FOCUS_YEAR, PERIOD

FIRST_END = datetime.date(FOCUS_YEAR + 1, 3, 31)  # the first agreed period: to fiscal 2011
RENEWED_AT = datetime.datetime(FOCUS_YEAR + 1, 3, 23, 2, 0, tzinfo=datetime.UTC)
RENEWAL_REASONS = {
    "childcare-support": "2011年度の三者評価はいずれも「継続」。家庭への直接の連絡により市の支援が"
                         "適時に届いており、2年間継続する。",
    "community-centre": "学校との調整に課題が残るが、地域の学びの場として定着している。"
                        "調整の進め方を見直したうえで2年間継続する。",
    "childcare-advisors": "具体的な効果は確認できていないが、身近な場での講座は成功と評価されて"
                          "いる。効果の測り方を検討しつつ2年間継続する。",
}

ROLES_CITY = "会場の確保、広報紙・ホームページでの周知、関係課との連絡調整"
REPORTING = "年度終了後30日以内に実績報告書と収支決算書を提出する。四半期ごとに活動状況を報告する。"

TERMS = {
    "childcare-support": {
        "group_role": "子育て中の保護者からの相談受付、一時預かり、子育て講座の開催",
        "city_role": ROLES_CITY,
        "city_contribution": 2_400_000, "group_share": 600_000,
        "indicators": "相談件数(目標 年間3,000件)、活動時間(目標 年間5,000時間)",
    },
    "community-centre": {
        "group_role": "小学校の調理室・図工室の開放と管理、地域講座・サークル活動の運営、"
                      "外国につながる子どもの日本語教室",
        "city_role": "学校施設の使用調整、" + ROLES_CITY,
        "city_contribution": 1_800_000, "group_share": 400_000,
        "indicators": "施設利用者数(目標 年間20,000人)、講座数と参加者数、新規会員数",
    },
    "childcare-advisors": {
        "group_role": "市内のスーパーマーケット店頭での子育て相談、子育て情報の提供、"
                      "必要に応じた関係機関への紹介",
        "city_role": "協力店舗との調整、アドバイザー研修の実施、" + ROLES_CITY,
        "city_contribution": 900_000, "group_share": 150_000,
        "indicators": "相談対応回数、講座数と参加者数(数値目標は設けず、活動内容で評価する)",
    },
}
# The childcare NPO's added remit (変更協定).
AMENDMENT = {
    "code": "childcare-support", "at": datetime.datetime(2008, 6, 20, 1, 0, tzinfo=datetime.UTC),
    "reason": "支援が必要な家庭を早期に把握し市の支援につなげるため、家庭への直接の連絡・訪問を"
              "業務に加える。",
    "group_role": "子育て中の保護者からの相談受付、一時預かり、子育て講座の開催、"
                  "支援が必要な家庭への直接の連絡・訪問と市への情報提供",
    "city_contribution": 3_000_000,
}


def _representative(project: Project, fallback: User) -> User:
    for membership in project.group.memberships.select_related("user").order_by("pk"):
        if is_representative(membership.user, project.group_id):
            return membership.user
    return fallback


def _sign(project: Project, officer: User, representative: User, at: datetime.datetime,
          **terms) -> None:
    with clock.at(at), notices.muted():
        agreement = actions.draft_agreement(actor=officer, project=project, **terms)
    with clock.at(at + datetime.timedelta(days=7)), notices.muted():
        actions.confirm_agreement(actor=representative, agreement=agreement, side="group")
    with clock.at(at + datetime.timedelta(days=10)), notices.muted():
        actions.confirm_agreement(actor=officer, agreement=agreement, side="department")


def load(projects: dict[str, Project], officer: User | None, admin: User | None) -> None:
    """Once: a project that has an agreement is left as it is."""
    if officer is None:
        return
    for code, project in projects.items():
        if code not in TERMS or project.agreements.exists():
            continue
        representative = _representative(project, admin)
        starts_on = project.starts_on
        first = {**TERMS[code], "starts_on": starts_on, "ends_on": FIRST_END,
                 "reporting": REPORTING}
        signed = datetime.datetime(starts_on.year, 3, 1, 1, 0, tzinfo=datetime.UTC)
        _sign(project, officer, representative, signed, **first)
        if code == AMENDMENT["code"]:
            changed = {**first, "group_role": AMENDMENT["group_role"],
                       "city_contribution": AMENDMENT["city_contribution"],
                       "family_contacts": True}
            _sign(project, officer, representative, AMENDMENT["at"],
                  reason=AMENDMENT["reason"], **changed)
    _renew(projects)


def _renew(projects: dict[str, Project]) -> None:
    """After the evaluation of fiscal 2011, the mayor's office renews each case project to
    the end of its records (once)."""
    mayor = User.objects.filter(username="mayor").first()
    if mayor is None:
        return
    for code, project in projects.items():
        if code not in RENEWAL_REASONS or project.renewals.exists():
            continue
        with clock.at(RENEWED_AT), notices.muted():
            actions.decide_renewal(actor=mayor, project=project, year=FOCUS_YEAR,
                                   outcome="renew", ends_on=PERIOD[1],
                                   reasons=RENEWAL_REASONS[code])
