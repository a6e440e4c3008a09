from django.contrib.auth.backends import ModelBackend


class StaffModelBackend(ModelBackend):
    """Django's model permissions, which only the admin uses, asked of staff users alone.

    Portal permissions are `rules` predicates; without this, every denied
    `has_perm` on a page would also load the user's model permissions (2 queries).
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or not user_obj.is_staff:
            return set()
        return super().get_all_permissions(user_obj, obj)

    async def aget_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or not user_obj.is_staff:
            return set()
        return await super().aget_all_permissions(user_obj, obj)
