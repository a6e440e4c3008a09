"""Demo data of the proposals app (see the demo contract in the project brief).

- the departments, the 26-member Citizen Partnership and the citizen groups;
- the calls of fiscal 2003–2006 with 47 submitted proposals, 23 recommended, 20 chosen,
  each taken through the REAL actions (`proposals.actions`) with real ballots, at the dates
  they would have had (`partnership.clock.at` replays the history; no e-mails are sent);
- an open call of the current fiscal year with drafts, submitted proposals, one review in
  progress (the `member` login has not voted yet) and one recommendation awaiting the mayor.

Simplification: the partnership that ballots on the historic proposals is today's, because
`cast_ballot` needs a sitting member; its terms cover today.

Idempotent: everything is found by its natural key (user name, group, department, call year
and title, proposal title within its call) and a proposal that exists is left alone.
"""

import datetime
import logging
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from partnership import clock, notices
from partnership.fiscal import fiscal_year_bounds, fiscal_year_of
from partnership.models import CitizenGroup, Department, GroupMembership, PartnershipMember
from partnership.roles import Role, role_groups
from partnership.selectors import sitting_members

from . import actions
from .models import Ballot, Call, Criterion, Proposal, Status, Vote

HISTORIC_YEARS = (2003, 2004, 2005, 2006)
DEMO_EMAIL_DOMAIN = "example.jp"

DEPARTMENTS = (
    "こども家庭課", "市民活動課", "生涯学習課", "高齢福祉課", "危機管理課", "環境総務課",
    "文化振興課", "国際・男女共同参画課", "障がい福祉課", "健康づくり推進課",
)

# Criteria of Japanese practice: (name, description, weight).
CRITERIA = (
    ("公益性", "不特定多数の市民の利益につながり、地域の課題に応えているか", Decimal("1.5")),
    ("役割分担", "団体と市の役割分担が明確で、協働の効果が見込めるか", Decimal("1")),
    ("実現可能性", "実施体制・予算・スケジュールに無理がないか", Decimal("1")),
    ("事業効果", "成果と目標が具体的で、測定できるか", Decimal("1.5")),
    ("独創性", "団体の特性や発想が生かされているか", Decimal("1")),
)

# The Citizen Partnership: (user name, display name, category). `member` and `chair` are
# demo logins (partnership.demo); the chair is one of the two academics.
C, NPO, ACAD, OFF = (PartnershipMember.Category.CITIZEN, PartnershipMember.Category.NPO,
                     PartnershipMember.Category.ACADEMIC, PartnershipMember.Category.OFFICIAL)
PARTNERSHIP = (
    ("chair", "中央 和子", ACAD), ("pm-academic", "林 正樹", ACAD),
    ("member", "鶴間 一郎", C), ("pm-citizen-02", "佐藤 美智子", C),
    ("pm-citizen-03", "鈴木 健太", C), ("pm-citizen-04", "高橋 恵子", C),
    ("pm-citizen-05", "田中 修", C), ("pm-citizen-06", "渡辺 由美", C),
    ("pm-citizen-07", "伊藤 誠", C), ("pm-citizen-08", "山本 直子", C),
    ("pm-citizen-09", "中村 隆", C), ("pm-citizen-10", "小林 陽子", C),
    ("pm-citizen-11", "加藤 浩二", C), ("pm-citizen-12", "吉田 真理", C),
    ("pm-citizen-13", "山田 博", C), ("pm-citizen-14", "佐々木 明美", C),
    ("pm-citizen-15", "松本 大輔", C), ("pm-citizen-16", "井上 幸子", C),
    ("pm-npo-1", "木村 俊介", NPO), ("pm-npo-2", "清水 久美子", NPO),
    ("pm-npo-3", "山口 努", NPO), ("pm-npo-4", "森 千尋", NPO),
    ("pm-npo-5", "池田 剛", NPO), ("pm-npo-6", "橋本 綾", NPO),
    ("pm-official-1", "石川 聡 (市民活動課長)", OFF),
    ("pm-official-2", "前田 真一 (企画政策課長)", OFF),
)

K = CitizenGroup.Kind
# Citizen groups: key -> (name, kind, representative user name, representative's name,
# partnership member who also belongs to it (recused on its proposals) or "").
GROUPS = {
    "kosodate": ("NPO法人 子育てサポートやまと", K.NPO, "citizen", "", ""),
    "center": ("地域センター運営協議会", K.NEIGHBOURHOOD, "grp-center", "西田 昭", ""),
    "advisor": ("子育てアドバイザーの会", K.VOLUNTEER, "grp-advisor", "岡本 典子", ""),
    "fureai": ("NPO法人 ふれあい大和", K.NPO, "grp-fureai", "長谷川 稔", "pm-npo-1"),
    "shimotsuruma": ("下鶴間自治会", K.NEIGHBOURHOOD, "grp-shimotsuruma", "村上 勝", ""),
    "hikiji": ("引地川を愛する会", K.VOLUNTEER, "grp-hikiji", "近藤 智子", ""),
    "kokusai": ("やまと国際交流ネットワーク", K.VOLUNTEER, "grp-kokusai", "石井 マリア",
                "pm-npo-2"),
    "smile": ("NPO法人 すまいる", K.NPO, "grp-smile", "坂本 香織", ""),
    "rinkan": ("中央林間まちづくり協議会", K.OTHER, "grp-rinkan", "遠藤 弘", ""),
    "gekidan": ("劇団やまと座", K.VOLUNTEER, "grp-gekidan", "青木 翔", ""),
    "eco": ("大和エコクラブ", K.VOLUNTEER, "grp-eco", "藤田 淳", ""),
    "ibasho": ("子どもの居場所ネットワーク大和", K.VOLUNTEER, "grp-ibasho", "西村 優子", ""),
    "shiminnet": ("NPO法人 やまと市民活動ネット", K.NPO, "grp-shiminnet", "福田 賢治", "pm-npo-3"),
    "tsukimino": ("つきみ野助け合いの会", K.VOLUNTEER, "grp-tsukimino", "太田 和枝", ""),
    "sports": ("大和スポーツクラブ", K.OTHER, "grp-sports", "三浦 拓也", ""),
    "saigai": ("NPO法人 やまと災害ボランティアネットワーク", K.NPO, "grp-saigai", "藤井 厚",
               "pm-npo-4"),
    "kodomokai": ("南林間子ども会育成会", K.NEIGHBOURHOOD, "grp-kodomokai", "岡田 純子", ""),
    "ohanashi": ("大和おはなしの会", K.VOLUNTEER, "grp-ohanashi", "後藤 静香", ""),
    "senior": ("NPO法人 シニアネットやまと", K.NPO, "grp-senior", "長田 茂", "pm-npo-5"),
    "sakuragaoka": ("桜ケ丘商店会", K.OTHER, "grp-sakuragaoka", "村田 健", ""),
    "niji": ("日本語ボランティア にじの会", K.VOLUNTEER, "grp-niji", "中島 千秋", ""),
    "izumi": ("泉の森自然観察会", K.VOLUNTEER, "grp-izumi", "小川 哲也", ""),
    "kokoro": ("NPO法人 こころの居場所", K.NPO, "grp-kokoro", "中野 理恵", "pm-npo-6"),
    "mama": ("大和子育てママの会", K.VOLUNTEER, "grp-mama", "原田 彩", ""),
    "kamisoyagi": ("上草柳自治会", K.NEIGHBOURHOOD, "grp-kamisoyagi", "松田 正", ""),
    "ongaku": ("やまと音楽祭実行委員会", K.OTHER, "grp-ongaku", "竹内 亮", ""),
}

# Texts by theme: (problem, what the group does, what the city is asked, who benefits,
# expected outcomes).
THEMES = {
    "childcare": ("核家族化が進み、身近に子育ての相談相手がいない家庭が増えている。",
                  "相談・一時預かり・交流の場づくりを担う。",
                  "広報、公共施設の提供、関係機関との連携を担う。",
                  "市内の乳幼児をもつ家庭", "年間の利用件数と、利用者アンケートの満足度80%以上"),
    "elderly": ("ひとり暮らしの高齢者が増え、地域での孤立や日々の困りごとが課題になっている。",
                "訪問・見守り・交流の場の運営を担う。",
                "民生委員・地域包括支援センターとの情報共有と広報を担う。",
                "市内のひとり暮らし高齢者とその家族", "延べ利用者数と見守り訪問件数"),
    "disaster": ("大規模地震に備え、地域の防災力と要援護者の把握が十分でない。",
                 "訓練の企画運営、地域の防災人材の育成を担う。",
                 "防災資機材の提供、避難所施設の調整、防災情報の提供を担う。",
                 "市内の自治会と住民", "訓練参加者数と、地域防災計画への反映件数"),
    "environment": ("身近な水辺や緑地の環境が悪化し、市民が自然に触れる機会も減っている。",
                    "清掃・保全活動と観察会の企画運営を担う。",
                    "活動場所の管理者との調整と、活動の広報を担う。",
                    "市民、とくに子どもと家族", "活動回数・参加者数と、保全区域の面積"),
    "multicultural": ("外国籍の住民が増える一方、言葉や制度の壁で必要な情報が届いていない。",
                      "通訳・相談・日本語学習の支援を担う。",
                      "多言語の行政情報の提供と、窓口・学校との連携を担う。",
                      "外国につながる住民と子ども", "相談件数と、教室の参加者数"),
    "disability": ("障がいのある子どもや若者が、放課後や地域で過ごせる場が限られている。",
                   "活動プログラムの運営と、家族の相談への対応を担う。",
                   "施設の提供と、福祉サービスとの連携を担う。",
                   "障がいのある子ども・若者とその家族", "延べ利用者数と、家族の負担軽減の実感"),
    "community": ("地域のつながりが薄れ、市民活動の担い手や情報も不足している。",
                  "交流の場の運営と、市民活動の情報発信を担う。",
                  "公共施設・空き店舗の活用の調整と、広報を担う。",
                  "地域住民と市民活動団体", "来場者数と、新たに活動に加わった人数"),
    "culture": ("地域の文化活動に触れる機会が少なく、担い手も高齢化している。",
                "公演・講座・読み聞かせなどの企画運営を担う。",
                "会場の提供と、学校・図書館との連携を担う。",
                "市民、とくに子どもと若者", "公演・講座の回数と参加者数"),
    "youth": ("子どもや若者が安心して過ごし、地域の大人と関われる場が少ない。",
              "居場所や活動の企画運営を担う。",
              "学校・公共施設の提供と、関係機関との連携を担う。",
              "市内の小中学生と若者", "延べ参加者数と、継続して参加する子どもの割合"),
    "health": ("心身の不調を抱えながら相談先が分からない市民が少なくない。",
               "相談会・講座の運営と、当事者同士の交流の場づくりを担う。",
               "専門機関との連携と、相談窓口の周知を担う。",
               "悩みを抱える市民とその家族", "相談件数と、講座の参加者数"),
}


@dataclass(frozen=True)
class Plan:
    title: str
    group: str
    department: str
    theme: str
    fate: str  # C chosen, D declined, N not recommended (minority), L not (low score),
    #            T tie settled "not", TR tie settled "recommend" then chosen,
    #            W withdrawn when submitted, WR withdrawn under review, I ineligible
    conflict: bool = False  # a member declares a conflict of interest


P = Plan
HISTORIC_PLANS = {
    2003: (
        P("高齢者の見守り・配食サービス事業", "fureai", "高齢福祉課", "elderly", "C"),
        P("地域防災マップ作成事業", "shimotsuruma", "危機管理課", "disaster", "C"),
        P("引地川の水辺環境保全事業", "hikiji", "環境総務課", "environment", "C"),
        P("外国人住民のための生活相談事業", "kokusai", "国際・男女共同参画課", "multicultural",
          "C"),
        P("障がい児の放課後活動支援事業", "smile", "障がい福祉課", "disability", "C"),
        P("空き店舗を活用した地域交流サロン事業", "rinkan", "市民活動課", "community", "D"),
        P("市民劇団による地域文化振興事業", "gekidan", "文化振興課", "culture", "L"),
        P("生ごみ堆肥化推進事業", "eco", "環境総務課", "environment", "N"),
        P("子どもの居場所づくり事業", "ibasho", "こども家庭課", "youth", "T"),
        P("市民活動情報誌の発行事業", "shiminnet", "市民活動課", "community", "N"),
        P("地域通貨による助け合い推進事業", "tsukimino", "市民活動課", "community", "W"),
        P("スポーツクラブ会員拡大事業", "sports", "生涯学習課", "youth", "I"),
    ),
    2004: (
        P("子育て支援事業", "kosodate", "こども家庭課", "childcare", "C"),
        P("災害ボランティアコーディネーター養成事業", "saigai", "危機管理課", "disaster", "C"),
        P("子ども会活動の活性化事業", "kodomokai", "生涯学習課", "youth", "C"),
        P("図書館での読み聞かせボランティア育成事業", "ohanashi", "生涯学習課", "culture", "C"),
        P("高齢者パソコン教室事業", "senior", "高齢福祉課", "elderly", "C"),
        P("商店街イベントによるにぎわい創出事業", "sakuragaoka", "市民活動課", "community", "D"),
        P("日本語教室の拡充事業", "niji", "国際・男女共同参画課", "multicultural", "N"),
        P("泉の森の自然観察ガイド事業", "izumi", "環境総務課", "environment", "L"),
        P("ひきこもり相談窓口事業", "kokoro", "健康づくり推進課", "health", "L", conflict=True),
        P("地域の花いっぱい運動事業", "kamisoyagi", "市民活動課", "environment", "N"),
        P("子育てママの交流会事業", "mama", "こども家庭課", "childcare", "WR"),
        P("音楽祭開催補助事業", "ongaku", "文化振興課", "culture", "I"),
    ),
    2005: (
        P("学校施設を活用した地域センター運営事業", "center", "生涯学習課", "community", "C"),
        P("外国につながる子どもの学習支援事業", "niji", "国際・男女共同参画課", "multicultural",
          "C"),
        P("高齢者サロン運営事業", "tsukimino", "高齢福祉課", "elderly", "C", conflict=True),
        P("障がい者の就労体験事業", "smile", "障がい福祉課", "disability", "TR"),
        P("防災リーダー育成事業", "shimotsuruma", "危機管理課", "disaster", "C"),
        P("里山保全ボランティア事業", "izumi", "環境総務課", "environment", "C"),
        P("市民ミュージカル上演事業", "gekidan", "文化振興課", "culture", "N"),
        P("地域見守りパトロール事業", "kamisoyagi", "市民活動課", "community", "N"),
        P("レジ袋削減キャンペーン事業", "eco", "環境総務課", "environment", "L"),
        P("心の健康づくり講座事業", "kokoro", "健康づくり推進課", "health", "L"),
        P("子どもの遊び場づくり事業", "kodomokai", "こども家庭課", "youth", "N"),
        P("市内観光ガイド養成事業", "sakuragaoka", "文化振興課", "culture", "I"),
    ),
    2006: (
        P("子育てアドバイザー事業", "advisor", "こども家庭課", "childcare", "C"),
        P("高齢者の買い物支援事業", "fureai", "高齢福祉課", "elderly", "C"),
        P("避難所運営訓練事業", "saigai", "危機管理課", "disaster", "C"),
        P("多言語による行政情報提供事業", "kokusai", "国際・男女共同参画課", "multicultural", "C"),
        P("市民活動センター相談窓口事業", "shiminnet", "市民活動課", "community", "D"),
        P("親子で楽しむ読書推進事業", "ohanashi", "生涯学習課", "culture", "N"),
        P("ビオトープづくり事業", "hikiji", "環境総務課", "environment", "N"),
        P("若者の居場所づくり事業", "ibasho", "こども家庭課", "youth", "L"),
        P("介護予防体操普及事業", "senior", "健康づくり推進課", "health", "T"),
        P("地域猫活動推進事業", "rinkan", "環境総務課", "environment", "W"),
        P("フットサル大会開催事業", "sports", "生涯学習課", "youth", "I"),
    ),
}

# The case studies of DESIGN section 1: their own texts.
CASE_STUDIES = {
    "子育て支援事業": {
        "summary": "子育て中の家庭からの相談・依頼に応じ、会員による預かりや送迎、"
                   "家事の手伝いなどの子育て支援サービスを提供する。",
        "problem": "核家族化と共働きの増加で、急な用事や病気のときに子どもを預けられる先がない。",
        "group_role": "支援依頼の受付と調整、会員の養成、支援の実施。",
        "city_role": "事業の周知、保健師・児童相談との連携、困難を抱える家庭の情報共有。",
        "expected_outcomes": "年間3,000件以上の依頼への対応、5,000時間以上の活動、"
                             "利用した家庭からの新たな会員の参加。",
    },
    "学校施設を活用した地域センター運営事業": {
        "summary": "小学校の調理室・図工室などを放課後や休日に開放し、地域センターとして"
                   "住民の講座やサークル活動、外国につながる子どもの日本語教室を運営する。",
        "problem": "地域に身近な活動の場が少なく、学校施設は放課後や休日に使われていない。",
        "group_role": "施設の管理運営、講座の企画と講師、利用の受付。",
        "city_role": "学校・教育委員会との調整、施設の改修、広報。",
        "expected_outcomes": "年間20,000人の利用、会員・専門家・市民による講座の開催。",
    },
    "子育てアドバイザー事業": {
        "summary": "大型スーパーの一角で子育てアドバイザーが相談に応じ、"
                   "家族向けの子育て講座を開く。",
        "problem": "子育て支援の窓口に足を運ばない家庭に、相談の機会が届いていない。",
        "group_role": "アドバイザーの派遣、講座の企画と実施。",
        "city_role": "会場となる事業者との調整、講座の広報、専門職の派遣。",
        "expected_outcomes": "講座の開催と参加家庭の相談件数。",
    },
}

INELIGIBLE_REASONS = {
    "スポーツクラブ会員拡大事業": "団体の会員獲得を主な目的とする事業であり、"
                                  "公益性の要件を満たさないため。",
    "音楽祭開催補助事業": "イベント開催経費の補助を求めるもので、既存の文化振興補助金の"
                          "対象であり、協働事業の要件に当たらないため。",
    "市内観光ガイド養成事業": "観光協会が実施している事業と内容が重複するため。",
    "フットサル大会開催事業": "参加費収入を主とする大会運営であり、営利的な事業と判断したため。",
}
WITHDRAW_REASONS = {
    "W": "団体の運営体制を見直すため、今回は提案を取り下げます。",
    "WR": "中心となるメンバーの転居により、事業の実施が難しくなったため取り下げます。",
}
DECLINE_REASONS = {
    "空き店舗を活用した地域交流サロン事業": "財政状況を踏まえ、今年度は既存事業の拡充で"
                                          "対応することとしたため。",
    "商店街イベントによるにぎわい創出事業": "実施場所の確保について、関係機関との調整が"
                                          "整わないため。",
    "市民活動センター相談窓口事業": "市が来年度から同種の事業を開始する予定であり、"
                                  "役割分担の整理が必要なため。",
}
CHOICE_REASON = "協働事業提案制度の審査結果を尊重し、実施を決定します。"
CASTING_REASONS = {
    "T": "賛否が同数のため、委員長として実施体制に課題が残る点を重く見て、推薦しないこととした。",
    "TR": "賛否が同数のため、委員長として当事者の就労機会の拡大という公益性を重く見て、"
          "推薦することとした。",
}
CONFLICT_REASON = "家族が提案団体の活動に参加しているため、審査を辞退します。"
COMMENTS = {
    Vote.RECOMMEND: (
        "地域の課題に的確に応える提案で、団体の実績も十分です。",
        "市との役割分担が明確で、協働の効果が期待できます。",
        "目標が具体的で、成果を確認しやすい計画です。",
        "利用者の声を生かした提案で、ぜひ実施してほしい。",
        "費用に対して効果が大きいと考えます。",
        "他の地域にも広げられる取り組みだと思います。",
    ),
    Vote.NOT_RECOMMEND: (
        "実施体制が少人数で、継続性に不安があります。",
        "市の既存事業との違いがはっきりしません。",
        "成果の目標が抽象的で、評価が難しいと感じます。",
        "市の負担割合が大きく、団体の自主性が見えにくい。",
        "対象者が限られており、公益性に疑問が残ります。",
    ),
    Vote.ABSTAIN: (
        "判断材料が不足しているため、今回は棄権します。",
        "評価が分かれるところで、賛否を決めかねました。",
    ),
}


def _aware(year: int, month: int, day: int, hour: int = 10, minute: int = 0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def _write(stdout, line: str) -> None:
    if stdout is not None:
        stdout.write(line)


class _Loader:
    def __init__(self, stdout):
        self.stdout = stdout
        self.User = get_user_model()
        self.role_groups = {g.name: g for g in role_groups(*Role)}
        self.created = 0

    # People -------------------------------------------------------------------------
    def user(self, username: str, display_name: str = "", roles=()):
        user, created = self.User.objects.get_or_create(
            username=username,
            defaults={"display_name": display_name, "email": f"{username}@{DEMO_EMAIL_DOMAIN}"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        wanted = [self.role_groups[r.value] for r in roles if r.value in self.role_groups]
        if wanted:
            user.groups.add(*wanted)
        return user

    def departments(self):
        self.depts = {}
        for name in DEPARTMENTS:
            self.depts[name], _created = Department.objects.get_or_create(name=name)
        officer = self.User.objects.filter(username="officer").first()
        if officer is not None:
            self.depts["市民活動課"].officers.add(officer)

    def partnership(self):
        today = timezone.localdate()
        this_year = fiscal_year_of(today)
        term_start = fiscal_year_bounds(this_year - 1)[0]  # two-year terms
        term_end = fiscal_year_bounds(this_year)[1]
        sitting = set(sitting_members(on=today).values_list("user__username", flat=True))
        self.members = {}
        for username, name, category in PARTNERSHIP:
            roles = [Role.PARTNERSHIP_MEMBER] + ([Role.CHAIR] if username == "chair" else [])
            user = self.user(username, name, roles)
            if username not in sitting:
                PartnershipMember.objects.get_or_create(
                    user=user, term_start=term_start,
                    defaults={"term_end": term_end, "category": category,
                              "is_chair": username == "chair"},
                )
            self.members[username] = user
        self.chair = self.members["chair"]

    def groups(self):
        self.groups_by_key = {}
        self.authors = {}
        for key, (name, kind, rep, rep_name, member_of_partnership) in GROUPS.items():
            group, _created = CitizenGroup.objects.get_or_create(
                name=name, defaults={"kind": kind, "contact_email": f"{key}@{DEMO_EMAIL_DOMAIN}"}
            )
            representative = self.user(rep, rep_name, [Role.CITIZEN])
            GroupMembership.objects.get_or_create(
                group=group, user=representative,
                defaults={"role": GroupMembership.GroupRole.REPRESENTATIVE},
            )
            if member_of_partnership:
                GroupMembership.objects.get_or_create(group=group,
                                                      user=self.members[member_of_partnership])
            self.groups_by_key[key] = group
            self.authors[key] = representative
        staff = self.User.objects.filter(username="staff").first()
        if staff is not None:
            GroupMembership.objects.get_or_create(group=self.groups_by_key["center"], user=staff)
        self.recused = {
            key: ({self.members[spec[4]].pk} if spec[4] else set())
            for key, spec in GROUPS.items()
        }

    # Calls --------------------------------------------------------------------------
    def call(self, fiscal_year: int, *, opens_at, closes_at, title: str) -> Call:
        call, created = Call.objects.get_or_create(
            fiscal_year=fiscal_year, title=title,
            defaults={
                "description": "市民活動団体と市が協働して地域の課題に取り組む事業の提案を"
                               "募集します。提案は協働事業提案審査会（市民パートナーシップ）"
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
        self.criteria = list(Criterion.objects.filter(call=call))
        return call

    def fields(self, plan: Plan, rng: random.Random) -> dict:
        problem, group_role, city_role, beneficiaries, outcomes = THEMES[plan.theme]
        budget = rng.randrange(8, 60) * 100_000
        fields = {
            "title": plan.title,
            "summary": f"{beneficiaries}を対象に、{plan.title.removesuffix('事業')}に取り組む。"
                       f"{group_role}",
            "problem": problem, "group_role": group_role, "city_role": city_role,
            "beneficiaries": beneficiaries, "expected_outcomes": outcomes,
            "budget_total": budget, "budget_city_share": budget * rng.choice((4, 5, 6, 7)) // 10,
            "duration_months": rng.choice((12, 12, 24, 36)),
            "desired_department": self.depts[plan.department],
        }
        fields.update(CASE_STUDIES.get(plan.title, {}))
        return fields

    # Ballots ------------------------------------------------------------------------
    def ballots(self, proposal: Proposal, fate: str, rng: random.Random,
                *, voters: list, count: int | None = None) -> None:
        """Cast ballots whose votes and scores lead to `fate` (with visible disagreement)."""
        n = count or rng.randint(13, 18)  # the quorum is 13 of the 25 or 26 eligible
        voters = voters[:n]
        n = len(voters)
        if fate in ("T", "TR"):
            abstain = 1 + (n % 2 == 0)
            recommend = not_recommend = (n - abstain) // 2
            centres = (3.8, 2.4)
        elif fate in ("C", "D"):
            abstain = rng.randint(0, 1)
            not_recommend = rng.randint(1, 4)
            recommend = n - abstain - not_recommend
            centres = (4.1, 2.9)
        elif fate == "L":  # a majority, but the scores stay below the threshold
            abstain = rng.randint(1, 2)
            not_recommend = (n - abstain) // 2 - 1
            recommend = n - abstain - not_recommend
            centres = (2.9, 1.7)
        else:  # N, and the partial review of WR: a majority against
            abstain = rng.randint(0, 2)
            recommend = rng.randint(3, max(3, n // 3))
            not_recommend = n - abstain - recommend
            centres = (3.5, 2.1)
        votes = ([Vote.RECOMMEND] * recommend + [Vote.NOT_RECOMMEND] * not_recommend
                 + [Vote.ABSTAIN] * abstain)
        rng.shuffle(votes)
        for user, vote in zip(voters, votes, strict=True):
            if vote == Vote.ABSTAIN:
                scores = {}
            else:
                centre = centres[0] if vote == Vote.RECOMMEND else centres[1]
                lean = rng.uniform(-0.6, 0.6)
                scores = {
                    c.pk: max(1, min(c.max_score,
                                     round(centre + lean + rng.choice((-1, 0, 0, 0, 1)))))
                    for c in self.criteria
                }
            actions.cast_ballot(actor=user, proposal=proposal, vote=vote, scores=scores,
                                comment=rng.choice(COMMENTS[vote]))

    def eligible_voters(self, proposal: Proposal, group_key: str, rng: random.Random) -> list:
        excluded = self.recused[group_key] | set(
            proposal.conflicts.values_list("member__user_id", flat=True)
        )
        voters = [u for name, u in self.members.items()
                  if u.pk not in excluded and name != "chair"]
        rng.shuffle(voters)
        return voters

    # One proposal through its life ----------------------------------------------------
    def replay(self, call: Call, plan: Plan, index: int, *, year: int) -> None:
        rng = random.Random(f"yamato-{year}-{plan.title}")
        author = self.authors[plan.group]
        with clock.at(_aware(year, 5, 2 + index % 20, 9 + index % 8)):
            proposal = actions.create_proposal(actor=author, call=call,
                                               group=self.groups_by_key[plan.group],
                                               **self.fields(plan, rng))
        with clock.at(_aware(year, 5, 10 + index, 14)):
            actions.submit(actor=author, proposal=proposal)
        if plan.fate == "W":
            with clock.at(_aware(year, 6, 24, 11)):
                actions.withdraw(actor=author, proposal=proposal,
                                 reason=WITHDRAW_REASONS["W"])
            return
        if plan.fate == "I":
            with clock.at(_aware(year, 7, 5, 15)):
                actions.mark_ineligible(actor=self.officer, proposal=proposal,
                                        reason=INELIGIBLE_REASONS[plan.title])
            return
        with clock.at(_aware(year, 7, 12, 10, index)):
            actions.open_review(actor=self.chair, proposal=proposal)
            if plan.conflict:
                actions.declare_conflict(actor=self.members["pm-citizen-05"],
                                         proposal=proposal, reason=CONFLICT_REASON)
            voters = self.eligible_voters(proposal, plan.group, rng)
            self.ballots(proposal, plan.fate, rng, voters=voters,
                         count=7 if plan.fate == "WR" else None)
        if plan.fate == "WR":
            with clock.at(_aware(year, 8, 9, 16)):
                actions.withdraw(actor=author, proposal=proposal,
                                 reason=WITHDRAW_REASONS["WR"])
            return
        casting = {"T": Vote.NOT_RECOMMEND, "TR": Vote.RECOMMEND}.get(plan.fate, "")
        with clock.at(_aware(year, 8, 28, 18, index)):
            actions.close_review(actor=self.chair, proposal=proposal, casting_vote=casting,
                                 casting_reason=CASTING_REASONS.get(plan.fate, ""))
        proposal.refresh_from_db()
        expected = {"C": Status.RECOMMENDED, "D": Status.RECOMMENDED, "TR": Status.RECOMMENDED}
        if proposal.status != expected.get(plan.fate, Status.NOT_RECOMMENDED):
            raise RuntimeError(f"demo ballots for {plan.title!r} gave {proposal.status}")
        if plan.fate in ("C", "TR"):
            with clock.at(_aware(year, 10, 15, 11, index)):
                actions.decide(actor=self.mayor, proposal=proposal, outcome="chosen",
                               reason=CHOICE_REASON)
        elif plan.fate == "D":
            with clock.at(_aware(year, 10, 15, 11, index)):
                actions.decide(actor=self.mayor, proposal=proposal, outcome="declined",
                               reason=DECLINE_REASONS[plan.title])

    def backdate(self, call: Call, year: int) -> None:
        """Records the actions date with the database clock get their historic dates too."""
        Proposal.objects.filter(call=call).update(
            created_at=_aware(year, 5, 2), updated_at=_aware(year, 10, 15)
        )
        Ballot.objects.filter(proposal__call=call).update(
            created_at=_aware(year, 8, 1), updated_at=_aware(year, 8, 20)
        )

    def historic(self) -> None:
        for year, plans in HISTORIC_PLANS.items():
            era = f"平成{year - 1988}年度"
            call = self.call(year, title=f"{era}（{year}年度）協働事業提案募集",
                             opens_at=_aware(year, 5, 1, 9), closes_at=_aware(year, 6, 30, 17))
            existing = set(call.proposals.values_list("title", flat=True))
            new = [(i, p) for i, p in enumerate(plans) if p.title not in existing]
            for index, plan in new:
                self.replay(call, plan, index, year=year)
            if new:
                self.backdate(call, year)
                self.created += len(new)

    def current(self) -> None:
        """An open call of this fiscal year with work for every role."""
        year = fiscal_year_of(timezone.localdate())
        first, last = fiscal_year_bounds(year)
        call = self.call(
            year, title=f"{year}年度 協働事業提案募集",
            opens_at=timezone.make_aware(datetime.datetime.combine(first, datetime.time())),
            closes_at=timezone.make_aware(
                datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time())
            ),
        )
        existing = set(call.proposals.values_list("title", flat=True))
        plans = (
            ("ひとり親家庭の学習支援事業", "kosodate", "こども家庭課", "childcare", "draft"),
            ("産後ママの訪問ケア事業", "kosodate", "こども家庭課", "childcare", "draft"),
            ("父親の育児参加促進講座事業", "mama", "こども家庭課", "childcare", "draft"),
            ("空き家を活用した地域の居場所づくり事業", "rinkan", "市民活動課", "community",
             "submitted"),
            ("多言語防災情報発信事業", "kokusai", "危機管理課", "multicultural", "submitted"),
            ("高齢者のスマートフォン教室事業", "senior", "高齢福祉課", "elderly", "submitted"),
            ("災害時要援護者支援ネットワーク事業", "saigai", "危機管理課", "disaster", "review"),
            ("公園の緑化と花壇づくり事業", "kamisoyagi", "環境総務課", "environment",
             "recommended"),
        )
        for title, key, department, theme, where in plans:
            if title in existing:
                continue
            rng = random.Random(f"yamato-current-{title}")
            author = self.authors[key]
            proposal = actions.create_proposal(
                actor=author, call=call, group=self.groups_by_key[key],
                **self.fields(Plan(title, key, department, theme, ""), rng),
            )
            self.created += 1
            if where == "draft":
                continue
            actions.submit(actor=author, proposal=proposal)
            if where == "submitted":
                continue
            actions.open_review(actor=self.chair, proposal=proposal)
            voters = [u for u in self.eligible_voters(proposal, key, rng)
                      if u.username != "member"]
            if where == "review":
                # 12 ballots: the quorum is 13, so the `member` login's ballot completes it.
                self.ballots(proposal, "C", rng, voters=voters, count=12)
                continue
            self.ballots(proposal, "C", rng, voters=voters, count=16)
            actions.close_review(actor=self.chair, proposal=proposal)


def load(stdout=None) -> dict[str, int]:
    """Create (once) the partnership, the groups, the calls and their proposals."""
    # The actions (and the projects they create) log every step; replaying hundreds of
    # them would bury the command's output.
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        return _load(stdout)
    finally:
        logging.disable(previous)


def _load(stdout) -> dict[str, int]:
    loader = _Loader(stdout)
    loader.departments()
    loader.partnership()
    loader.groups()
    User = loader.User
    loader.officer = User.objects.get(username="officer")
    loader.mayor = User.objects.get(username="mayor")
    with notices.muted():
        loader.historic()
        loader.current()
    counts = dict(
        Proposal.objects.filter(call__fiscal_year__in=HISTORIC_YEARS)
        .values_list("status").annotate(n=Count("id")).order_by()
    )
    _write(stdout, f"proposals: {loader.created} new proposals; fiscal 2003–2006 by status: "
                   + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return counts
