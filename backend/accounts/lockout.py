"""Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
one address, that pair is locked for AXES_COOLOFF_TIME, whatever password comes next."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.http import HttpRequest, JsonResponse

from backend.core.errors import ApplicationError
from backend.core.lib.bilingual import Bilingual


def _minutes() -> int:
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


class SignInLocked(ApplicationError):
    status_code = 429
    code = "sign_in_locked"
    default_message = Bilingual(zh="", en="")
    retryable: ClassVar[bool] = True

    def __init__(self) -> None:
        minutes = _minutes()
        super().__init__(
            Bilingual(
                zh=f"登录失败次数过多，此账户在本设备上已暂时锁定，请 {minutes} 分钟后再试，"
                "或联系秘书处重置。",
                en=f"Too many failed sign-ins: this account is locked on this device for "
                f"{minutes} minutes. Try again later or ask the secretariat to reset it.",
            ),
            detail={"retry_after_s": minutes * 60},
        )


def lockout_response(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """AXES_LOCKOUT_CALLABLE: the API's error shape, in the request's language."""
    error = SignInLocked()
    return JsonResponse(
        {"code": error.code, "message": error.message.resolve(), "detail": error.detail},
        status=error.status_code,
        headers={"Retry-After": str(error.detail["retry_after_s"])},
        json_dumps_params={"ensure_ascii": False},
    )
