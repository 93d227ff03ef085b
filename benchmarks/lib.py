"""Small helpers every benchmark shares: timing samples, percentiles, the report file."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPORTS_DIR = Path(__file__).resolve().parent / "reports"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    note: str = ""


@dataclass
class Report:
    title: str
    figures: list[Figure] = field(default_factory=list)

    def add(self, name: str, value: float, unit: str, note: str = "") -> None:
        self.figures.append(Figure(name, round(value, 3), unit, note))
        print(f"  {name:<48} {value:>12.3f} {unit:<6} {note}", flush=True)

    def write(self, slug: str) -> Path:
        REPORTS_DIR.mkdir(parents=True, exist_ok=True)
        meta = {
            "machine": f"{platform.machine()} {os.cpu_count()} cores",
            "python": platform.python_version(),
            "when": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        }
        (REPORTS_DIR / f"{slug}.json").write_text(
            json.dumps(
                {"title": self.title, **meta, "figures": [asdict(f) for f in self.figures]},
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        lines = [
            f"# {self.title}",
            "",
            f"{meta['when']} · {meta['machine']} · Python {meta['python']}",
            "",
            "| figure | value | unit | note |",
            "|---|---:|---|---|",
        ]
        lines += [f"| {f.name} | {f.value} | {f.unit} | {f.note} |" for f in self.figures]
        path = REPORTS_DIR / f"{slug}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path


def sample_ms(action: Callable[[], object], *, runs: int, warmup: int = 10) -> list[float]:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]
