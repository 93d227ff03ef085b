"""What a notification is about: one fixed enum, extended by the features that send them.

A feature that needs a new kind adds a member here (label "中文 English", like accounts.Role)
and, if it is urgent, lists it in URGENT_KINDS. The database column stores the value without
`choices`, so adding a kind needs no migration.
"""

from __future__ import annotations

from django.db import models

from backend.core.lib.bilingual import Bilingual


class NotificationKind(models.TextChoices):
    ANNOUNCEMENT = "system.announcement", "系统公告 Announcement"
    REMINDER = "system.reminder", "提醒 Reminder"
    MATCH_CREATED = "match.created", "新的强匹配 New strong match"
    MATCH_NEGOTIATING = "match.negotiating", "双方有意向 Both parks interested"
    LEAD_HANDOFF = "match.handoff", "招商线索转交 Lead hand-off"
    AGREEMENT_CONFIRMED = "agreement.confirmed", "分享协议确认 Agreement confirmed"
    DOCKING_ANSWERED = "docking.answered", "对接请求已答复 Docking request answered"
    AGENDA_PUBLISHED = "agenda.published", "议程已发布 Agenda published"
    AGENDA_ITEM_ADVANCED = "agenda.item_advanced", "议题已切换 Agenda item moved on"
    MEETING_REMINDER = "meeting.reminder", "会议提醒 Meeting reminder"
    ACTION_ITEM_DUE = "action_item.due", "督办事项到期 Action item due"
    AGENDA_ITEM_TRIAGED = "agenda.item_triaged", "议题审核结果 Agenda item screened"
    MINUTES_PUBLISHED = "minutes.published", "会议纪要已发布 Minutes published"
    DOCKING_REQUESTED = "docking.requested", "新的对接请求 New docking request"
    DOCKING_MESSAGE = "docking.message", "对接会话新消息 New docking message"
    POSTING_MATCHES_SEARCH = "posting.matches_search", "订阅的新对接信息 Saved-search match"
    POSTING_REVIEWED = "posting.reviewed", "对接信息审核结果 Posting reviewed"


# Urgent kinds also pop up as a toast in the web app, besides the bell.
URGENT_KINDS = frozenset({NotificationKind.MEETING_REMINDER, NotificationKind.ACTION_ITEM_DUE})

_UNKNOWN_LABEL = Bilingual(zh="通知", en="Notification")


def kind_label(kind: str) -> Bilingual:
    """The label of a stored kind; a value no longer in the enum reads as a plain notice."""
    try:
        label = NotificationKind(kind).label
    except ValueError:
        return _UNKNOWN_LABEL
    zh, _, en = str(label).partition(" ")
    return Bilingual(zh=zh, en=en)


def is_urgent(kind: str) -> bool:
    return kind in URGENT_KINDS
