"""The web app's performance budget: the first page's JavaScript (gzipped) and the time until
the home page is usable after sign-in, on localhost in Chromium.

First-page JavaScript = the entry chunk named by dist/index.html plus every chunk it imports
statically (recursively); lazy `import()` chunks are excluded, and the report checks that the
graph (Cytoscape) and chart (ECharts) libraries are among the lazy ones (found by a marker in
the chunk's code, whatever the bundler names the chunk). Each role's home is a lazy chunk of
its own: the report also gives what a user of that role downloads for the home page (the first
page plus that chunk and its static imports). Time to interactive =
from navigation start until the signed-in home page shows its greeting and no loading
skeleton is left (a cold browser context each run, so nothing is cached).

Needs frontend/dist (`npm run build`) and the servers scripts/with-services.sh starts.
"""

from __future__ import annotations

import gzip
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.lib import Report

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "frontend" / "dist"
CHROMIUM = "/usr/bin/chromium"
RUNS = 5
# Budgets: what the first page may cost on a meeting-room tablet over the alliance's network.
BUDGET_JS_GZ_KB = 650.0
BUDGET_TTI_MS = 3000.0

_STATIC_IMPORT = re.compile(
    r"""(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\./[^"']+\.js)["']"""
)
_ENTRY = re.compile(r"""<script[^>]+type="module"[^>]+src="/?([^"]+\.js)\"""")
_PRELOAD = re.compile(r"""<link[^>]+rel="modulepreload"[^>]+href="/?([^"]+\.js)\"""")
# A string each library's minified code keeps (a DOM id / property name it sets).
_HEAVY = {"cytoscape": "cytoscape_stylesheet", "echarts": "_echarts_instance_"}
ROLE_HOMES = ("secretariat-home", "park-staff-home", "researcher-home", "org-home")


def _gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9)) / 1024


def first_page_chunks() -> list[Path]:
    """The entry chunk and its static imports, transitively."""
    html = (DIST / "index.html").read_text(encoding="utf-8")
    entries = _ENTRY.findall(html) + _PRELOAD.findall(html)
    if not entries:
        raise RuntimeError("no module script in frontend/dist/index.html: run `npm run build`")
    return static_closure([DIST / e for e in entries])


def static_closure(starts: list[Path]) -> list[Path]:
    """The chunks and everything they import statically, transitively."""
    seen: dict[Path, None] = {}
    stack = [chunk.resolve() for chunk in starts]
    while stack:
        chunk = stack.pop()
        if chunk in seen:
            continue
        seen[chunk] = None
        text = chunk.read_text(encoding="utf-8")
        stack += [(chunk.parent / m).resolve() for m in _STATIC_IMPORT.findall(text)]
    return list(seen)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_daphne(port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "daphne"),
            "-v",
            "0",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "backend.config.asgi:application",
        ],
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("Daphne exited early")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("Daphne did not listen")


def _session_cookie() -> tuple[str, str, int]:
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from backend.accounts.models import Role, User
    from backend.accounts.services import user_create

    call_command("migrate", verbosity=0)  # a fresh database when run on its own
    user = User.objects.filter(username="bench-web").first() or user_create(
        username="bench-web",
        password="x",  # noqa: S106 - a benchmark user, signed in by session
        role=Role.SECRETARIAT,
        display_name="基准秘书",
        validate=False,
    )
    client = Client()
    client.force_login(user)
    return settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value, user.pk


def _time_to_interactive(url: str, cookie: tuple[str, str, int]) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    tti: list[float] = []
    dcl: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
            ],
        )
        for run in range(RUNS + 1):
            context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
            context.add_cookies([{"name": cookie[0], "value": cookie[1], "url": url}])
            page = context.new_page()
            page.goto(url + "/", wait_until="commit")
            page.get_by_test_id("home-greeting").wait_for(state="visible", timeout=30_000)
            page.wait_for_function(
                "document.querySelectorAll('.ant-skeleton').length === 0", timeout=30_000
            )
            ready = page.evaluate("performance.now()")
            loaded = page.evaluate(
                "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
            )
            context.close()
            if run:  # the first run warms Daphne and the database, not the browser
                tti.append(float(ready))
                dcl.append(float(loaded))
        browser.close()
    return tti, dcl


def run() -> Report:
    report = Report("Web app budget: first page JavaScript and time to interactive")
    chunks = first_page_chunks()
    total = sum(_gz_kb(c) for c in chunks)
    names = ", ".join(sorted(re.sub(r"-[\w-]{8}\.js$", "", c.name) for c in chunks))
    report.add(
        "first page JS (entry + static imports), gzip",
        total,
        "KB",
        f"budget {BUDGET_JS_GZ_KB:.0f} KB; {len(chunks)} chunks: {names}",
    )
    for chunk in sorted(chunks, key=_gz_kb, reverse=True):
        report.add(f"  chunk {chunk.name}", _gz_kb(chunk), "KB", "")
    all_js = sorted((DIST / "assets").glob("*.js"))
    report.add("all JS chunks, gzip", sum(_gz_kb(c) for c in all_js), "KB", f"{len(all_js)} chunks")
    for role_home in ROLE_HOMES:
        found = [c for c in all_js if re.fullmatch(rf"{role_home}-[\w-]{{8}}\.js", c.name)]
        if found:
            home = static_closure(chunks + found)
            report.add(
                f"home page JS, {role_home.removesuffix('-home')} (first page + its chunk), gzip",
                sum(_gz_kb(c) for c in home),
                "KB",
                f"{len(home) - len(chunks)} more chunks",
            )
    first_page = {c.resolve() for c in chunks}
    for library, marker in _HEAVY.items():
        holding = [c for c in all_js if marker in c.read_text(encoding="utf-8")]
        eager = [c.name for c in holding if c.resolve() in first_page]
        lazy = [c.name for c in holding if c.resolve() not in first_page]
        report.add(
            f"{library} chunks loaded by the first page",
            len(eager),
            "count",
            f"lazy: {', '.join(lazy) or 'none found'}",
        )

    cookie = _session_cookie()
    port = _free_port()
    daphne = _start_daphne(port)
    try:
        tti, dcl = _time_to_interactive(f"http://127.0.0.1:{port}", cookie)
    finally:
        daphne.terminate()
        try:
            daphne.wait(timeout=30)
        except subprocess.TimeoutExpired:
            daphne.kill()
            daphne.wait()
    report.add("DOMContentLoaded, median", statistics.median(dcl), "ms", f"{RUNS} cold runs")
    report.add(
        "time to interactive (home after sign-in), median",
        statistics.median(tti),
        "ms",
        f"budget {BUDGET_TTI_MS:.0f} ms; {RUNS} cold runs",
    )
    report.add("time to interactive, worst", max(tti), "ms", "")
    return report
