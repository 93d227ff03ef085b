"""The API's input serializers, with references by name instead of by id.

Every rule of ParkInput, OrganisationInput and RelationInput (lengths, enum values, coordinates
inside the circle, non-negative capacities, years, a leading industry listed twice) applies to a
file row unchanged; only `city`, `zone`, `park`, `industries`, `source` and `target` are looked up
by name in `Names`, which the import loads in a few queries before it validates any row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rest_framework import serializers

from backend.core.lib.bilingual import Bilingual
from backend.network.api.organisations import OrganisationInput
from backend.network.api.parks import FocusInput, ParkInput
from backend.network.api.relations import RelationInput
from backend.network.models import (
    PARK_RELATIONS,
    City,
    Industry,
    Organisation,
    OrganisationKind,
    Park,
    RelationKind,
    Zone,
)
from backend.network.transfer.columns import (
    choice_label,
    choice_words_en,
    choice_words_zh,
    end_kind,
)

UID_PATTERN = re.compile(r"^(park|org):(\d{1,18})$")

NO_CITY = Bilingual(zh="找不到名为“{name}”的城市。", en="There is no city named “{name}”.")
NO_ZONE = Bilingual(zh="找不到名为“{name}”的高新区。", en="There is no zone named “{name}”.")
NO_PARK = Bilingual(zh="找不到名为“{name}”的园区。", en="There is no park named “{name}”.")
NO_INDUSTRY = Bilingual(
    zh="找不到名为“{name}”的行业（请使用行业分类中的名称）。",
    en="There is no industry named “{name}” (use a name from the industry taxonomy).",
)
NO_ORGANISATION = Bilingual(
    zh="找不到名为“{name}”的机构。", en="There is no organisation named “{name}”."
)
NO_ORGANISATION_OF_KIND = Bilingual(
    zh="找不到类型为“{kind_zh}”、名为“{name}”的机构。",
    en="There is no organisation of kind {kind} named “{name}”.",
)
NO_UID = Bilingual(zh="找不到编号为“{uid}”的园区或机构。", en="Nothing has the uid “{uid}”.")
AMBIGUOUS = Bilingual(
    zh="“{name}”对应多个机构（{kinds_zh}），请在“{column_zh}”列注明类型。",
    en="“{name}” names several organisations ({kinds}); give its kind in the “{column}” column.",
)
BAD_END_KIND = Bilingual(
    zh="无法识别的类型“{text}”，可填：园区、{kinds_zh}。",
    en="Unknown kind “{text}”; use park or one of {kinds}.",
)


@dataclass
class Names:
    """What a file may refer to, by name (and by uid for relation ends)."""

    cities: dict[str, City] = field(default_factory=dict)
    zones: dict[str, Zone] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)
    parks: dict[str, Park] = field(default_factory=dict)
    organisations: dict[str, list[Organisation]] = field(default_factory=lambda: defaultdict(list))
    by_uid: dict[str, Park | Organisation] = field(default_factory=dict)


def _fail(message: Bilingual, code: str = "unknown_name") -> serializers.ValidationError:
    # Resolved in the active language: the import validates once per language.
    return serializers.ValidationError(message.resolve(), code=code)


class ByName(serializers.Field):
    """A city, zone, park or industry named in a cell."""

    def __init__(self, table: str, missing: Bilingual, **kwargs: Any) -> None:
        self.table = table
        self.missing = missing
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Any:
        name = str(data).strip()
        found = getattr(self.context["names"], self.table).get(name)
        if found is None:
            raise _fail(self.missing.format(name=name))
        return found

    def to_representation(self, value: Any) -> str:
        return str(value.name)


class RelationEnd(serializers.Field):
    """A park or organisation by uid (`park:12`, `org:345`) or by name.

    The importer hands over `{"ref": cell, "kind": the 起点类型/终点类型 cell, "relation_kind":
    code}`: a park relation's ends are parks; an organisation's name that several kinds share
    needs its kind."""

    def __init__(self, side: str, **kwargs: Any) -> None:
        self.side = side
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Park | Organisation:
        names: Names = self.context["names"]
        ref = str(data.get("ref", "")).strip()
        if UID_PATTERN.match(ref):
            entity = names.by_uid.get(ref)
            if entity is None:
                raise _fail(NO_UID.format(uid=ref))
            return entity
        kind_text = str(data.get("kind") or "")
        wanted = end_kind(kind_text) if kind_text else None
        if kind_text and wanted is None:
            raise _fail(
                BAD_END_KIND.format(
                    text=kind_text,
                    kinds_zh=choice_words_zh(OrganisationKind),
                    kinds=choice_words_en(OrganisationKind),
                ),
                code="invalid_choice",
            )
        relation_kind = data.get("relation_kind")
        if wanted is None and relation_kind in PARK_RELATIONS:
            wanted = "park"
        if wanted == "park" or (wanted is None and relation_kind not in RelationKind.values):
            park = names.parks.get(ref)
            if park is not None or wanted == "park":
                if park is None:
                    raise _fail(NO_PARK.format(name=ref))
                return park
        return self._organisation(names, ref, wanted)

    def _organisation(self, names: Names, ref: str, kind: str | None) -> Organisation:
        candidates = names.organisations.get(ref, [])
        if kind is not None:
            candidates = [o for o in candidates if o.kind == kind]
            if not candidates:
                raise _fail(
                    NO_ORGANISATION_OF_KIND.format(
                        name=ref, kind=kind, kind_zh=choice_label(OrganisationKind, kind)
                    )
                )
        if not candidates:
            raise _fail(NO_ORGANISATION.format(name=ref))
        if len(candidates) > 1:
            kinds = sorted({o.kind for o in candidates})
            raise _fail(
                AMBIGUOUS.format(
                    name=ref,
                    kinds=", ".join(kinds),
                    kinds_zh="、".join(choice_label(OrganisationKind, k) for k in kinds),
                    column=f"{self.side}_kind",
                    column_zh="起点类型" if self.side == "source" else "终点类型",
                ),
                code="ambiguous",
            )
        return candidates[0]

    def to_representation(self, value: Park | Organisation) -> str:
        return str(value.uid)


class ImportFocusInput(FocusInput):
    industry = ByName("industries", NO_INDUSTRY)  # type: ignore[assignment]


class ImportParkInput(ParkInput):
    city = ByName("cities", NO_CITY, allow_null=True, required=False)  # type: ignore[assignment]
    zone = ByName("zones", NO_ZONE, allow_null=True, required=False)  # type: ignore[assignment]
    industries = ImportFocusInput(many=True, required=False)


class ImportOrganisationInput(OrganisationInput):
    city = ByName("cities", NO_CITY, allow_null=True, required=False)  # type: ignore[assignment]
    park = ByName("parks", NO_PARK, allow_null=True, required=False)  # type: ignore[assignment]
    industries = serializers.ListField(  # type: ignore[assignment]
        child=ByName("industries", NO_INDUSTRY), required=False
    )


class ImportRelationInput(RelationInput):
    source = RelationEnd("source")  # type: ignore[assignment]
    target = RelationEnd("target")  # type: ignore[assignment]
