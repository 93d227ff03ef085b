from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.network.demo.synthetic import (
    OUTBOX_MAX_EVENTS,
    RELATIONSHIPS_PER_ENTERPRISE,
    DemoDataMissing,
    SyntheticDataExists,
    synthetic_seed,
)


def _quiet(message: str) -> None:
    """Progress lines are printed only with -v 2."""


class Command(BaseCommand):
    help = (
        "Generate clearly synthetic enterprises (宁聚示例·…, is_synthetic) over the demo parks, "
        "with ACTIVE_IN, SUPPLIES_TO and COOPERATES_WITH relations. Deterministic for a seed. "
        "Run seed_demo first. Refused in production unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enterprises", type=int, default=1000, help="how many (N)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (S)")
        parser.add_argument(
            "--relations",
            type=int,
            default=None,
            help="SUPPLIES_TO + COOPERATES_WITH rows; default: enough for the whole graph to "
            f"hold about {RELATIONSHIPS_PER_ENTERPRISE} relationships per enterprise "
            "(1,000,000 at N=100,000)",
        )
        parser.add_argument(
            "--outbox",
            choices=["auto", "on", "off"],
            default="auto",
            help=f"record outbox events for the new rows (auto: up to {OUTBOX_MAX_EVENTS} "
            "rows; larger loads are projected faster by `manage.py graph_rebuild`)",
        )
        parser.add_argument(
            "--replace", action="store_true", help="delete earlier synthetic data first"
        )
        parser.add_argument("--force", action="store_true", help="allow in production")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.ENVIRONMENT_NAME == "production" and not options["force"]:
            raise CommandError("Refusing to generate synthetic data in production (--force).")
        if options["enterprises"] < 0 or (options["relations"] or 0) < 0:
            raise CommandError("--enterprises and --relations must not be negative.")
        started = time.perf_counter()
        verbose = options["verbosity"] > 1
        try:
            result = synthetic_seed(
                enterprises=options["enterprises"],
                seed=options["seed"],
                relations=options["relations"],
                outbox={"auto": None, "on": True, "off": False}[options["outbox"]],
                replace=options["replace"],
                log=self.stdout.write if verbose else _quiet,
            )
        except (SyntheticDataExists, DemoDataMissing) as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.perf_counter() - started
        relations = ", ".join(f"{k} {v}" for k, v in sorted(result.relations.items()))
        estimate = result.graph_estimate
        self.stdout.write(
            f"synthetic data (seed {options['seed']}): {result.enterprises} enterprises, "
            f"{result.active_in} ACTIVE_IN, relations: {relations or 'none'}"
            + (
                f"; replaced {result.deleted_enterprises} earlier"
                if result.deleted_enterprises
                else ""
            )
            + f" ({elapsed:.1f}s)"
        )
        self.stdout.write(
            f"graph relationships (estimated from the rows): {sum(estimate.values())} = "
            + ", ".join(f"{k} {v}" for k, v in sorted(estimate.items()))
        )
        if result.outbox_skipped:
            self.stdout.write(
                "outbox skipped for a load this large: run `manage.py graph_rebuild` to project "
                "it into Neo4j."
            )
        else:
            self.stdout.write(f"outbox: {result.outbox_events} events recorded for the graph.")
