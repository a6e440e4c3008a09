"""What a demo proposal says: the texts of its theme, or the case study's own."""

import random

from .plans import Plan

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

# The field of activity of each theme: every demo proposal has one, its theme's.
FIELDS = {
    "childcare": "childcare", "elderly": "welfare", "disability": "welfare",
    "disaster": "disaster", "environment": "environment", "multicultural": "multicultural",
    "community": "community", "culture": "education", "youth": "education", "health": "health",
}

# The three proposals that became the services demo's projects have texts of their own.
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


def proposal_fields(plan: Plan, rng: random.Random, departments: dict) -> dict:
    problem, group_role, city_role, beneficiaries, outcomes = THEMES[plan.theme]
    budget = rng.randrange(8, 60) * 100_000
    fields = {
        "title": plan.title,
        "field_of_activity": FIELDS[plan.theme],
        "summary": f"{beneficiaries}を対象に、{plan.title.removesuffix('事業')}に取り組む。"
                   f"{group_role}",
        "problem": problem, "group_role": group_role, "city_role": city_role,
        "beneficiaries": beneficiaries, "expected_outcomes": outcomes,
        "budget_total": budget, "budget_city_share": budget * rng.choice((4, 5, 6, 7)) // 10,
        "duration_months": rng.choice((12, 12, 24, 36)),
        "desired_department": departments[plan.department],
    }
    fields.update(CASE_STUDIES.get(plan.title, {}))
    return fields
