"""The fixed vocabulary of labels and relationship types. Queries that vary by label or type
are built from these enums at import time, never from user input."""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    CITY = "City"
    ZONE = "Zone"
    PARK = "Park"
    ALLIANCE = "Alliance"
    ORGANISATION = "Organisation"
    UNIVERSITY = "University"
    LAB = "Lab"
    ENTERPRISE = "Enterprise"
    INCUBATOR = "Incubator"
    FINANCIER = "Financier"
    INDUSTRY = "Industry"


# Organisation kind (system of record) -> its kind label in the graph.
ORGANISATION_LABELS: dict[str, Label] = {
    "university": Label.UNIVERSITY,
    "lab": Label.LAB,
    "enterprise": Label.ENTERPRISE,
    "incubator": Label.INCUBATOR,
    "financier": Label.FINANCIER,
}


class RelationType(StrEnum):
    ENCLAVE_OF = "ENCLAVE_OF"
    PARTNER_OF = "PARTNER_OF"
    COOPERATES_WITH = "COOPERATES_WITH"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    SUPPLIES_TO = "SUPPLIES_TO"
    DOCKED_WITH = "DOCKED_WITH"


# Endpoint label of each relation type (rows of the Relation table).
RELATION_ENDPOINT: dict[RelationType, Label] = {
    RelationType.ENCLAVE_OF: Label.PARK,
    RelationType.PARTNER_OF: Label.PARK,
    RelationType.COOPERATES_WITH: Label.ORGANISATION,
    RelationType.AFFILIATED_WITH: Label.ORGANISATION,
    RelationType.SUPPLIES_TO: Label.ORGANISATION,
    RelationType.DOCKED_WITH: Label.PARK,
}

# Relationships derived from a node's own row (replaced whenever the node is projected).
DERIVED_TYPES = (
    "IN_CITY",
    "PART_OF",
    "MEMBER_OF",
    "FOCUSES_ON",
    "HOSTS",
    "ACTIVE_IN",
    "CHILD_OF",
    "SUPPLIES",
)

ALLIANCE_UID = "alliance:nanjing-metro"
ALLIANCE_NAME = "南京都市圈高新区发展联盟"
