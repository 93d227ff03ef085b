from __future__ import annotations

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "backend.network"
    label = "network"
    verbose_name = "创新网络 Innovation network"
