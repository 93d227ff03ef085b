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
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
