"""The proposals of fiscal 2003–2006, each with the fate the replay takes it to."""

from dataclasses import dataclass

HISTORIC_YEARS = (2003, 2004, 2005, 2006)

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
