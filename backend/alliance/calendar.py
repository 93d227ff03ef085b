"""An iCalendar (RFC 5545) feed of meetings, written by hand: a handful of fields."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from backend.alliance.models import Meeting, MeetingStatus

DEFAULT_LENGTH = timedelta(hours=2)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> list[str]:
    """Lines over 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return out


def meetings_ics(meetings: Iterable[Meeting], *, name: str, now: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//NingJu//Alliance meetings//ZH",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for meeting in meetings:
        end = meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH
        where = meeting.place or meeting.online_link
        lines += [
            "BEGIN:VEVENT",
            f"UID:alliance-meeting-{meeting.pk}@ningju",
            f"DTSTAMP:{_stamp(now)}",
            f"DTSTART:{_stamp(meeting.starts_at)}",
            f"DTEND:{_stamp(end)}",
            f"SUMMARY:{_escape(meeting.title)}",
            "STATUS:CONFIRMED",
        ]
        if where:
            lines.append(f"LOCATION:{_escape(where)}")
        if meeting.online_link:
            lines.append(f"URL:{meeting.online_link}")
        if meeting.status == MeetingStatus.CLOSED:
            lines.append("DESCRIPTION:会议已结束 Closed")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
