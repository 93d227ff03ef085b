"""The text of a meeting's minutes, drafted from its agenda, attendance and decisions.

Plain text with a few conventions the exporters understand: the first line is the title,
lines starting with "一、" style numerals or "## " are headings, everything else paragraphs.
"""

from __future__ import annotations

from django.utils import timezone

from backend.alliance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    ItemStatus,
    Meeting,
)

CN_NUMERALS = "一二三四五六七八九十"


def _numeral(index: int) -> str:
    return CN_NUMERALS[index] if index < len(CN_NUMERALS) else str(index + 1)


def _park_name(park: object | None) -> str:
    return getattr(park, "name", "") or "联盟秘书处"


def draft_body(meeting: Meeting) -> str:
    starts = timezone.localtime(meeting.starts_at).strftime("%Y年%m月%d日 %H:%M")
    lines = [
        f"{meeting.title} 会议纪要",
        f"时间：{starts}",
        f"地点：{meeting.place or meeting.online_link or '—'}",
    ]
    if meeting.host_park is not None:
        lines.append(f"承办园区：{meeting.host_park.name}")
    attendances = list(
        Attendance.objects.filter(meeting=meeting).select_related("park").order_by("park_id")
    )
    present = [a.park.name for a in attendances if a.present]
    absent = [a.park.name for a in attendances if not a.present]
    lines.append(f"出席园区：{'、'.join(present) or '—'}")
    if absent:
        lines.append(f"缺席园区：{'、'.join(absent)}")
    lines.append("")
    items = list(
        AgendaItem.objects.filter(meeting=meeting, status=ItemStatus.ACCEPTED)
        .select_related("park")
        .prefetch_related("decisions__votes", "decisions__actions__owner_park")
        .order_by("position", "id")
    )
    top = 0
    for item in items:
        if item.parent_id is None:
            heading = f"{_numeral(top)}、{item.title}"
            top += 1
        else:
            heading = f"（子议题）{item.title}"
        lines.append(f"## {heading}")
        lines.append(
            f"提出单位：{_park_name(item.park)}；类别：{item.get_kind_display().split()[0]}"
        )
        if item.text:
            lines.append(item.text)
        for decision in item.decisions.all():
            status = decision.get_status_display().split()[0]
            lines.append(f"决议（{status}）：{decision.text}")
            votes = list(decision.votes.all())
            if votes:
                tally = {
                    c: sum(1 for v in votes if v.choice == c)
                    for c in ("agree", "oppose", "abstain")
                }
                lines.append(
                    f"表决：同意 {tally['agree']}，反对 {tally['oppose']}，弃权 {tally['abstain']}"
                )
            for action in decision.actions.all():
                lines.append(
                    f"督办：{action.text}（责任单位：{owner_of(action)}；期限：{action.deadline}）"
                )
        lines.append("")
    if not items:
        lines.append("本次会议无议题。")
    return "\n".join(lines).strip() + "\n"


def owner_of(action: ActionItem) -> str:
    parts = [action.owner_park.name] if action.owner_park is not None else []
    if action.owner_unit:
        parts.append(action.owner_unit)
    return "、".join(parts)
