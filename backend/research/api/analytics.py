"""Graph analytics for researchers (graph/analytics.py).

Who may read: console users (researchers, the secretariat, administrators); a park's chain
gaps also the staff of that park. Nothing here writes. Subgraphs are capped (max_nodes, at
most 200,000 nodes and 2,000,000 relationships); a subgraph over the cap is a 400 that says
by how much, never a result computed on part of it.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import access_park_for_user
from backend.accounts.permissions import IsSignedIn
from backend.core.graph import graph_database, graph_driver
from backend.research.access import require_chain_gaps_access, require_console_user
from backend.research.errors import from_analytics_error, invalid
from backend.research.params import (
    choices,
    float_in_range,
    int_in_range,
    subgraph_filter_from_mapping,
)
from graph import analytics
from graph.analytics import AnalyticsError
from graph.labels import Label
from graph.queries.research import MAX_PATH_HOPS

UID = re.compile(r"^(park|org|industry|city|zone|alliance):[\w-]{1,40}$")
FILTER_PARAMETERS = [
    OpenApiParameter(n, str) for n in ("label", "city", "industry", "types", "max_nodes")
]


def _filter_echo(flt: analytics.SubgraphFilter, max_nodes: int) -> dict[str, Any]:
    return {
        "labels": list(flt.labels) if flt.labels else None,
        "city": flt.city_uid,
        "industry": flt.industry_uid,
        "types": list(flt.types),
        "max_nodes": max_nodes,
    }


class AnalyticsOptionsApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="Choices for the analytics forms", responses=dict)
    def get(self, request: Request) -> Response:
        require_console_user(request.user)
        return Response(
            {
                "labels": [label.value for label in Label],
                "default_labels": list(analytics.DEFAULT_LABELS),
                "types": list(analytics.ALL_RELATIONSHIP_TYPES),
                "default_types": list(analytics.DEFAULT_TYPES),
                "measures": list(analytics.MEASURES),
                "methods": list(analytics.COMMUNITY_METHODS),
                "max_nodes": {"default": analytics.DEFAULT_MAX_NODES, "max": analytics.MAX_NODES},
                "max_path_hops": MAX_PATH_HOPS,
            }
        )


class CentralityApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Degree, betweenness and PageRank over a chosen subgraph (console users)",
        parameters=[
            *FILTER_PARAMETERS,
            OpenApiParameter("measures", str),
            OpenApiParameter("top", int),
        ],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        require_console_user(request.user)
        flt, max_nodes = subgraph_filter_from_mapping(request.query_params)
        measures = choices(
            request.query_params.get("measures"), "measures", analytics.MEASURES, analytics.MEASURES
        )
        top = int_in_range(
            request.query_params.get("top"), "top", minimum=1, maximum=200, default=20
        )
        try:
            result = analytics.centrality(
                graph_driver(),
                graph_database(),
                flt,
                measures=measures,
                top=top,
                max_nodes=max_nodes,
            )
        except AnalyticsError as exc:
            raise from_analytics_error(exc) from exc
        return Response({"filter": _filter_echo(flt, max_nodes), **asdict(result)})


class CommunitiesApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Communities (Louvain or Leiden) over a chosen subgraph (console users)",
        parameters=[
            *FILTER_PARAMETERS,
            OpenApiParameter("method", str),
            OpenApiParameter("resolution", float),
        ],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        require_console_user(request.user)
        flt, max_nodes = subgraph_filter_from_mapping(request.query_params)
        method = choices(
            request.query_params.get("method"), "method", analytics.COMMUNITY_METHODS, ("louvain",)
        )
        if len(method) != 1:
            raise invalid("method", "只能选一种方法。", "Choose one method.")
        resolution = float_in_range(
            request.query_params.get("resolution"),
            "resolution",
            minimum=0.05,
            maximum=10,
            default=1.0,
        )
        try:
            result = analytics.communities(
                graph_driver(),
                graph_database(),
                flt,
                method=method[0],
                resolution=resolution,
                max_nodes=max_nodes,
            )
        except AnalyticsError as exc:
            raise from_analytics_error(exc) from exc
        body = asdict(result)
        body["graph"]["capped"] = result.graph.capped
        return Response({"filter": _filter_echo(flt, max_nodes), **body})


class ChainGapsApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="A park's industry-chain gaps against its partner and enclave parks",
        parameters=[OpenApiParameter("park", int), OpenApiParameter("min_gap", float)],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        park_id = int_in_range(
            request.query_params.get("park"), "park", minimum=1, maximum=2**31 - 1, default=0
        )
        if not park_id:
            raise invalid("park", "请指定园区。", "Choose a park.")
        require_chain_gaps_access(request.user, park_id)
        park = access_park_for_user(request.user, park_id)
        min_gap = float_in_range(
            request.query_params.get("min_gap"),
            "min_gap",
            minimum=0,
            maximum=1,
            default=analytics.DEFAULT_MIN_GAP,
        )
        result = analytics.chain_gaps(graph_driver(), graph_database(), park.uid, min_gap=min_gap)
        if result is None:
            return Response(
                {
                    "park": {"uid": park.uid, "name": park.name},
                    "peers": [],
                    "anchors": [],
                    "gaps": [],
                    "candidates": 0,
                    "in_graph": False,
                }
            )
        return Response({**asdict(result), "in_graph": True})


class CollaborationApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Collaboration-strength matrix between parks (console users)",
        parameters=[
            OpenApiParameter("parks", str),
            OpenApiParameter("city", str),
            OpenApiParameter("alliance", bool),
            OpenApiParameter("limit", int),
        ],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        require_console_user(request.user)
        raw_parks = request.query_params.get("parks") or ""
        park_uids: list[str] = []
        for part in [p.strip() for p in raw_parks.split(",") if p.strip()]:
            text = part.removeprefix("park:")
            if not text.isdigit() or len(text) > 12:
                raise invalid(
                    "parks",
                    "parks 须为逗号分隔的园区编号。",
                    "parks must be comma-separated park ids.",
                )
            park_uids.append(f"park:{int(text)}")
        if len(park_uids) > analytics.MAX_MATRIX_PARKS:
            raise invalid(
                "parks",
                f"最多比较 {analytics.MAX_MATRIX_PARKS} 个园区。",
                f"At most {analytics.MAX_MATRIX_PARKS} parks can be compared.",
            )
        flt, _ = subgraph_filter_from_mapping({"city": request.query_params.get("city")})
        alliance = (request.query_params.get("alliance") or "").lower()
        if alliance not in ("", "true", "false", "1", "0"):
            raise invalid(
                "alliance", "alliance 须为 true 或 false。", "alliance must be true or false."
            )
        limit = int_in_range(
            request.query_params.get("limit"),
            "limit",
            minimum=2,
            maximum=analytics.MAX_MATRIX_PARKS,
            default=30,
        )
        matrix = analytics.collaboration_matrix(
            graph_driver(),
            graph_database(),
            park_uids=park_uids or None,
            city_uid=flt.city_uid,
            alliance_only=alliance in ("true", "1"),
            limit=len(park_uids) if park_uids else limit,
        )
        return Response(asdict(matrix))


class PathsApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="All shortest paths between two entities (console users)",
        parameters=[
            OpenApiParameter(n, str) for n in ("source", "target", "max_hops", "limit", "types")
        ],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        require_console_user(request.user)
        ends = []
        for name in ("source", "target"):
            raw = request.query_params.get(name, "")
            if not UID.match(raw):
                raise invalid(
                    name,
                    f"{name} 须为实体标识，如 park:12、org:345。",
                    f"{name} must be an entity uid such as park:12 or org:345.",
                )
            ends.append(raw)
        if ends[0] == ends[1]:
            raise invalid("target", "起点与终点相同。", "Source and target are the same.")
        max_hops = int_in_range(
            request.query_params.get("max_hops"),
            "max_hops",
            minimum=1,
            maximum=MAX_PATH_HOPS,
            default=6,
        )
        limit = int_in_range(
            request.query_params.get("limit"), "limit", minimum=1, maximum=50, default=10
        )
        types = choices(
            request.query_params.get("types"), "types", analytics.ALL_RELATIONSHIP_TYPES, ()
        )
        result = analytics.paths_between(
            graph_driver(),
            graph_database(),
            ends[0],
            ends[1],
            max_hops=max_hops,
            limit=limit,
            types=types or None,
        )
        return Response(
            {
                "found": result.found,
                "length": result.length,
                "paths": result.paths,
                "missing": result.missing,
                "nodes": [asdict(n) for n in result.graph.nodes],
                "edges": [asdict(e) for e in result.graph.edges],
                "capped": result.graph.capped,
            }
        )
