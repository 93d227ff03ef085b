"""Websocket origin check.

Browsers always send `Origin` with a websocket handshake; a page from another site must not
open a socket that rides on the user's session cookie, so a present Origin must be one of
ALLOWED_HOSTS. Non-browser API clients send no Origin and authenticate with a token instead,
so a missing Origin is let through to authentication.
"""

from __future__ import annotations

from typing import Any

from channels.security.websocket import OriginValidator
from django.conf import settings


class BrowserOriginValidator(OriginValidator):
    def valid_origin(self, parsed_origin: Any) -> bool:
        if parsed_origin is None:
            return True
        return bool(self.validate_origin(parsed_origin))


def allowed_hosts_origin_validator(application: Any) -> BrowserOriginValidator:
    return BrowserOriginValidator(application, list(settings.ALLOWED_HOSTS))
