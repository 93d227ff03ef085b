"""`make bench`: every benchmark against the servers scripts/with-services.sh started.

Figures are printed and written to benchmarks/reports/<name>.{md,json}. Medians and ratios
from one run are what to quote; the machines are noisy.
"""

from __future__ import annotations

import importlib
import os
import sys

BENCHMARKS = ["foundation", "network", "notifications", "matching", "research", "web_budget"]


def main(names: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings.local")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    import django

    django.setup()
    for name in names or BENCHMARKS:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {name}", flush=True)
        path = module.run().write(name)
        print(f"   report: {path}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
