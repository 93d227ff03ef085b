"""Search keys for Chinese names: full pinyin and initials, so `jiangning` and `jn` find 江宁."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin_full(text: str) -> str:
    return "".join(lazy_pinyin(text, errors="default")).lower().replace(" ", "")


def pinyin_initials(text: str) -> str:
    return "".join(
        part[:1] for part in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    ).lower()


def search_key(*names: str) -> str:
    """One lower-case string holding each name, its full pinyin and its initials."""
    parts: list[str] = []
    for name in names:
        if name:
            parts += [name.lower(), pinyin_full(name), pinyin_initials(name)]
    return " ".join(parts)
