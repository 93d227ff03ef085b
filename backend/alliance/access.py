"""Who may see and do what in the alliance. Every view and the meeting room go through here.

- the secretariat and administrators manage everything (curators);
- staff of a member park see announced (and later) meetings, every accepted item of them, and
  all of their own park's items; they submit items, reply for their park, vote for their park
  and update their park's action items;
- everyone else (parks outside the alliance, organisation users, researchers, accounts
  without a role) sees nothing internal: 403.
"""

from __future__ import annotations

from typing import Any

from backend.accounts.access import require_reader, user_is_curator
from backend.accounts.models import Role
from backend.alliance.models import (
    ActionItem,
    AgendaItem,
    AllianceMember,
    Decision,
    Meeting,
    MeetingStatus,
    Minutes,
)
from backend.core.errors import NotFound, PermissionDenied
from backend.core.lib.bilingual import Bilingual

NOT_ALLIANCE = Bilingual(
    zh="联盟内部事务仅对联席会议秘书处和联盟成员园区开放。",
    en="Alliance business is open only to the secretariat and the alliance's member parks.",
)
SECRETARIAT_ONLY = Bilingual(
    zh="只有联席会议秘书处可以执行此操作。",
    en="Only the joint-conference secretariat can do this.",
)
OWN_PARK_ONLY = Bilingual(
    zh="您只能处理本园区的事项。", en="You can only act on your own park's items."
)


def member_park_id(user: Any) -> int | None:
    """The user's park if they are staff of an alliance member park, else None."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return None
    if user.role != Role.PARK_STAFF or not user.park_id:
        return None
    if not AllianceMember.objects.filter(park_id=user.park_id).exists():
        return None
    return int(user.park_id)


def require_alliance_reader(user: Any) -> int | None:
    """Curators (returns None) or member-park staff (returns their park id); 403 otherwise."""
    require_reader(user)
    if user_is_curator(user):
        return None
    park_id = member_park_id(user)
    if park_id is None:
        raise PermissionDenied(NOT_ALLIANCE)
    return park_id


def require_member_staff(user: Any) -> int:
    park_id = require_alliance_reader(user)
    if park_id is None:
        raise PermissionDenied(
            Bilingual(
                zh="此操作由联盟成员园区的工作人员进行。",
                en="This is done by staff of an alliance member park.",
            )
        )
    return park_id


REPLY_FOR_OWN_PARK = Bilingual(
    zh="您只能为本园区回复。", en="You can only reply for your own park."
)


def require_attendance_writer(user: Any, park_id: int) -> int | None:
    """Attendance of `park_id`: the secretariat (returns None) for any park, a member park's
    staff (returns their park id) for their own park only; 403 otherwise."""
    own_park = require_alliance_reader(user)
    if own_park is not None and own_park != park_id:
        raise PermissionDenied(REPLY_FOR_OWN_PARK)
    return own_park


def require_secretariat(user: Any) -> None:
    require_reader(user)
    if not user_is_curator(user):
        if member_park_id(user) is None:
            raise PermissionDenied(NOT_ALLIANCE)
        raise PermissionDenied(SECRETARIAT_ONLY)


def _meeting_visible_to_member(meeting: Meeting) -> bool:
    return meeting.status != MeetingStatus.DRAFT


def access_meeting_for_user(user: Any, meeting_id: int, *, for_write: bool = False) -> Meeting:
    """The meeting if the user may see it (members: once announced; or a draft they may submit
    to, since the call for items goes out before the agenda is announced)."""
    if for_write:
        require_secretariat(user)
    else:
        require_alliance_reader(user)
    meeting = Meeting.objects.select_related("host_park", "alliance").filter(pk=meeting_id).first()
    if meeting is None:
        raise NotFound()
    return meeting


def access_item_for_user(user: Any, item_id: int, *, for_write: bool = False) -> AgendaItem:
    """An agenda item: curators any; members their own park's items, and accepted items of
    announced meetings (read only)."""
    park_id = require_alliance_reader(user)
    item = AgendaItem.objects.select_related("meeting", "park").filter(pk=item_id).first()
    if item is None:
        raise NotFound()
    if park_id is None:
        return item
    own = item.park_id == park_id
    if for_write and not own:
        raise PermissionDenied(OWN_PARK_ONLY)
    if not own and not (_meeting_visible_to_member(item.meeting) and item.status == "accepted"):
        raise NotFound()
    return item


def access_decision_for_user(user: Any, decision_id: int) -> Decision:
    require_alliance_reader(user)
    decision = Decision.objects.select_related("item__meeting").filter(pk=decision_id).first()
    if decision is None:
        raise NotFound()
    if not user_is_curator(user) and not _meeting_visible_to_member(decision.item.meeting):
        raise NotFound()
    return decision


def access_action_for_user(user: Any, action_id: int, *, for_write: bool = False) -> ActionItem:
    """Action items: every alliance reader sees them (they follow decisions everyone saw);
    curators update any, member staff only their own park's."""
    park_id = require_alliance_reader(user)
    action = (
        ActionItem.objects.select_related("owner_park", "meeting", "decision__item")
        .filter(pk=action_id)
        .first()
    )
    if action is None:
        raise NotFound()
    if for_write and park_id is not None and action.owner_park_id != park_id:
        raise PermissionDenied(OWN_PARK_ONLY)
    return action


def access_minutes_for_user(user: Any, minutes_id: int, *, for_write: bool = False) -> Minutes:
    """Curators any version; members the published versions and drafts under review of
    meetings they could attend."""
    if for_write:
        require_secretariat(user)
    else:
        require_alliance_reader(user)
    minutes = Minutes.objects.select_related("meeting").filter(pk=minutes_id).first()
    if minutes is None:
        raise NotFound()
    if not user_is_curator(user) and not _meeting_visible_to_member(minutes.meeting):
        raise NotFound()
    return minutes


def user_may_join_meeting_room(user: Any, meeting_id: int) -> bool:
    """The live meeting room: curators, and member-park staff once the meeting is announced."""
    meeting = Meeting.objects.filter(pk=meeting_id).only("status").first()
    if meeting is None:
        return False
    if user_is_curator(user):
        return True
    return member_park_id(user) is not None and _meeting_visible_to_member(meeting)
