"""Full-text search for postings that works for Chinese without spaces and for mixed
Chinese/English terms, the same on PostgreSQL and SQLite.

Stored side: `build_search_text` normalises a posting's words (NFKC, so full-width letters and
digits become ASCII; lower case) and puts a space wherever a Chinese run meets a Latin word or
punctuation, with a space at both ends: "车规级AI芯片, Edge-AI" -> " 车规级 ai 芯片 edge ai ".

Query side: `parse_query` splits the query at spaces and at Chinese/Latin boundaries, and cuts
each Chinese run into words with jieba ("人工智能芯片" -> 人工智能, 芯片; runs of single
characters are glued back, so 车规级 stays one needle). Every resulting term must match (AND);
a term matches if any of its alternatives (the term and its glossary synonyms: 人工智能 ~ AI,
芯片 ~ 集成电路 ~ IC …) occurs. A Latin alternative must start a word (" ai"), so "ai" does not
match "chain"; a Chinese one may occur anywhere inside a Chinese run.

`posting_filter` turns the terms into a Q over `search_text` (icontains; on PostgreSQL a
pg_trgm index serves it, see migration 0002); `text_matches` applies the same rule in Python
(saved-search alerts), so both always agree.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8

# Bilingual glossary of the platform's domain: each group is one concept. Kept small and
# explicit: a person searching 芯片 expects 集成电路 postings, and AI expects 人工智能.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("人工智能", "ai", "智能算法"),
    ("芯片", "集成电路", "ic", "chip", "半导体"),
    ("生物医药", "医药", "biomed", "biomedicine", "pharma"),
    ("新能源汽车", "电动汽车", "ev"),
    ("机器人", "robot", "robotics"),
    ("软件", "software"),
    ("大数据", "big data", "数据"),
    ("光电", "光电子", "photonics", "optoelectronics"),
    ("新材料", "材料", "materials"),
    ("融资", "投资", "融资需求", "financing", "investment"),
    ("人才", "招聘", "talent", "hiring"),
    ("实验室", "lab", "laboratory"),
    ("厂房", "载体", "空间", "space", "标准厂房"),
    ("仪器", "设备", "instrument", "equipment"),
    ("物联网", "iot"),
    ("5g", "第五代移动通信"),
)
_SYNONYMS: dict[str, tuple[str, ...]] = {word: group for group in SYNONYM_GROUPS for word in group}
# Words too common to narrow anything down when they stand alone.
STOP_WORDS = frozenset(
    {"的", "和", "与", "及", "或", "在", "了", "等", "是", "对", "为", "a", "the", "of", "and"}
)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[a-z0-9]+(?:[.+#][a-z0-9]+)*")
_IS_CJK = re.compile(rf"^[{_CJK}]+$")

_jieba_lock = threading.Lock()
_jieba_ready = False


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def build_search_text(*parts: str) -> str:
    """The stored search column: every Chinese run and Latin word, space-separated."""
    tokens = [t for part in parts for t in _tokens(part)]
    return f" {' '.join(tokens)} " if tokens else ""


def _segment(run: str) -> list[str]:
    """Jieba words of a Chinese run; consecutive single characters glued back together."""
    global _jieba_ready
    import jieba

    with _jieba_lock:
        if not _jieba_ready:
            jieba.setLogLevel(logging.WARNING)
            for group in SYNONYM_GROUPS:
                for word in group:
                    if _IS_CJK.match(word):
                        jieba.add_word(word)
            _jieba_ready = True
    words: list[str] = []
    glue = ""
    for word in jieba.lcut(run, HMM=False):
        if len(word) == 1 and word not in STOP_WORDS:
            glue += word
            continue
        if glue:
            words.append(glue)
            glue = ""
        if word not in STOP_WORDS:
            words.append(word)
    if glue:
        words.append(glue)
    return words


@dataclass(frozen=True)
class Term:
    """One required concept: matches if any needle occurs in the search text."""

    text: str
    needles: tuple[str, ...]


def _needle(word: str) -> str:
    # Latin words must start a word of the stored text; Chinese may sit inside a run.
    return word if _IS_CJK.match(word) else f" {word}"


def _term(word: str) -> Term:
    alternatives = _SYNONYMS.get(word, (word,))
    needles: list[str] = []
    for alternative in (word, *alternatives):
        tokens = _tokens(alternative)
        if len(tokens) != 1:
            continue  # a multi-word synonym ("big data") cannot be one needle; the others do
        needle = _needle(tokens[0])
        if needle not in needles:
            needles.append(needle)
    return Term(text=word, needles=tuple(needles))


def parse_query(query: str) -> list[Term]:
    """The query's required terms (AND), each with its alternatives (OR). Empty: no filter."""
    words: list[str] = []
    for token in _tokens(query[:MAX_QUERY_LENGTH]):
        if _IS_CJK.match(token) and len(token) > 2:
            words.extend(_segment(token))
        elif token not in STOP_WORDS:
            words.append(token)
    seen: set[str] = set()
    terms = []
    for word in words:
        if word and word not in seen:
            seen.add(word)
            terms.append(_term(word))
    return terms[:MAX_TERMS]


def posting_filter(terms: Iterable[Term], field: str = "search_text") -> Q:
    condition = Q()
    for term in terms:
        either = Q()
        for needle in term.needles:
            either |= Q(**{f"{field}__contains": needle})
        condition &= either
    return condition


def text_matches(search_text: str, terms: Iterable[Term]) -> bool:
    return all(any(n in search_text for n in term.needles) for term in terms)
