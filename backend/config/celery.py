"""The Celery app: `celery -A backend.config worker` / `beat`.

Configuration is read from Django settings (CELERY_* names); with no REDIS_URL tasks run
eagerly in the calling process, which is only meant for `make run` on one machine.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings.local")

app = Celery("ningju")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
