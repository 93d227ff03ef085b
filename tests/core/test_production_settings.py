"""Production settings pass Django's deployment checks with no security warning, keep cookies
secure, and the repository carries no secrets."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from tests.support.processes import ROOT, subprocess_env

GIT = shutil.which("git") or "/usr/bin/git"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "backend.config.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-" + "y" * 20,
    "DJANGO_ALLOWED_HOSTS": "ningju.example.cn",
    "DATABASE_URL": "postgres://ningju@db.example.cn:5432/ningju",
    "REDIS_URL": "redis://cache.example.cn:6379/0",
    "NEO4J_URI": "neo4j+s://graph.example.cn:7687",
    "NEO4J_PASSWORD": "not-the-development-default",
    "DJANGO_HSTS_SECONDS": "31536000",
}


def _manage(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=subprocess_env(**PRODUCTION_ENV),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deployment_check_finds_no_security_problem() -> None:
    checked = _manage("check", "--deploy")
    output = checked.stdout + checked.stderr
    assert checked.returncode == 0, output
    assert not re.findall(r"\(security\.\w+\)", output), output
    assert not re.findall(r"\(axes\.\w+\)", output), output


def test_production_refuses_to_start_without_its_secrets() -> None:
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    refused = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"],
        env={**subprocess_env(**env), "DJANGO_SECRET_KEY": ""},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert refused.returncode != 0
    assert "DJANGO_SECRET_KEY" in refused.stderr


# Shapes of real credentials; test passwords and example values in docs do not match them.
SECRET_SHAPES = {
    "private key": re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}\b"),
    "generic API key": re.compile(
        r"(?i)\b(api[_-]?key|secret[_-]?key)\s*[:=]\s*['\"][A-Za-z0-9/+]{32,}['\"]"
    ),
}


def test_the_repository_holds_no_secrets() -> None:
    files = (
        subprocess.run([GIT, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    assert not [f for f in files if re.search(r"(^|/)\.env$", f)], "an .env file is committed"
    found = []
    for name in filter(None, files):
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_text(errors="ignore")
        found += [f"{name}: {what}" for what, shape in SECRET_SHAPES.items() if shape.search(text)]
    assert found == []
