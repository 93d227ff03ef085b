from __future__ import annotations

from django.urls import path

from backend.accounts.api import CsrfApi, LoginApi, LogoutApi, MeApi, TokenApi, TokenRevokeApi

urlpatterns = [
    path("auth/csrf", CsrfApi.as_view(), name="auth-csrf"),
    path("auth/login", LoginApi.as_view(), name="auth-login"),
    path("auth/logout", LogoutApi.as_view(), name="auth-logout"),
    path("auth/token", TokenApi.as_view(), name="auth-token"),
    path("auth/token/revoke", TokenRevokeApi.as_view(), name="auth-token-revoke"),
    path("me", MeApi.as_view(), name="me"),
]
