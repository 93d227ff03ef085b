"""DRF permission classes built on the access helpers, so views and sockets agree."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from backend.accounts.access import require_curator, require_reader, require_writer


class IsSignedIn(BasePermission):
    """Signed in (session or token). The default for every API view."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)


class ReadAnyWriteOwn(IsSignedIn):
    """Reads for any role; writes for roles that write (researchers are read-only).

    Which object a writer may touch is decided by the access_<thing>_for_user helpers.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method in SAFE_METHODS:
            require_reader(request.user)
        else:
            require_writer(request.user)
        return True


class ReadAnyWriteCurator(IsSignedIn):
    """Reads for any role; writes only for the secretariat and administrators."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method in SAFE_METHODS:
            require_reader(request.user)
        else:
            require_curator(request.user)
        return True
