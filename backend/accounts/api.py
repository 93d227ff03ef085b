"""Sign-in, sign-out, tokens and the current user.

Who may call: `csrf`, `login` and `token` are open (they are how one signs in); `logout`,
`me` and token revocation need a signed-in user. Session sign-in checks the CSRF token even
though the caller is still anonymous, so another site cannot sign a browser in.
"""

from __future__ import annotations

from typing import cast

from axes.exceptions import AxesBackendPermissionDenied
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.signals import user_logged_in
from django.middleware.csrf import get_token
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from backend.accounts.lockout import SignInLocked
from backend.accounts.models import Role, User
from backend.core.errors import ApplicationError
from backend.core.lib.bilingual import Bilingual


class InvalidCredentials(ApplicationError):
    status_code = 400
    code = "invalid_credentials"
    default_message = Bilingual(
        zh="用户名或密码错误，请重新输入。", en="Wrong username or password; try again."
    )


class CredentialsInput(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=256, trim_whitespace=False)


class MembershipOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class MeOutput(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField(source="name_for_display")
    role = serializers.CharField()
    role_label = serializers.SerializerMethodField()
    park = MembershipOutput(allow_null=True)
    organisation = MembershipOutput(allow_null=True)
    is_staff = serializers.BooleanField()

    def get_role_label(self, user: User) -> str:
        if not user.role:
            return ""
        zh, _, en = Role(user.role).label.partition(" ")
        language = getattr(self.context.get("request"), "LANGUAGE_CODE", "zh-hans")
        return en if str(language).startswith("en") else zh


def _me(user: User, request: Request) -> Response:
    return Response(MeOutput(user, context={"request": request}).data)


def _authenticate(request: Request) -> User:
    data = CredentialsInput(data=request.data)
    data.is_valid(raise_exception=True)
    try:
        user = authenticate(
            request._request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
    except AxesBackendPermissionDenied:
        raise SignInLocked() from None
    if user is None or not isinstance(user, User):
        raise InvalidCredentials()
    return user


@method_decorator(ensure_csrf_cookie, name="dispatch")
class CsrfApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        summary="Set the CSRF cookie and return its token",
        responses=inline_serializer("CsrfOutput", {"csrfToken": serializers.CharField()}),
    )
    def get(self, request: Request) -> Response:
        return Response({"csrfToken": get_token(request._request)})


class LoginApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        summary="Sign in with a session (web app)", request=CredentialsInput, responses=MeOutput
    )
    def post(self, request: Request) -> Response:
        SessionAuthentication().enforce_csrf(request)
        user = _authenticate(request)
        login(request._request, user)
        return _me(user, request)


class LogoutApi(APIView):
    @extend_schema(summary="Sign out of the session", request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=204)


class TokenApi(APIView):
    """API clients exchange credentials for a token and send `Authorization: Token <key>`."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        summary="Obtain an API token",
        request=CredentialsInput,
        responses=inline_serializer("TokenOutput", {"token": serializers.CharField()}),
    )
    def post(self, request: Request) -> Response:
        user = _authenticate(request)
        # A token sign-in is a sign-in: last_login is kept and earlier failures are cleared
        # (django-axes listens for this signal), as with the session sign-in.
        user_logged_in.send(sender=User, request=request._request, user=user)
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class TokenRevokeApi(APIView):
    @extend_schema(summary="Revoke the caller's API token", request=None, responses={204: None})
    def delete(self, request: Request) -> Response:
        Token.objects.filter(user=cast(User, request.user)).delete()
        return Response(status=204)


class MeApi(APIView):
    @extend_schema(summary="The signed-in user, their role and membership", responses=MeOutput)
    def get(self, request: Request) -> Response:
        return _me(cast(User, request.user), request)
