from __future__ import annotations

from dataclasses import asdict

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsSignedIn
from backend.network.api.common import query_int, query_text
from backend.search.selectors import MAX_QUERY_LENGTH, global_search


class SearchApi(APIView):
    """GET ?q=&limit=: the header's global search. Hits grouped by kind (park, organisation,
    project, posting, meeting, agenda_item), each only if the user may see it."""

    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Search parks, organisations, projects, postings, meetings and agenda items "
        "(Chinese, pinyin or initials)",
        parameters=[OpenApiParameter("q", str), OpenApiParameter("limit", int)],
        responses=dict,
    )
    def get(self, request: Request) -> Response:
        q = query_text(request, "q", max_length=MAX_QUERY_LENGTH)
        limit = query_int(request, "limit", minimum=1, maximum=20, default=5) or 5
        english = str(getattr(request, "LANGUAGE_CODE", "zh-hans")).startswith("en")
        hits = global_search(user=request.user, q=q or "", limit=limit, english=english)
        return Response({"q": q or "", "results": [asdict(hit) for hit in hits]})
