"""Settings shared by every environment; each value comes from the environment.

Environment-specific modules (local, test, production) import this one and change only what
differs. `deploy/.env.example` lists every variable read here.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from backend.config.env import (
    env_bool,
    env_float,
    env_int,
    env_list,
    env_optional_str,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(env_str("NINGJU_VAR_DIR", str(BASE_DIR / ".var")))

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-local-only-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "axes",
    "auditlog",
    "backend.core",
    "backend.audit",
    "backend.accounts",
    "backend.network",
    "backend.notifications",
    "backend.research",
    "backend.matching",
    "backend.alliance",
    "backend.docking",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "backend.audit.middleware.AuditActorMiddleware",
]

# Sign-in lockout (django-axes, see backend/accounts/lockout.py): per username and address, so
# a stranger cannot lock a colleague out from elsewhere; the login rate limit (per address)
# below is the second line.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("NINGJU_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("NINGJU_LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "backend.accounts.lockout.lockout_response"
AXES_VERBOSE = False

# Audit log (django-auditlog): who changed curated data, agreements, decisions and accounts,
# when, and each field before/after. Readable by the secretariat at /api/audit.
AUDITLOG_STORE_JSON_CHANGES = True
_AUDIT_DERIVED_FIELDS = ["search_key", "updated_at", "created_at"]
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    *(
        {"model": label, "exclude_fields": _AUDIT_DERIVED_FIELDS}
        for label in (
            "network.City",
            "network.Zone",
            "network.Industry",
            "network.IndustryLink",
            "network.Park",
            "network.ParkIndustry",
            "network.Organisation",
            "network.OrganisationIndustry",
            "network.Relation",
            "matching.Project",
            "matching.MatchingWeights",
            "matching.LeadHandoff",
            "matching.BenefitAgreement",
            "matching.AgreementShare",
            "alliance.AllianceMember",
            "alliance.Decision",
            "alliance.ActionItem",
            "alliance.Minutes",
        )
    ),
    {"model": "accounts.User", "exclude_fields": ["password", "last_login"]},
)

ROOT_URLCONF = "backend.config.urls"
ASGI_APPLICATION = "backend.config.asgi.application"

FRONTEND_DIST_DIR = Path(env_str("NINGJU_FRONTEND_DIST", str(BASE_DIR / "frontend" / "dist")))

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- System of record -----------------------------------------------------------------------
DATABASE_URL = env_url(
    "DATABASE_URL",
    f"sqlite:///{VAR_DIR / 'ningju.sqlite3'}",
    schemes=["sqlite", "postgres", "postgresql", "pgsql"],
)
# PostgreSQL connections come from a pool per process (psycopg_pool, Django's "pool" option).
# Under Daphne (ASGI) Django runs each request's sync code in a thread of its own, so
# persistent per-thread connections (CONN_MAX_AGE > 0) were never reused but left open: under
# `make load` they filled max_connections (Django ticket #33497). Without them, each request
# opened a fresh connection, and PostgreSQL forked and warmed a backend for every request:
# most of the CPU of a loaded machine. The pool hands a connection to each request and takes
# it back when the request ends; health checks drop dead ones after a PostgreSQL restart, and
# a request waits at most NINGJU_DB_POOL_TIMEOUT seconds for one before answering 503.
DATABASES = {
    "default": dj_database_url.parse(str(DATABASE_URL), conn_max_age=0, conn_health_checks=True)
}
DB_POOL_OPTIONS = {
    "min_size": env_int("NINGJU_DB_POOL_MIN", 2, minimum=0),
    "max_size": env_int("NINGJU_DB_POOL_MAX", 12, minimum=1),
    "timeout": env_int("NINGJU_DB_POOL_TIMEOUT", 5, minimum=1),
    # Idle connections beyond min_size close after a minute (PostgreSQL backends cost memory).
    "max_idle": 60,
}
if DATABASES["default"]["ENGINE"].endswith("postgresql") and env_bool("NINGJU_DB_POOL", True):
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = DB_POOL_OPTIONS
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL and a busy timeout let the web process and an eager task write without "locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A streaming read replica (optional): heavy reads (exports, statistics, dashboards) go there
# through backend/config/db_router.py; writes and reads inside transactions stay on default.
DATABASE_REPLICA_URL = env_url(
    "DATABASE_REPLICA_URL", None, schemes=["postgres", "postgresql", "pgsql"]
)
DATABASE_REPLICA_PATHS = env_list(
    "DATABASE_REPLICA_PATHS",
    [
        "/api/network/export",
        "/api/docking/stats",
        "/api/matching/split-report",
        "/api/alliance/actions/dashboard",
    ],
)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=0, conn_health_checks=True),
        # Under test the replica is the test database itself, not a second one.
        "TEST": {"MIRROR": "default"},
    }
    if "pool" in DATABASES["default"].get("OPTIONS", {}):
        DATABASES["replica"].setdefault("OPTIONS", {})["pool"] = DB_POOL_OPTIONS
    DATABASE_ROUTERS = ["backend.config.db_router.ReplicaRouter"]
    MIDDLEWARE.append("backend.config.db_router.ReplicaReadsMiddleware")

# --- Redis: channel layer and Celery broker ---------------------------------------------------
REDIS_URL = env_url("REDIS_URL", None, schemes=["redis", "rediss", "unix"])

if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Redis pub/sub: a fan-out to a thousand sockets reaches them in one round trip per
            # process instead of four per message (benchmarks/notifications.py: p95 ~0.14 s
            # against ~0.7 s for RedisChannelLayer). A message lost with a socket costs nothing:
            # the database is the record and the client's hello replays it.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                "hosts": [REDIS_URL],
                "prefix": env_str("NINGJU_CHANNEL_PREFIX", "ningju"),
            },
        }
    }
else:
    # Only valid for a single process: `make run`'s embedded default.
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = REDIS_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_DEFAULT_QUEUE", "ningju")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
# Periodic tasks are declared here, in one place, as features add them.
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # Safety net: events whose queued drain was lost (broker restart, graph down) still reach
    # the graph within a minute.
    "network-drain-outbox": {"task": "network.drain_outbox", "schedule": 60.0},
    # Reminders (meetings, action items) become notifications within a minute of falling due.
    "notifications-send-due-reminders": {
        "task": "notifications.send_due_reminders",
        "schedule": 60.0,
    },
}

# --- Email (notifications a user chose to receive by email) ------------------------------------
# Django's email backend; the console backend prints messages (local default). Production sets
# the SMTP backend and its server.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "宁聚 NingJu <noreply@ningju.local>")
# The site's public address, for links in emails ("https://ningju.example.gov.cn").
NINGJU_PUBLIC_URL = env_str("NINGJU_PUBLIC_URL", "")

# --- Neo4j -------------------------------------------------------------------------------------
NEO4J_URI = env_url(
    "NEO4J_URI",
    "bolt://127.0.0.1:7687",
    schemes=["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"],
)
NEO4J_USER = env_str("NEO4J_USER", "neo4j")
NEO4J_PASSWORD = env_str("NEO4J_PASSWORD", "ningju-local-dev")
NEO4J_DATABASE = env_str("NEO4J_DATABASE", "neo4j")
NEO4J_CONNECTION_TIMEOUT = env_float("NEO4J_CONNECTION_TIMEOUT", 3.0, minimum=0.1)
NEO4J_MAX_POOL_SIZE = env_int("NEO4J_MAX_POOL_SIZE", 50, minimum=1)

# --- Health ------------------------------------------------------------------------------------
# Parts whose failure makes /api/health answer 503. Redis and Celery are required once
# REDIS_URL is set, because then realtime and background work depend on them.
HEALTH_CHECK_TIMEOUT = env_float("HEALTH_CHECK_TIMEOUT", 2.0, minimum=0.1)
# Who may read /metrics (backend/core/metrics.py): a client sending
# `Authorization: Bearer $METRICS_TOKEN`, or one connecting from these networks.
METRICS_TOKEN = env_optional_str("METRICS_TOKEN")
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", ["127.0.0.0/8", "::1/128"])

# --- Auth --------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12, minimum=60)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["backend.accounts.permissions.IsSignedIn"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "backend.core.exception_handler.handle_api_exception",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_RATES": {"login": env_str("NINGJU_LOGIN_RATE", "20/min")},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "宁聚 NingJu API",
    "DESCRIPTION": (
        "南京都市圈高新园区协同平台 API — the collaboration platform of the Nanjing metropolitan "
        "circle's high-tech park alliance."
    ),
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from the installed sidecar package: the docs page needs no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Field names that recur across apps with different choices ("kind", "status", "visibility",
    # "viewer_side") would get hashed enum names ("Kind5b2Enum") that change when any choice
    # does; each such set is named here, after the choices class it comes from where there is one.
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "backend.alliance.models.ActionStatus",
        "AgendaItemKindEnum": "backend.alliance.models.ItemKind",
        "MeetingKindEnum": "backend.alliance.models.MeetingKind",
        "MeetingStatusEnum": "backend.alliance.models.MeetingStatus",
        "PostingKindEnum": "backend.docking.models.PostingKind",
        "PostingVisibilityEnum": "backend.docking.models.PostingVisibility",
        "DockingSideEnum": ["a", "b", "secretariat"],  # a thread's sides (and the viewer's)
        "DockingRequestSideEnum": ["owner", "requester", "secretariat"],
        "ProjectVisibilityEnum": "backend.matching.models.Visibility",
        "ExportKindEnum": "backend.research.models.ExportKind",
    },
}

# --- Internationalisation ------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static files ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every start without it
# The built web app (index.html, assets/) is served from the site root.
WHITENOISE_ROOT = FRONTEND_DIST_DIR if FRONTEND_DIST_DIR.is_dir() else None
# Uploaded files (agenda attachments) live under the data dir and are served only through
# the API's permission-checked views, never by URL.
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Logging -----------------------------------------------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"neo4j": {"level": "WARNING"}, "daphne": {"level": "WARNING"}},
}

DEMO_ACCOUNTS_ENABLED = env_bool("NINGJU_DEMO_ACCOUNTS", False)
ENVIRONMENT_NAME = "base"
