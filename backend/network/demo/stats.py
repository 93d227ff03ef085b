"""How many relationships the graph projection of the current rows holds, counted in SQL.

Mirrors what graph/projection.py draws from each row (see DERIVED_TYPES in graph/labels.py),
so seed_synthetic can size its relations to a target and report the result without Neo4j.
"""

from __future__ import annotations

from django.db.models import Count, Q

from backend.network.models import (
    Industry,
    IndustryLink,
    Organisation,
    OrganisationIndustry,
    Park,
    ParkIndustry,
    Relation,
    Zone,
)


def graph_relationship_estimate() -> dict[str, int]:
    """Relationship type -> expected count; the relation table counts by its kind."""
    parks = Park.objects.aggregate(
        in_city=Count("id", filter=Q(city__isnull=False)),
        part_of=Count("id", filter=Q(zone__isnull=False)),
        member_of=Count("id", filter=Q(alliance_member=True)),
    )
    counts = {
        "IN_CITY": parks["in_city"] + Zone.objects.count(),
        "PART_OF": parks["part_of"],
        "MEMBER_OF": parks["member_of"],
        "FOCUSES_ON": ParkIndustry.objects.count(),
        "CHILD_OF": Industry.objects.filter(parent__isnull=False).count(),
        "SUPPLIES": IndustryLink.objects.count(),
        "HOSTS": Organisation.objects.filter(park__isnull=False).count(),
        "ACTIVE_IN": OrganisationIndustry.objects.count(),
    }
    for kind, n in Relation.objects.values_list("kind").annotate(n=Count("id")).order_by("kind"):
        counts[kind] = n
    return counts
