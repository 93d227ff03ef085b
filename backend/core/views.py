"""Serves the built web app: index.html for every client-side route."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe

from backend.core.errors import NotFound

_NOT_BUILT = """<!doctype html><html lang="zh-Hans"><meta charset="utf-8">
<title>宁聚 NingJu</title><body style="font-family:sans-serif;margin:3rem">
<h1>宁聚 · 南京都市圈高新园区协同平台</h1>
<p>前端尚未构建：请运行 <code>make frontend</code>（或 <code>make run</code>）。</p>
<p>The web app is not built yet: run <code>make frontend</code> (or <code>make run</code>).</p>
<p><a href="/api/health">/api/health</a> · <a href="/api/docs/">/api/docs/</a></p>
</body></html>"""


@require_safe
@ensure_csrf_cookie
def web_app(request: HttpRequest, path: str = "") -> HttpResponse:
    index = settings.FRONTEND_DIST_DIR / "index.html"
    if not index.is_file():
        return HttpResponse(_NOT_BUILT, status=503)
    response = HttpResponse(index.read_bytes(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Unknown /api/ routes answer the API's JSON error shape, not an HTML page."""
    error = NotFound()
    return JsonResponse(
        {"code": error.code, "message": error.message.resolve(), "detail": {"path": request.path}},
        status=404,
    )
