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


class _ReadAnyWrite(IsSignedIn):
    """Reads for any role; writes for whoever `require_write` lets through."""

    @staticmethod
    def require_write(user: Any) -> None:
        raise NotImplementedError

    def has_permission(self, request: Request, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method in SAFE_METHODS:
            require_reader(request.user)
        else:
            self.require_write(request.user)
        return True


class ReadAnyWriteOwn(_ReadAnyWrite):
    """Writes for roles that write (researchers are read-only); which object a writer may
    touch is decided by the access_<thing>_for_user helpers."""

    require_write = staticmethod(require_writer)


class ReadAnyWriteCurator(_ReadAnyWrite):
    """Writes only for the secretariat and administrators."""

    require_write = staticmethod(require_curator)
