"""Who may see and do what in online docking. Every view, the thread room and the saved-search
alerts go through these helpers.

- Everything needs a signed-in user with a role (accounts.access.require_reader).
- A user acts for one party: park staff for their park, organisation users for their
  organisation. The secretariat and administrators (curators) act for anyone.
- Postings: the owner's users and curators see every posting of that owner, in every status.
  Others see published postings: public and anonymous ones every reader, alliance-only ones
  staff of alliance member parks (Park.alliance_member). Researchers read, never write.
- An anonymous posting's owner is known to the owner's users and curators only
  (`user_sees_owner`); every output that shows a posting goes through that check.
- Requests and their threads: the two sides and curators.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from backend.accounts.access import require_reader, user_can_read, user_is_curator
from backend.accounts.models import Role
from backend.core.errors import NotFound, PermissionDenied
from backend.core.lib.bilingual import Bilingual
from backend.docking.models import (
    DockingRequest,
    Party,
    Posting,
    PostingStatus,
    PostingVisibility,
    Thread,
)

NOT_YOUR_POSTING = Bilingual(
    zh="只有发布方（或秘书处）可以管理此对接信息。",
    en="Only the posting's owner (or the secretariat) may manage this posting.",
)
NO_PARTY = Bilingual(
    zh="您的账户未关联园区或机构，不能以自己的名义对接。",
    en="Your account acts for no park or organisation, so it cannot dock in its own name.",
)
NOT_A_SIDE = Bilingual(
    zh="只有对接双方和秘书处可以查看此会话。",
    en="Only the two sides of this docking and the secretariat may see this conversation.",
)


def user_party(user: Any) -> Party | None:
    """The park or organisation this user acts for, if any."""
    if not user_can_read(user):
        return None
    if user.role == Role.PARK_STAFF and user.park_id:
        return Party(park_id=user.park_id)
    if user.role == Role.ORG_USER and user.organisation_id:
        return Party(organisation_id=user.organisation_id)
    return None


def user_in_alliance(user: Any) -> bool:
    """Staff of an alliance member park."""
    if not (user_can_read(user) and user.role == Role.PARK_STAFF and user.park_id):
        return False
    return bool(user.park.alliance_member)


def _party_q(party: Party, prefix: str) -> Q:
    if party.park_id:
        return Q(**{f"{prefix}_park_id": party.park_id})
    return Q(**{f"{prefix}_organisation_id": party.organisation_id})


def visible_postings_q(user: Any) -> Q:
    """The postings this user may see (any status for the owner and curators)."""
    if user_is_curator(user):
        return Q()
    audiences = [PostingVisibility.PUBLIC, PostingVisibility.ANONYMOUS]
    if user_in_alliance(user):
        audiences.append(PostingVisibility.ALLIANCE)
    visible = Q(status=PostingStatus.PUBLISHED, visibility__in=audiences)
    party = user_party(user)
    if party is not None:
        visible |= _party_q(party, "owner")
    return visible


def user_owns_posting(user: Any, posting: Posting) -> bool:
    if user_is_curator(user):
        return True
    party = user_party(user)
    return party is not None and party == posting.owner_party


def user_is_posting_owner_side(user: Any, posting: Posting) -> bool:
    """The owner's own users (not curators)."""
    party = user_party(user)
    return party is not None and party == posting.owner_party


def user_sees_owner(user: Any, posting: Posting) -> bool:
    """Whether this user may learn who owns the posting."""
    return not posting.is_anonymous or user_owns_posting(user, posting)


def user_may_see_posting(user: Any, posting: Posting) -> bool:
    if not user_can_read(user):
        return False
    if user_owns_posting(user, posting):
        return True
    if posting.status != PostingStatus.PUBLISHED:
        return False
    if posting.visibility == PostingVisibility.ALLIANCE:
        return user_in_alliance(user)
    return True


def access_posting_for_user(user: Any, posting_id: int, *, for_write: bool = False) -> Posting:
    """The posting if this user may see it (or manage it, with for_write). 404 hides postings a
    user may not see at all."""
    require_reader(user)
    posting = (
        Posting.objects.select_related("owner_park", "owner_organisation", "region")
        .filter(pk=posting_id)
        .first()
    )
    if posting is None or not user_may_see_posting(user, posting):
        raise NotFound()
    if for_write and not user_owns_posting(user, posting):
        raise PermissionDenied(NOT_YOUR_POSTING)
    return posting


def user_side_of_request(user: Any, request: DockingRequest) -> str | None:
    """ "owner" (the posting's side), "requester", or None (curators act as neither)."""
    party = user_party(user)
    if party is None:
        return None
    if party == request.posting.owner_party:
        return "owner"
    if party == request.requester_party:
        return "requester"
    return None


def access_request_for_user(user: Any, request_id: int) -> DockingRequest:
    require_reader(user)
    request = (
        DockingRequest.objects.select_related(
            "posting",
            "posting__owner_park",
            "posting__owner_organisation",
            "requester_park",
            "requester_organisation",
        )
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise NotFound()
    if not (user_is_curator(user) or user_side_of_request(user, request)):
        raise NotFound()
    return request


def user_side_of_thread(user: Any, thread: Thread) -> str | None:
    """ "a", "b", "secretariat" for curators, or None."""
    party = user_party(user)
    if party is not None and party == thread.side_a:
        return "a"
    if party is not None and party == thread.side_b:
        return "b"
    if user_is_curator(user):
        return "secretariat"
    return None


def access_thread_for_user(user: Any, thread_id: int) -> Thread:
    require_reader(user)
    thread = (
        Thread.objects.select_related(
            "request",
            "request__posting",
            "a_park",
            "a_organisation",
            "b_park",
            "b_organisation",
        )
        .filter(pk=thread_id)
        .first()
    )
    if thread is None:
        raise NotFound()
    if user_side_of_thread(user, thread) is None:
        raise PermissionDenied(NOT_A_SIDE)
    return thread


def user_may_join_thread_room(user: Any, thread_id: int) -> bool:
    """The websocket room `thread-<id>`: the two sides and curators."""
    if not user_can_read(user):
        return False
    thread = Thread.objects.filter(pk=thread_id).first()
    return thread is not None and user_side_of_thread(user, thread) is not None


def thread_masks_side_a(user: Any, thread: Thread) -> bool:
    """Side a of a request thread is the posting's owner: hidden from side b when anonymous."""
    request = thread.request
    if request is None or not request.posting.is_anonymous:
        return False
    return user_side_of_thread(user, thread) == "b"
