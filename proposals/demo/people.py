"""Who takes part in the demo: the departments, the Citizen Partnership and the citizen groups."""

from partnership.models import CitizenGroup, PartnershipMember

# The city's departments, with their English names.
DEPARTMENTS = {
    "こども家庭課": "Children and Families Division",
    "市民活動課": "Civic Activities Division",
    "生涯学習課": "Lifelong Learning Division",
    "高齢福祉課": "Elderly Welfare Division",
    "危機管理課": "Crisis Management Division",
    "環境総務課": "Environment Division",
    "文化振興課": "Culture Promotion Division",
    "国際・男女共同参画課": "International Affairs and Gender Equality Division",
    "障がい福祉課": "Disability Welfare Division",
    "健康づくり推進課": "Health Promotion Division",
}

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
