"""Agreed dockings become ties between parks in the innovation graph.

Policy section 十四 builds joint investment on the parks' record of working together; a
docking both sides agreed is such a record. When a docking request is agreed between parties
of two different parks (a park itself, or an organisation it hosts), the network gets a
DOCKED_WITH relation between the two parks, written through the network's own service, so it
reaches Neo4j through the outbox like every curated relation. Matching counts it as network
proximity, with the relationship as the path that explains it.

One relation per pair of parks: later agreed dockings between the same parks add nothing.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.core.errors import Conflict
from backend.docking.models import DockingRequest
from backend.network.models import Organisation, Park, Relation, RelationKind
from backend.network.services import relation_create


def _park_of(park: Park | None, organisation: Organisation | None) -> Park | None:
    if park is not None:
        return park
    return organisation.park if organisation is not None else None


def docking_tie_record(request: DockingRequest) -> Relation | None:
    """The DOCKED_WITH relation this agreed docking adds, or None when it adds none (a party
    without a park, both parties in one park, or the two parks already tied). Never fails the
    agreement: a tie written at the same moment by another agreement is simply there."""
    posting = request.posting
    owner = _park_of(posting.owner_park, posting.owner_organisation)
    requester = _park_of(request.requester_park, request.requester_organisation)
    if owner is None or requester is None or owner.pk == requester.pk:
        return None
    low, high = sorted((owner, requester), key=lambda p: p.pk)
    if Relation.objects.filter(
        kind=RelationKind.DOCKED_WITH, source_park=low, target_park=high
    ).exists():
        return None
    agreed_on = timezone.localdate(request.agreed_at) if request.agreed_at else None
    try:
        with transaction.atomic():  # a savepoint: a lost race leaves the agreement intact
            return relation_create(
                kind=RelationKind.DOCKED_WITH,
                source=owner,
                target=requester,
                name=posting.title[:128],
                started_on=agreed_on,
                source_note=f"对接平台 docking request #{request.pk}",
            )
    except (Conflict, IntegrityError):
        return None
