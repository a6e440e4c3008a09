"""Demo data of the partnership app: one login per role."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .roles import Role, role_groups

DEMO_PASSWORD = "yamato-demo-2026"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    display_name: str
    roles: tuple[Role, ...]


DEMO_LOGINS = (
    DemoLogin("citizen", "大和 花子 (子育て支援NPO)", (Role.CITIZEN, Role.PROJECT_STAFF)),
    DemoLogin("member", "鶴間 一郎 (市民委員)", (Role.PARTNERSHIP_MEMBER,)),
    DemoLogin("chair", "中央 和子 (委員長)", (Role.PARTNERSHIP_MEMBER, Role.CHAIR)),
    DemoLogin("mayor", "市長室 担当", (Role.MAYORS_OFFICE,)),
    DemoLogin("officer", "市民活動課 職員", (Role.CITY_OFFICER,)),
    DemoLogin("staff", "地域センター スタッフ", (Role.PROJECT_STAFF,)),
    DemoLogin("admin", "システム管理者", (Role.ADMINISTRATOR,)),
    DemoLogin("auditor", "監査委員事務局 職員", (Role.AUDITOR,)),
    DemoLogin("welfare", "こども家庭課 児童福祉担当", (Role.CITY_OFFICER,
                                                  Role.CHILD_WELFARE_OFFICER)),
)


def load(stdout=None) -> dict[str, object]:
    """Create or refresh the demo logins; returns them by user name."""
    User = get_user_model()
    users = {}
    for login in DEMO_LOGINS:
        user, _created = User.objects.get_or_create(
            username=login.username, defaults={"display_name": login.display_name}
        )
        user.display_name = login.display_name
        user.email = f"{login.username}@example.jp"
        user.is_staff = user.is_superuser = Role.ADMINISTRATOR in login.roles
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(role_groups(*login.roles))
        users[login.username] = user
    return users


def describe_logins() -> list[str]:
    lines = [str(_("Demo logins (password for all: %(password)s):") % {"password": DEMO_PASSWORD})]
    for login in DEMO_LOGINS:
        roles = ", ".join(str(role.label) for role in login.roles)
        lines.append(f"  {login.username:<10} {roles}")
    return lines
