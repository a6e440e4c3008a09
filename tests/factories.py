import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from partnership.models import (
    CitizenGroup,
    Department,
    GroupMembership,
    PartnershipMember,
    User,
)
from partnership.roles import role_groups
from proposals.models import Call, ChecklistItem, Criterion, Proposal


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.jp")
    display_name = factory.Faker("name", locale="ja_JP")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*role_groups(*extracted))


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"市民活動課{n}")


class CitizenGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenGroup
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"市民団体{n}")
    kind = CitizenGroup.Kind.NPO
    contact_email = factory.Sequence(lambda n: f"group{n}@example.jp")
    articles = "会員の総会で事業計画と予算を決める。"
    status = CitizenGroup.Status.VERIFIED  # checked by the city; tests of the check set it


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(CitizenGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = GroupMembership.GroupRole.MEMBER


class PartnershipMemberFactory(factory.django.DjangoModelFactory):
    """A sitting member (term covers today)."""

    class Meta:
        model = PartnershipMember

    user = factory.SubFactory(UserFactory)
    category = PartnershipMember.Category.CITIZEN
    term_start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))
    term_end = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    is_chair = False


CRITERIA = ["公益性", "役割分担", "実現可能性", "効果", "独創性"]


CHECKLIST = ("市内で活動する団体である", "営利・宗教・政治活動を目的としない",
             "市との役割分担が示されている")


class CallFactory(factory.django.DjangoModelFactory):
    """An open call with the five criteria of Japanese practice."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    fiscal_year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.Sequence(lambda n: f"協働事業提案募集 {n}")
    description = "市民団体からの協働事業の提案を募集します。"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    quorum = Decimal("0.5")
    threshold = Decimal("0.6")

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if not create:
            return
        names = CRITERIA if extracted is None else extracted
        for position, name in enumerate(names):
            Criterion.objects.create(call=self, name=name, position=position)

    @factory.post_generation
    def checklist(self, create, extracted, **kwargs):
        if not create:
            return
        texts = CHECKLIST if extracted is None else extracted
        for position, text in enumerate(texts):
            ChecklistItem.objects.create(call=self, text=text, position=position)


class ProposalFactory(factory.django.DjangoModelFactory):
    """A draft; drive it further with tests.lifecycle."""

    class Meta:
        model = Proposal

    call = factory.SubFactory(CallFactory)
    group = factory.SubFactory(CitizenGroupFactory)
    title = factory.Sequence(lambda n: f"子育て支援事業 {n}")
    field_of_activity = "childcare"
    summary = "地域の子育て家庭を支援します。"
    problem = "子育て家庭の孤立"
    group_role = "相談と預かり"
    city_role = "情報提供と広報"
    beneficiaries = "市内の子育て家庭"
    expected_outcomes = "年間3,000件の相談対応"
    budget_total = 1_000_000
    budget_city_share = 500_000
    duration_months = 12
    created_by = factory.LazyAttribute(
        lambda o: GroupMembershipFactory(group=o.group).user
    )

    @classmethod
    def _create(cls, model_class, *args, call, group, created_by, **kwargs):
        from proposals import actions

        return actions.create_proposal(actor=created_by, call=call, group=group, **kwargs)
