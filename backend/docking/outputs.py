"""What the docking API shows of postings, requests, threads and recommendations.

Every output that can show a posting's owner goes through `owner_out`, which returns None for
an anonymous posting unless the viewer may know the owner (access.user_sees_owner). Request
threads mask side a (the owner) and its senders for side b the same way.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.core.lib.bilingual import Bilingual
from backend.docking.access import (
    thread_masks_side_a,
    user_is_curator,
    user_owns_posting,
    user_party,
    user_sees_owner,
    user_side_of_request,
    user_side_of_thread,
)
from backend.docking.models import (
    DockingRequest,
    Message,
    Party,
    Posting,
    PostingStatus,
    Side,
    Thread,
)
from backend.network.api.common import label_zh_en

ANONYMOUS_OWNER = Bilingual(zh="匿名发布方", en="Anonymous poster")
SECRETARIAT = Bilingual(zh="联席会议秘书处", en="Joint-conference secretariat")


class DockingRefOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class DockingPartyOutput(serializers.Serializer):
    type = serializers.ChoiceField(choices=["park", "organisation"])
    id = serializers.IntegerField()
    name = serializers.CharField()


def party_out(park: Any, organisation: Any) -> dict[str, Any] | None:
    if park is not None:
        return {"type": "park", "id": park.pk, "name": park.name}
    if organisation is not None:
        return {"type": "organisation", "id": organisation.pk, "name": organisation.name}
    return None


def owner_out(viewer: Any, posting: Posting) -> dict[str, Any] | None:
    """The owner, or None when the viewer may not know who posted anonymously."""
    if not user_sees_owner(viewer, posting):
        return None
    return party_out(posting.owner_park, posting.owner_organisation)


class PostingViewerOutput(serializers.Serializer):
    is_owner = serializers.BooleanField(help_text="the viewer manages this posting")
    can_request = serializers.BooleanField(help_text="the viewer may send a docking request")


class PostingOutput(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.SerializerMethodField()
    title = serializers.CharField(help_text="plain text; render as text, never as HTML")
    description = serializers.CharField(help_text="plain text; render as text, never as HTML")
    industries = serializers.SerializerMethodField()
    region = serializers.SerializerMethodField()
    visibility = serializers.CharField()
    anonymous = serializers.BooleanField(source="is_anonymous")
    owner = serializers.SerializerMethodField(
        help_text="null when the posting is anonymous and the viewer is neither its owner nor "
        "the secretariat"
    )
    status = serializers.CharField()
    review_note = serializers.SerializerMethodField()
    expires_at = serializers.DateTimeField()
    is_expired = serializers.BooleanField()
    published_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    viewer = serializers.SerializerMethodField()

    def _user(self) -> Any:
        return self.context["request"].user

    def get_kind_label(self, p: Posting) -> str:
        return label_zh_en(p.get_kind_display(), self.context["request"])

    @extend_schema_field(DockingRefOutput(many=True))
    def get_industries(self, p: Posting) -> list[dict[str, Any]]:
        return [{"id": i.pk, "name": i.name} for i in p.industries.all()]

    @extend_schema_field(DockingRefOutput(allow_null=True))
    def get_region(self, p: Posting) -> dict[str, Any] | None:
        return {"id": p.region_id, "name": p.region.name} if p.region else None

    @extend_schema_field(DockingPartyOutput(allow_null=True))
    def get_owner(self, p: Posting) -> dict[str, Any] | None:
        return owner_out(self._user(), p)

    @extend_schema_field(serializers.CharField())
    def get_review_note(self, p: Posting) -> str:
        return p.review_note if user_owns_posting(self._user(), p) else ""

    @extend_schema_field(PostingViewerOutput)
    def get_viewer(self, p: Posting) -> dict[str, Any]:
        user = self._user()
        party = user_party(user)
        owns = user_owns_posting(user, p)
        return {
            "is_owner": owns,
            "can_request": bool(
                party is not None
                and party != p.owner_party
                and p.status == PostingStatus.PUBLISHED
                and not p.is_expired
                and user.role != "researcher"
            )
            or (user_is_curator(user) and p.status == PostingStatus.PUBLISHED and not p.is_expired),
        }


class PostingSummaryOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField()
    anonymous = serializers.BooleanField()
    owner = DockingPartyOutput(allow_null=True)


def posting_summary(viewer: Any, posting: Posting) -> dict[str, Any]:
    return {
        "id": posting.pk,
        "title": posting.title,
        "kind": posting.kind,
        "status": posting.status,
        "anonymous": posting.is_anonymous,
        "owner": owner_out(viewer, posting),
    }


class DockingStatusChangeOutput(serializers.Serializer):
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    by = serializers.CharField(
        allow_null=True, help_text="null where it would reveal an anonymous owner"
    )
    at = serializers.DateTimeField()
    note = serializers.CharField()


def status_changes_out(rows: Any, *, hide_people: bool) -> list[dict[str, Any]]:
    return [
        {
            "from_status": r.from_status,
            "to_status": r.to_status,
            "by": None if hide_people or r.by is None else r.by.name_for_display,
            "at": r.at.isoformat(),
            "note": r.note,
        }
        for r in rows
    ]


class DockingRequestOutput(serializers.Serializer):
    id = serializers.IntegerField()
    posting = PostingSummaryOutput()
    requester = DockingPartyOutput()
    message = serializers.CharField(help_text="plain text")
    proposed_times = serializers.ListField(child=serializers.DateTimeField())
    status = serializers.CharField()
    decline_reason = serializers.CharField()
    answered_at = serializers.DateTimeField(allow_null=True)
    accepted_at = serializers.DateTimeField(allow_null=True)
    agreed_at = serializers.DateTimeField(allow_null=True)
    project_id = serializers.IntegerField(allow_null=True)
    thread_id = serializers.IntegerField(allow_null=True)
    viewer_side = serializers.ChoiceField(
        choices=["owner", "requester", "secretariat"], allow_null=True
    )
    created_at = serializers.DateTimeField()


def request_out(viewer: Any, request: DockingRequest) -> dict[str, Any]:
    side = user_side_of_request(viewer, request)
    thread = getattr(request, "thread", None)
    return {
        "id": request.pk,
        "posting": posting_summary(viewer, request.posting),
        "requester": party_out(request.requester_park, request.requester_organisation),
        "message": request.message,
        "proposed_times": list(request.proposed_times),
        "status": request.status,
        "decline_reason": request.decline_reason,
        "answered_at": _iso(request.answered_at),
        "accepted_at": _iso(request.accepted_at),
        "agreed_at": _iso(request.agreed_at),
        "project_id": request.project_id,
        "thread_id": thread.pk if thread is not None else None,
        "viewer_side": side or ("secretariat" if user_is_curator(viewer) else None),
        "created_at": request.created_at.isoformat(),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


class DockingThreadOutput(serializers.Serializer):
    id = serializers.IntegerField()
    subject = serializers.CharField()
    request_id = serializers.IntegerField(allow_null=True)
    project_id = serializers.IntegerField(allow_null=True)
    side_a = DockingPartyOutput(allow_null=True, help_text="null: an anonymous posting's owner")
    side_b = DockingPartyOutput()
    viewer_side = serializers.ChoiceField(choices=["a", "b", "secretariat"])
    room = serializers.DictField(help_text='subscribe with {"type":"subscribe", ...this}')
    last_message_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


def thread_out(viewer: Any, thread: Thread) -> dict[str, Any]:
    masked = thread_masks_side_a(viewer, thread)
    return {
        "id": thread.pk,
        "subject": thread.subject,
        "request_id": thread.request_id,
        "project_id": thread.project_id,
        "side_a": None if masked else party_out(thread.a_park, thread.a_organisation),
        "side_b": party_out(thread.b_park, thread.b_organisation),
        "viewer_side": user_side_of_thread(viewer, thread),
        "room": {"room": "thread", "id": thread.pk},
        "last_message_at": _iso(thread.last_message_at),
        "created_at": thread.created_at.isoformat(),
    }


class DockingAttachmentOutput(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.CharField()


class DockingMessageOutput(serializers.Serializer):
    id = serializers.IntegerField()
    side = serializers.ChoiceField(choices=Side.values)
    sender = serializers.CharField(help_text="a display name; masked for an anonymous owner")
    mine = serializers.BooleanField()
    body = serializers.CharField(help_text="plain text; render as text, never as HTML")
    attachment = DockingAttachmentOutput(allow_null=True)
    created_at = serializers.DateTimeField()


def message_out(viewer: Any, thread: Thread, message: Message, *, masked: bool) -> dict[str, Any]:
    if message.side == Side.SECRETARIAT:
        sender = SECRETARIAT.resolve()
    elif masked and message.side == Side.A:
        sender = ANONYMOUS_OWNER.resolve()
    else:
        sender = message.sender.name_for_display if message.sender else ""
    attachment = None
    if message.attachment:
        attachment = {
            "name": message.attachment_name,
            "type": message.attachment_type,
            "size": message.attachment_size,
            "url": reverse("docking-attachment", kwargs={"message_id": message.pk}),
        }
    return {
        "id": message.pk,
        "side": message.side,
        "sender": sender,
        "mine": message.sender_id == viewer.pk,
        "body": message.body,
        "attachment": attachment,
        "created_at": message.created_at.isoformat(),
    }


# --- Recommendations ---------------------------------------------------------------------------


class DockingPathNodeOutput(serializers.Serializer):
    uid = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    name = serializers.CharField()


class DockingPathOutput(serializers.Serializer):
    nodes = DockingPathNodeOutput(many=True)
    relationships = serializers.ListField(child=serializers.CharField())


class DockingReasonOutput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["industry", "partner_cooperation", "partner_park"])
    sentence = serializers.CharField()
    path = DockingPathOutput()


class DockingCounterpartOutput(serializers.Serializer):
    uid = serializers.CharField()
    organisation_id = serializers.IntegerField(allow_null=True)
    label = serializers.CharField()  # type: ignore[assignment]
    name = serializers.CharField()
    score = serializers.FloatField()
    reason = serializers.CharField(help_text="the main reason, one sentence")
    path = DockingPathOutput()
    reasons = DockingReasonOutput(many=True)


def _sentence(kind: str, names: list[str], owner_is_park: bool) -> Bilingual:
    if kind == "industry":
        org, industry = names[0], names[-1]
        return Bilingual(
            zh=f"{org}从事{industry}领域，与该信息的产业方向一致。",
            en=f"{org} is active in {industry}, the posting's industry.",
        )
    if kind == "partner_cooperation":
        partner, org = names[1], names[2]
        if owner_is_park:
            return Bilingual(
                zh=f"{org}与发布园区内的{partner}有合作关系。",
                en=f"{org} cooperates with {partner}, hosted by the posting park.",
            )
        return Bilingual(
            zh=f"{org}与发布方的合作伙伴{partner}有合作关系。",
            en=f"{org} cooperates with {partner}, a partner of the poster.",
        )
    park, org = names[-2], names[-1]
    return Bilingual(
        zh=f"{org}位于发布方的伙伴或飞地园区{park}，且从事相关产业。",
        en=f"{org} is hosted by {park}, a partner or enclave park of the poster's, and works "
        "in a related industry.",
    )


def counterpart_out(counterpart: Any, owner_party: Party) -> dict[str, Any]:
    reasons = []
    for reason in counterpart.reasons:
        names = [n.name for n in reason.nodes]
        reasons.append(
            {
                "kind": reason.kind,
                "sentence": _sentence(reason.kind, names, bool(owner_party.park_id)).resolve(),
                "path": {
                    "nodes": [
                        {"uid": n.uid, "label": n.label, "name": n.name} for n in reason.nodes
                    ],
                    "relationships": list(reason.rels),
                },
            }
        )
    prefix, _, number = counterpart.uid.partition(":")
    return {
        "uid": counterpart.uid,
        "organisation_id": int(number) if prefix == "org" and number.isdigit() else None,
        "label": counterpart.label,
        "name": counterpart.name,
        "score": round(counterpart.score, 3),
        "reason": reasons[0]["sentence"] if reasons else "",
        "path": reasons[0]["path"] if reasons else {"nodes": [], "relationships": []},
        "reasons": reasons,
    }
