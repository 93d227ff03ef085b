"""Graph reads served from Neo4j, and the cross-entity search box.

Who may read: every signed-in user with a role (anonymous users read nothing). No writes.
Caps: at most 3 hops and 500 nodes for neighbours, 8 hops for paths; `capped` says when a cap
cut the answer short.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import access_park_for_user, require_reader
from backend.accounts.permissions import IsSignedIn
from backend.core.errors import NotFound, ValidationFailed
from backend.core.graph import graph_database, graph_driver
from backend.core.lib.bilingual import Bilingual
from backend.network.api.common import query_choice, query_int, query_text
from backend.network.selectors import search_entities
from graph.labels import Label
from graph.queries.explore import MAX_PATH_HOPS
from graph.repository.explore import Subgraph, neighbours, park_ecosystem, shortest_path

UID = re.compile(r"^(park|org|industry|city|zone|alliance):[\w-]{1,40}$")
NO_NODE = Bilingual(zh="图谱中没有这个对象。", en="No such entity in the graph.")


def _uid(request: Request, name: str) -> str:
    raw = request.query_params.get(name, "")
    if not UID.match(raw):
        message = Bilingual(
            zh=f"参数 {name} 须为实体标识，如 park:12、org:345。",
            en=f"Parameter {name} must be an entity uid such as park:12 or org:345.",
        )
        raise ValidationFailed(message, detail={name: [message.resolve()]})
    return raw


def _subgraph(graph: Subgraph) -> dict[str, Any]:
    return {
        "nodes": [asdict(n) for n in graph.nodes],
        "edges": [asdict(e) for e in graph.edges],
        "capped": graph.capped,
    }


class NeighboursApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="An entity and its neighbours to k hops (capped)",
        parameters=[
            OpenApiParameter(n, str) for n in ("uid", "hops", "limit", "label", "city", "industry")
        ],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        uid = _uid(request, "uid")
        hops = query_int(request, "hops", minimum=1, maximum=3, default=1) or 1
        limit = query_int(request, "limit", minimum=1, maximum=500, default=150) or 150
        label = query_choice(request, "label", [label.value for label in Label])
        city = query_int(request, "city")
        industry = query_int(request, "industry")
        graph = neighbours(
            graph_driver(),
            graph_database(),
            uid,
            hops=hops,
            limit=limit,
            labels=[label] if label else None,
            city_uid=f"city:{city}" if city is not None else None,
            industry_uid=f"industry:{industry}" if industry is not None else None,
        )
        if graph is None:
            raise NotFound(NO_NODE)
        return Response({**_subgraph(graph), "hops": hops})


class PathApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="A shortest path between two entities",
        parameters=[OpenApiParameter(n, str) for n in ("source", "target", "max_hops")],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        source, target = _uid(request, "source"), _uid(request, "target")
        max_hops = query_int(request, "max_hops", minimum=1, maximum=MAX_PATH_HOPS, default=6) or 6
        if source == target:
            message = Bilingual(zh="起点与终点相同。", en="Source and target are the same.")
            raise ValidationFailed(message, detail={"target": [message.resolve()]})
        graph = shortest_path(graph_driver(), graph_database(), source, target, max_hops=max_hops)
        if graph is None:
            return Response({"found": False, "length": None, "nodes": [], "edges": []})
        return Response({"found": True, "length": len(graph.edges), **_subgraph(graph)})


class ParkEcosystemApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="A park's ecosystem: what it hosts, their partners, partner and enclave parks",
        responses=dict,
    )
    def get(self, request: Request, park_id: int) -> Response:
        park = access_park_for_user(request.user, park_id)
        limit = query_int(request, "limit", minimum=1, maximum=500, default=200) or 200
        ecosystem = park_ecosystem(graph_driver(), graph_database(), park.uid, limit=limit)
        if ecosystem is None:
            raise NotFound(NO_NODE)
        graph = _subgraph(ecosystem.graph)
        return Response(
            {
                "park": graph["nodes"][0],
                **graph,
                "summary": {
                    "hosted": ecosystem.hosted,
                    "cooperating": ecosystem.cooperating,
                    "partner_parks": ecosystem.partner_parks,
                    "enclaves": ecosystem.enclaves,
                },
            }
        )


class SearchApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Search parks, organisations, industries, cities and zones by "
        "Chinese name, pinyin or initials",
        parameters=[OpenApiParameter("q", str), OpenApiParameter("limit", int)],
        responses={200: {"type": "array", "items": {"type": "object"}}},  # a list of hits
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        q = query_text(request, "q", max_length=50)
        limit = query_int(request, "limit", minimum=1, maximum=50, default=20) or 20
        return Response(search_entities(q, limit=limit) if q else [])
