"""Production: every secret from the environment, no defaults that could leak."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from backend.config.env import env_bool, env_int, env_list, env_str
from backend.config.settings.base import *  # noqa: F403
from backend.config.settings.base import DATABASE_URL, NEO4J_PASSWORD, REDIS_URL

DEBUG = False
ENVIRONMENT_NAME = "production"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the hosts that serve the platform.")
if not REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL is required in production (channel layer, Celery).")
if str(DATABASE_URL).startswith("sqlite"):
    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL in production.")
if NEO4J_PASSWORD == "ningju-local-dev":  # noqa: S105 - refusing the development default
    raise ImproperlyConfigured("NEO4J_PASSWORD must be set to the production graph's password.")

DEMO_ACCOUNTS_ENABLED = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Entering the browsers' preload list binds the whole domain for months: the domain's
    # owner decides that (DJANGO_HSTS_PRELOAD=true), not a default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
# TLS ends at nginx / the Ingress, which say so in X-Forwarded-Proto; a plain-HTTP request that
# reached Daphne some other way is redirected, except the probes and Prometheus, which address
# the pod directly.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$", r"^api/health$"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# /metrics: Daphne runs with --proxy-headers, so REMOTE_ADDR is whatever X-Forwarded-For
# says and cannot prove a client is local. No network is trusted unless named: Prometheus
# presents METRICS_TOKEN as a bearer token (deploy/k8s, docs/operations.md).
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", [])
