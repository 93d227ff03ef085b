"""Channels group names: one room per user, park and meeting (OpenSlides/Loomio style)."""

from __future__ import annotations


def user_group(user_id: int) -> str:
    return f"user-{user_id}"


def park_group(park_id: int) -> str:
    return f"park-{park_id}"


def meeting_group(meeting_id: int) -> str:
    return f"meeting-{meeting_id}"


def thread_group(thread_id: int) -> str:
    return f"thread-{thread_id}"
