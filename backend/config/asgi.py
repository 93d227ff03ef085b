"""ASGI entry point: HTTP to Django, websockets to Channels consumers.

Websockets pass the origin check (a page from another site cannot open a socket with the
user's cookies; see ws_origin), then session or token authentication; consumers refuse anonymous
users themselves. Database connections used by a socket are handed back after each use.
"""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings.local")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from backend.accounts.ws_auth import SessionOrTokenAuthMiddleware  # noqa: E402
from backend.config.routing import websocket_urlpatterns  # noqa: E402
from backend.config.ws_origin import allowed_hosts_origin_validator  # noqa: E402
from backend.core.async_db import ReleaseConnections  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": allowed_hosts_origin_validator(
            # The session and user lookups of authentication give their connection back
            # before the socket's long life begins (backend/core/async_db.py).
            SessionOrTokenAuthMiddleware(ReleaseConnections(URLRouter(websocket_urlpatterns)))
        ),
    }
)
