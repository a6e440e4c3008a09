"""The open call of the current fiscal year, with work for every role: drafts, submitted
proposals waiting for screening, one eligible and one ineligible, one review the `member`
login completes, one recommendation awaiting the mayor."""

import datetime
import random

from django.utils import timezone

from partnership.fiscal import fiscal_year_bounds, fiscal_year_of

from .. import actions
from . import ballots, calls, consultations, hearings
from .plans import Plan
from .roster import Roster
from .themes import proposal_fields

# (title, group, department, theme, how far it gets)
PLANS = (
    ("ひとり親家庭の学習支援事業", "kosodate", "こども家庭課", "childcare", "draft"),
    ("産後ママの訪問ケア事業", "kosodate", "こども家庭課", "childcare", "draft"),
    ("父親の育児参加促進講座事業", "mama", "こども家庭課", "childcare", "draft"),
    ("空き家を活用した地域の居場所づくり事業", "rinkan", "市民活動課", "community",
     "submitted"),
    ("多言語防災情報発信事業", "kokusai", "危機管理課", "multicultural", "eligible"),
    ("高齢者のスマートフォン教室事業", "senior", "高齢福祉課", "elderly", "submitted"),
    ("商店街の歳末売り出し支援事業", "sakuragaoka", "市民活動課", "community", "ineligible"),
    ("災害時要援護者支援ネットワーク事業", "saigai", "危機管理課", "disaster", "review"),
    ("公園の緑化と花壇づくり事業", "kamisoyagi", "環境総務課", "environment",
     "recommended"),
)

INELIGIBLE_REASON = ("商店会の販売促進を主な目的とする事業であり、募集要項の公益性の要件を"
                     "満たさないため。")


def load(roster: Roster) -> int:
    """Create the proposals of this year's call that are not there yet; returns how many."""
    year = fiscal_year_of(timezone.localdate())
    first, last = fiscal_year_bounds(year)
    call = calls.call(
        year, title=f"{year}年度 協働事業提案募集",
        title_en=f"FY{year} call for partnership proposals",
        opens_at=timezone.make_aware(datetime.datetime.combine(first, datetime.time())),
        closes_at=timezone.make_aware(
            datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time())
        ),
    )
    criteria = calls.criteria(call)
    hearings.calendar(call, first, last)
    first_session, second_session = hearings.sessions(roster, call, first, last)
    existing = set(call.proposals.values_list("title", flat=True))
    created = 0
    for title, key, department, theme, where in PLANS:
        if title in existing:
            continue
        rng = random.Random(f"yamato-current-{title}")
        author = roster.authors[key]
        proposal = actions.create_proposal(
            actor=author, call=call, group=roster.groups[key],
            **proposal_fields(Plan(title, key, department, theme, ""), rng, roster.departments),
        )
        created += 1
        consultations.consult(roster, call, proposal, key, department)
        if where == "draft":
            continue
        actions.submit(actor=author, proposal=proposal)
        if where == "submitted":
            continue
        if where == "ineligible":
            actions.mark_ineligible(actor=roster.officer, proposal=proposal,
                                    reason=INELIGIBLE_REASON)
            continue
        actions.mark_eligible(actor=roster.officer, proposal=proposal,
                              checked=calls.checklist(call))
        if where == "eligible":
            # Heard at the second session, still to be published; the group has not
            # confirmed yet.
            hearings.slot(roster, second_session, proposal, confirm=False)
            continue
        hearings.slot(roster, first_session, proposal, confirm=True)
        actions.open_review(actor=roster.chair, proposal=proposal)
        hearings.questions(roster, proposal)
        voters = [u for u in ballots.eligible_voters(roster, proposal, key, rng)
                  if u.username != "member"]
        if where == "review":
            # 12 ballots: the quorum is 13, so the `member` login's ballot completes it.
            ballots.cast(proposal, "C", rng, voters=voters, criteria=criteria, count=12)
            continue
        ballots.cast(proposal, "C", rng, voters=voters, criteria=criteria, count=16)
        actions.close_review(actor=roster.chair, proposal=proposal)
    return created
