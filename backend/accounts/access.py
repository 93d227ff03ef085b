"""Who may do what: the few helpers every view and consumer goes through.

Rules (DESIGN.md users):
- anonymous users read nothing;
- every signed-in user with a role reads the alliance's shared data;
- admins and the secretariat curate everything;
- park staff write their own park's data; organisation users their organisation's;
- researchers read and never write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backend.accounts.models import Role
from backend.core.errors import NotFound, PermissionDenied
from backend.core.lib.bilingual import Bilingual

if TYPE_CHECKING:
    from backend.network.models import Organisation, Park

CURATOR_ROLES = frozenset({Role.ADMIN, Role.SECRETARIAT})
WRITER_ROLES = frozenset({Role.ADMIN, Role.SECRETARIAT, Role.PARK_STAFF, Role.ORG_USER})
READER_ROLES = frozenset(Role)

NO_ROLE = Bilingual(
    zh="您的账户尚未分配角色，请联系联席会议秘书处。",
    en="Your account has no role yet; ask the joint-conference secretariat.",
)
READ_ONLY = Bilingual(
    zh="研究人员账户为只读，不能修改数据。", en="Researcher accounts are read-only."
)
OTHER_PARK = Bilingual(
    zh="您只能修改本园区的数据。", en="You can only change your own park's data."
)
OTHER_ORGANISATION = Bilingual(
    zh="您只能修改本机构或本园区所承载机构的数据。",
    en="You can only change your own organisation's data, or that of organisations your park "
    "hosts.",
)


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def user_can_read(user: Any) -> bool:
    return _signed_in(user) and user.role in READER_ROLES


def user_can_write(user: Any) -> bool:
    return _signed_in(user) and user.role in WRITER_ROLES


def user_is_curator(user: Any) -> bool:
    return _signed_in(user) and (user.role in CURATOR_ROLES or user.is_superuser)


def require_reader(user: Any) -> None:
    if not user_can_read(user):
        raise PermissionDenied(NO_ROLE)


def require_writer(user: Any) -> None:
    require_reader(user)
    if user.role == Role.RESEARCHER:
        raise PermissionDenied(READ_ONLY)
    if not user_can_write(user):
        raise PermissionDenied()


def require_curator(user: Any) -> None:
    require_writer(user)
    if not user_is_curator(user):
        raise PermissionDenied()


def access_park_for_user(user: Any, park_id: int, *, for_write: bool = False) -> Park:
    """The park, if this user may read it (or write it, with for_write); raises otherwise."""
    from backend.network.models import Park

    require_reader(user)
    park = Park.objects.filter(pk=park_id).first()
    if park is None:
        raise NotFound()
    if for_write:
        require_writer(user)
        if not user_can_edit_park(user, park):
            raise PermissionDenied(OTHER_PARK)
    return park


def user_can_edit_park(user: Any, park: Park) -> bool:
    return user_is_curator(user) or (
        user_can_write(user) and user.role == Role.PARK_STAFF and user.park_id == park.pk
    )


def user_can_edit_organisation(user: Any, organisation: Organisation) -> bool:
    """Curators; the organisation's own users; staff of the park that hosts it."""
    if user_is_curator(user):
        return True
    if not user_can_write(user):
        return False
    if user.role == Role.ORG_USER:
        return bool(user.organisation_id == organisation.pk)
    return bool(
        user.role == Role.PARK_STAFF
        and organisation.park_id is not None
        and user.park_id == organisation.park_id
    )


def access_organisation_for_user(
    user: Any, organisation_id: int, *, for_write: bool = False
) -> Organisation:
    """The organisation, if this user may read it (or write it, with for_write)."""
    from backend.network.models import Organisation

    require_reader(user)
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        raise NotFound()
    if for_write:
        require_writer(user)
        if not user_can_edit_organisation(user, organisation):
            raise PermissionDenied(OTHER_ORGANISATION)
    return organisation
