"""The graph entities an agenda item links to (`park:12`, `org:3`, `project:7` …) must exist,
and the submitter must be able to see them; otherwise the submission is refused naming them.

One resolver per uid kind answers which of the given primary keys exist for this user. The
docking app (being built in backend/docking/) hooks in with `register_link_resolver("posting",
…)` to apply its own visibility rules; until it does, the fallback below accepts a posting that
exists in the docking app's `Posting` model once that app is installed, and none before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.apps import apps
from django.db.models import Model

from backend.core.errors import ValidationFailed
from backend.core.lib.bilingual import Bilingual

# (user, primary keys) -> the primary keys that exist and that user may link to.
LinkResolver = Callable[[Any, Sequence[int]], set[int]]

UNKNOWN_LINKS = Bilingual(
    zh="关联对象不存在或无权查看：{uids}",
    en="Linked entities not found or not visible to you: {uids}",
)


def _rows_of(app_label: str, model_name: str) -> LinkResolver:
    def resolve(user: Any, pks: Sequence[int]) -> set[int]:
        model: type[Model] = apps.get_model(app_label, model_name)
        return set(model._default_manager.filter(pk__in=pks).values_list("pk", flat=True))

    return resolve


def _projects(user: Any, pks: Sequence[int]) -> set[int]:
    # Through matching's own read rules: a project hidden from this park does not exist for it.
    from backend.matching.selectors import project_list_for_user

    rows = project_list_for_user(user).filter(pk__in=pks)
    return set(rows.values_list("pk", flat=True))


def _postings(user: Any, pks: Sequence[int]) -> set[int]:
    # Hook until the docking app registers its own resolver (see the module docstring).
    try:
        model = apps.get_model("docking", "Posting")
    except LookupError:
        return set()
    return set(model._default_manager.filter(pk__in=pks).values_list("pk", flat=True))


_RESOLVERS: dict[str, LinkResolver] = {
    "park": _rows_of("network", "Park"),
    "org": _rows_of("network", "Organisation"),
    "industry": _rows_of("network", "Industry"),
    "city": _rows_of("network", "City"),
    "zone": _rows_of("network", "Zone"),
    "project": _projects,
    "posting": _postings,
}


def register_link_resolver(kind: str, resolver: LinkResolver) -> None:
    """Let another app (docking: "posting") decide which of its entities exist for a user."""
    _RESOLVERS[kind] = resolver


def unknown_links(user: Any, uids: Sequence[str]) -> list[str]:
    """The uids, in the order given, that name nothing this user can see."""
    wanted: dict[str, dict[int, list[str]]] = {}
    unknown: set[str] = set()
    for uid in uids:
        kind, _, key = uid.partition(":")
        if kind not in _RESOLVERS or not key.isdigit() or len(key) > 18:
            unknown.add(uid)
            continue
        wanted.setdefault(kind, {}).setdefault(int(key), []).append(uid)
    for kind, by_pk in wanted.items():
        found = _RESOLVERS[kind](user, list(by_pk))
        unknown.update(uid for pk, named in by_pk.items() if pk not in found for uid in named)
    return [uid for uid in dict.fromkeys(uids) if uid in unknown]


def check_links(user: Any, uids: Sequence[str]) -> None:
    missing = unknown_links(user, uids)
    if missing:
        raise ValidationFailed(
            Bilingual(
                zh=UNKNOWN_LINKS.zh.format(uids="、".join(missing)),
                en=UNKNOWN_LINKS.en.format(uids=", ".join(missing)),
            ),
            {"field": "linked_uids", "unknown": missing},
        )
