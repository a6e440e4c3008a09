"""The demo's consultations (事前相談) in this year's call: opened on the drafts before they
are submitted, answered by the department consulted, one raising an overlap with a city
service, and the groups' replies. One waits for the `officer` login's answer."""

from partnership.models import User
from partnership.roles import Role, role_groups

from .. import actions
from ..models import Call, Proposal
from .roster import Roster, _user

# title -> (subject, question, view (fit, overlap, contribution, concerns) or None, reply)
CONSULTATIONS = {
    "空き家を活用した地域の居場所づくり事業": (
        "空き家を使った居場所づくりの進め方",
        "中央林間の空き家を借り、週3日の居場所を開きたいと考えています。"
        "市の空き家対策や地域の居場所づくりの施策と連携できるでしょうか。",
        None, ""),
    "多言語防災情報発信事業": (
        "外国籍住民への防災情報の多言語化",
        "防災行政無線やハザードマップの内容を、やさしい日本語と5言語で発信したいと"
        "考えています。市の防災計画との関係を教えてください。",
        ("地域防災計画の「要配慮者への情報伝達」に位置づけられ、市の施策に合致します。",
         "",
         "ハザードマップの原稿データの提供、防災訓練での周知の場の提供",
         "翻訳の正確さの確認方法と、災害時に更新し続ける体制"),
        "翻訳は会員の母語話者2名で相互確認し、災害時は市のSNSの内容を1時間以内に"
        "翻訳する当番表を作ります。"),
    "高齢者のスマートフォン教室事業": (
        "高齢者向けスマートフォン教室",
        "地域センターで高齢者向けのスマートフォン教室を月2回開きたいと考えています。",
        ("高齢者のデジタル活用支援は市の重点施策であり、方向性は合致します。",
         "市の生涯学習課が公民館で実施している「シニアのためのスマホ講座」と内容・"
         "対象が重なります。",
         "公民館講座の受講者への案内、地域センターの会場確保",
         "公民館講座との役割分担が示されないと、二重の事業になるおそれがあります。"),
        "公民館講座は入門編のため、本事業は受講後の個別相談と、行政手続きのオンライン"
        "申請の練習に絞り、講座の修了者を対象にします。"),
    "災害時要援護者支援ネットワーク事業": (
        "要援護者名簿を活用した見守りの仕組み",
        "自治会と協力し、避難行動要支援者の平常時の見守りと災害時の安否確認を行う"
        "ネットワークをつくりたいと考えています。",
        ("避難行動要支援者の個別避難計画づくりは市の課題であり、施策に合致します。",
         "",
         "名簿の提供に関する同意取得の手続きの支援、自治会への説明会の共催",
         "個人情報の管理方法と、担い手の継続的な確保"),
        "名簿は鍵付きの保管庫で管理し、扱う会員には研修と誓約書を求めます。"),
    "公園の緑化と花壇づくり事業": (
        "公園の花壇づくりと維持管理",
        "市内の街区公園で、地域住民と花壇をつくり、年間を通じて手入れをしたいと"
        "考えています。",
        ("公園の美化は市の施策に合致し、公園愛護会制度とも連携できます。",
         "",
         "花苗・用具の一部支給、水道の使用許可",
         "夏季の水やりの体制"),
        "夏季は会員と近隣の小学校の協力で当番表をつくり、週3回の水やりを行います。"),
}


def officer_of(roster: Roster, department: str) -> User:
    """An officer of `department`: the `officer` login for 市民活動課, another for others."""
    if department == "市民活動課":
        return roster.officer
    roles = {g.name: g for g in role_groups(Role.CITY_OFFICER)}
    key = f"officer-{list(roster.departments).index(department) + 1:02d}"
    user = _user(key, f"{department} 職員", [Role.CITY_OFFICER], roles)
    roster.departments[department].officers.add(user)
    return user


def consult(roster: Roster, call: Call, proposal: Proposal, key: str, department: str) -> None:
    """Open the draft's consultation and, where the plan says so, answer it and reply."""
    if proposal.title not in CONSULTATIONS:
        return
    subject, question, view, reply = CONSULTATIONS[proposal.title]
    author = roster.authors[key]
    consultation = actions.open_consultation(
        actor=author, group=roster.groups[key], call=call,
        department=roster.departments[department], subject=subject, question=question,
        proposal=proposal)
    if view is None:
        return
    fit, overlap, contribution, concerns = view
    actions.answer_consultation(actor=officer_of(roster, department), consultation=consultation,
                                fit=fit, overlap=overlap, contribution=contribution,
                                concerns=concerns)
    actions.reply_consultation(actor=author, consultation=consultation, reply=reply)
