"""File import and export of parks, organisations and relations (.csv and .xlsx).

Who may import: the secretariat and administrators. Who may export: every signed-in user with a
role. The work is in backend/network/transfer/; the views check who asks, read parameters and
the upload, and hand over.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial
from typing import Any
from urllib.parse import quote

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import require_curator, require_reader
from backend.accounts.permissions import IsSignedIn
from backend.core.errors import ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.network.api.common import query_bool, query_choice, query_int, query_text
from backend.network.models import Level, OrganisationKind, ParkKind, RelationKind
from backend.network.selectors import FLAG_FILTERS
from backend.network.transfer.columns import Entity
from backend.network.transfer.errors import InvalidUpload, UploadTooLarge
from backend.network.transfer.exporting import (
    XLSX_MEDIA_TYPE,
    Format,
    network_export,
)
from backend.network.transfer.importing import MAX_ROWS, MAX_UPLOAD_BYTES, Mode, network_import

# Room for the multipart envelope around the file itself.
MULTIPART_OVERHEAD = 64 * 1024

TOO_LARGE = Bilingual(
    zh="文件过大：最大 {mb} MB。请拆分后分批导入。",
    en="The file is too large: at most {mb} MB. Split it and import the parts one by one.",
)
NO_FILE = Bilingual(
    zh="请以 multipart/form-data 上传文件，字段名为 file。",
    en="Upload the file as multipart/form-data in the field named “file”.",
)
MISSING_PARAMETER = Bilingual(
    zh="缺少参数 {name}（可选：{choices}）。", en="The parameter {name} is missing ({choices})."
)


def _required_choice(request: Request, name: str, choices: list[str]) -> str:
    value = query_choice(request, name, choices)
    if value is None:
        message = MISSING_PARAMETER.format(name=name, choices=", ".join(choices))
        raise ValidationFailed(message, detail={name: [message.resolve()]})
    return value


def _too_large() -> UploadTooLarge:
    return UploadTooLarge(TOO_LARGE.format(mb=MAX_UPLOAD_BYTES // (1024 * 1024)))


class ImportUpload(serializers.Serializer):
    file = serializers.FileField(help_text=".csv (UTF-8 or GB18030) or .xlsx, at most 5 MB")


class ImportOutput(serializers.Serializer):
    entity = serializers.CharField()
    mode = serializers.CharField()
    rows = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()


class ImportRowError(serializers.Serializer):
    row = serializers.IntegerField(help_text="Spreadsheet row, the header being row 1")
    column = serializers.CharField(help_text="The header as written in the file")
    reason_zh = serializers.CharField()
    reason_en = serializers.CharField()


class ImportRejectedOutput(serializers.Serializer):
    code = serializers.CharField(help_text="import_rejected; invalid_file for an unreadable file")
    message = serializers.CharField()
    # A field named `errors` would shadow Serializer.errors, hence the inline serializer.
    # import_rejected: the report; invalid_file: null; a bad parameter: {field: [message]}.
    detail = inline_serializer(
        "ImportReport",
        fields={
            "errors": ImportRowError(many=True, required=False),
            "rows": serializers.IntegerField(required=False),
        },
        allow_null=True,
    )


ENTITY_PARAMETER = OpenApiParameter(
    "entity", str, enum=[e.value for e in Entity], required=True, description="What the file holds"
)


class ImportApi(APIView):
    permission_classes = [IsSignedIn]
    parser_classes = [MultiPartParser, FormParser]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Refuse an oversized upload before anything (authentication's CSRF check included)
        # reads the body into memory or a temporary file.
        length = request.META.get("CONTENT_LENGTH") or "0"
        if length.isdigit() and int(length) > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD:
            raise _too_large()
        super().initial(request, *args, **kwargs)

    @extend_schema(
        summary="Import parks, organisations or relations from a .csv or .xlsx file (secretariat)",
        description=(
            "All rows or none: every row is validated first (the same rules as the create "
            "endpoints); any bad row rejects the file with a report naming row, column and reason "
            "in Chinese and English, and nothing is written. References are by name (城市, 园区, "
            "行业; relation ends by name plus 起点类型/终点类型, or by uid `park:12`). "
            f"At most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB and {MAX_ROWS:,} rows. "
            "mode=create (default) refuses names that exist; mode=upsert updates them."
        ),
        parameters=[
            ENTITY_PARAMETER,
            OpenApiParameter("mode", str, enum=[m.value for m in Mode], default=Mode.CREATE.value),
        ],
        request={"multipart/form-data": ImportUpload},
        responses={
            201: ImportOutput,
            400: OpenApiResponse(ImportRejectedOutput, description="The file or some rows are bad"),
            403: OpenApiResponse(description="Only the secretariat and administrators import"),
            413: OpenApiResponse(description="The file is larger than the limit"),
        },
    )
    def post(self, request: Request) -> Response:
        require_curator(request.user)
        entity = Entity(_required_choice(request, "entity", [e.value for e in Entity]))
        mode = Mode(query_choice(request, "mode", [m.value for m in Mode]) or Mode.CREATE)
        if not str(request.content_type).startswith("multipart/form-data"):
            raise InvalidUpload(NO_FILE)
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidUpload(NO_FILE)
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise _too_large()
        content = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            raise _too_large()
        result = network_import(
            entity=entity, filename=upload.name or "", content=content, mode=mode
        )
        return Response(ImportOutput(result).data, status=201)


class _JsonErrors(BaseContentNegotiation):
    """`format` is this endpoint's own parameter (csv/xlsx), not DRF's format override, and a
    browser's `Accept` must not turn into a 406: files are streamed, errors are JSON."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: Any, format_suffix: Any = None) -> Any:
        renderer = JSONRenderer()
        return renderer, renderer.media_type


def content_disposition(filename: str, ascii_filename: str) -> str:
    """RFC 6266 with RFC 5987: the Chinese name for browsers, an ASCII one for the rest."""
    return f"attachment; filename=\"{ascii_filename}\"; filename*=UTF-8''{quote(filename)}"


def _for_server(
    request: Request, chunks: Iterator[bytes]
) -> Iterator[bytes] | AsyncIterator[bytes]:
    """Under ASGI (Daphne) Django would collect a sync iterator into one list before sending;
    an async iterator that pulls each chunk on the request's thread streams instead."""
    if not isinstance(request._request, ASGIRequest):
        return chunks
    step = sync_to_async(partial(next, chunks, None), thread_sensitive=True)

    async def stream() -> AsyncIterator[bytes]:
        while (chunk := await step()) is not None:
            yield chunk

    return stream()


class ExportApi(APIView):
    permission_classes = [IsSignedIn]
    content_negotiation_class = _JsonErrors

    @extend_schema(
        summary="Export parks, organisations or relations as .csv or .xlsx",
        description=(
            "The columns the import reads (Chinese headers), so an exported file imports back "
            "with mode=upsert without changes. CSV is UTF-8 with a BOM. Text that a spreadsheet "
            "would run as a formula gets a leading apostrophe. Filters as on the list endpoints: "
            "parks q, city, level, kind, industry, alliance_member; organisations q, kind, city, "
            "park, industry, synthetic and the flags; relations kind, uid."
        ),
        parameters=[
            ENTITY_PARAMETER,
            OpenApiParameter("format", str, enum=[f.value for f in Format], default="csv"),
            *(
                OpenApiParameter(n, str)
                for n in (
                    "q",
                    "city",
                    "level",
                    "kind",
                    "industry",
                    "alliance_member",
                    "park",
                    "synthetic",
                    "uid",
                    *FLAG_FILTERS,
                )
            ),
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, XLSX_MEDIA_TYPE): OpenApiTypes.BINARY,
        },
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        require_reader(request.user)
        entity = Entity(_required_choice(request, "entity", [e.value for e in Entity]))
        file_format = Format(query_choice(request, "format", [f.value for f in Format]) or "csv")
        export = network_export(
            entity=entity, file_format=file_format, filters=_filters(request, entity)
        )
        response = StreamingHttpResponse(
            _for_server(request, export.chunks), content_type=export.media_type
        )
        response["Content-Disposition"] = content_disposition(
            export.filename, export.ascii_filename
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


def _filters(request: Request, entity: Entity) -> dict[str, Any]:
    if entity is Entity.PARKS:
        return {
            "q": query_text(request, "q"),
            "city": query_int(request, "city"),
            "level": query_choice(request, "level", Level.values),
            "kind": query_choice(request, "kind", ParkKind.values),
            "industry": query_int(request, "industry"),
            "alliance_member": query_bool(request, "alliance_member"),
        }
    if entity is Entity.ORGANISATIONS:
        return {
            "q": query_text(request, "q"),
            "kind": query_choice(request, "kind", OrganisationKind.values),
            "city": query_int(request, "city"),
            "park": query_int(request, "park"),
            "industry": query_int(request, "industry"),
            "flags": {f: v for f in FLAG_FILTERS if (v := query_bool(request, f)) is not None},
            "synthetic": query_bool(request, "synthetic"),
        }
    return {
        "kind": query_choice(request, "kind", RelationKind.values),
        "uid": query_text(request, "uid", max_length=40),
    }
