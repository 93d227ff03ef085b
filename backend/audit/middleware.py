"""Who made a change: the signed-in user of the request, also when DRF signed them in.

django-auditlog's middleware reads `request.user` before the view runs, when a token or a
forced (test) sign-in has not happened yet. Here the actor is resolved lazily, when the log
entry is saved: by then DRF has put the authenticated user on the Django request too."""

from __future__ import annotations

from typing import Any

from auditlog.middleware import AuditlogMiddleware
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from backend.accounts.models import User


def _request_user(request: HttpRequest) -> Any:
    user = getattr(request, "user", None)
    return user if isinstance(user, User) and user.is_authenticated else None


class AuditActorMiddleware(AuditlogMiddleware):
    @staticmethod
    def _get_actor(request: HttpRequest) -> Any:
        return SimpleLazyObject(lambda: _request_user(request))
