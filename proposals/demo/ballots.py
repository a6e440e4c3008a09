"""Real ballots whose votes and scores lead a proposal to the fate its plan gives it."""

import random

from .. import actions
from ..models import Criterion, Proposal, Vote
from .roster import Roster

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


def cast(proposal: Proposal, fate: str, rng: random.Random, *, voters: list,
         criteria: list[Criterion], count: int | None = None) -> None:
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
                for c in criteria
            }
        actions.cast_ballot(actor=user, proposal=proposal, vote=vote, scores=scores,
                            comment=rng.choice(COMMENTS[vote]))


def eligible_voters(roster: Roster, proposal: Proposal, group_key: str,
                    rng: random.Random) -> list:
    excluded = roster.recused[group_key] | set(
        proposal.conflicts.values_list("member__user_id", flat=True)
    )
    voters = [u for name, u in roster.members.items()
              if u.pk not in excluded and name != "chair"]
    rng.shuffle(voters)
    return voters
