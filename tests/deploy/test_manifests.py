"""The deployment files validate against their schemas and agree with the settings.

No Docker engine or Kubernetes cluster runs here: the Compose file is checked with
check-jsonschema against the Compose schema that docker-compose 1.29 validates with
(deploy/schemas/compose-spec.json, vendored from the docker-compose 1.29.2 wheel), the
Kubernetes manifests with kubernetes-validate in strict mode; the rest are the promises
docs/operations.md makes about them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
BIN = Path(sys.executable).parent
KUBERNETES_VERSIONS = ["1.30.0", kubernetes_validate.latest_version()]
APP_SERVICES = {"migrate", "web", "worker", "beat"}


def settings_variables() -> set[str]:
    """Every environment variable the settings read through the typed helpers."""
    names: set[str] = set()
    for module in (ROOT / "backend" / "config" / "settings").glob("*.py"):
        names |= set(re.findall(r'env_\w+\(\s*"([A-Z][A-Z0-9_]*)"', module.read_text()))
    return names | {"DJANGO_SETTINGS_MODULE"}


def example_variables() -> set[str]:
    text = (DEPLOY / ".env.example").read_text()
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    return loaded


def k8s_documents() -> list[tuple[str, dict[str, Any]]]:
    documents = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for document in yaml.safe_load_all(path.read_text()):
            if document:
                documents.append((path.name, document))
    return documents


def of_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for _, d in k8s_documents() if d["kind"] == kind}


# --- Compose -------------------------------------------------------------------------------


def test_the_compose_file_validates_against_the_compose_schema() -> None:
    done = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--schemafile",
            str(DEPLOY / "schemas" / "compose-spec.json"),
            str(DEPLOY / "docker-compose.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_would_catch_a_broken_compose_file(tmp_path: Path) -> None:
    broken = compose()
    broken["services"]["web"]["healthcheck"]["retries"] = "often"
    broken["services"]["web"]["restart_policy"] = "always"
    path = tmp_path / "docker-compose.yml"
    path.write_text(yaml.safe_dump(broken))

    done = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--schemafile",
            str(DEPLOY / "schemas" / "compose-spec.json"),
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed")
def test_docker_compose_itself_accepts_the_file(tmp_path: Path) -> None:
    copy = tmp_path / "deploy"
    shutil.copytree(DEPLOY, copy)
    shutil.copy(DEPLOY / ".env.example", copy / ".env")
    command = str(shutil.which("docker-compose"))
    done = subprocess.run(
        [command, "-p", "ningju", "-f", str(copy / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        check=False,
        cwd=copy,
    )
    assert done.returncode == 0, done.stderr


def test_the_compose_stack_has_every_part_with_health_checks_and_volumes() -> None:
    spec = compose()
    services = spec["services"]
    assert set(services) == {"postgres", "redis", "neo4j", "nginx"} | APP_SERVICES
    for name in ("postgres", "redis", "neo4j", "web", "worker", "nginx"):
        assert services[name]["healthcheck"]["test"], name
    assert set(spec["volumes"]) == {"pg-data", "redis-data", "neo4j-data", "media"}
    # Daphne behind nginx, which terminates TLS and alone publishes ports.
    assert "daphne" in services["web"]["command"]
    assert "--proxy-headers" in services["web"]["command"]
    assert services["nginx"]["ports"] == ["80:80", "443:443"]
    assert [s for s in services if services[s].get("ports")] == ["nginx"]
    assert services["nginx"]["depends_on"]["web"]["condition"] == "service_healthy"
    nginx = (DEPLOY / "nginx" / "ningju.conf").read_text()
    assert "listen 443 ssl" in nginx and "ssl_certificate " in nginx
    assert "location = /metrics { return 404; }" in nginx
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" not in nginx
    # Web and workers share uploaded files; the app waits for the schema.
    for name in ("web", "worker"):
        assert "media:/srv/ningju/var/media" in services[name]["volumes"]
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_the_compose_environment_is_what_the_settings_read() -> None:
    spec = compose()
    known = settings_variables()
    for name in APP_SERVICES:
        environment = spec["services"][name]["environment"]
        assert set(environment) <= known, set(environment) - known
        assert environment["DJANGO_SETTINGS_MODULE"] == "backend.config.settings.production"
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert environment["NEO4J_URI"] == "bolt://neo4j:7687"
        assert "@postgres:5432/ningju" in environment["DATABASE_URL"]
    # One password each, shared by the server and the app.
    neo4j_auth = spec["services"]["neo4j"]["environment"]["NEO4J_AUTH"]
    assert "${NEO4J_PASSWORD" in neo4j_auth
    assert "${NEO4J_PASSWORD" in spec["services"]["web"]["environment"]["NEO4J_PASSWORD"]
    assert "${POSTGRES_PASSWORD" in spec["services"]["web"]["environment"]["DATABASE_URL"]


def test_the_env_example_lists_every_variable_the_settings_read() -> None:
    missing = settings_variables() - example_variables()
    assert not missing, f"add to deploy/.env.example: {sorted(missing)}"


# --- Kubernetes ------------------------------------------------------------------------------


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_kubernetes_manifest_validates_strictly(version: str) -> None:
    documents = k8s_documents()
    assert len(documents) >= 12
    for filename, document in documents:
        try:
            kubernetes_validate.validate(document, version, strict=True)
        except kubernetes_validate.ValidationError as error:
            pytest.fail(f"{filename} {document['kind']}: {error.message} at {list(error.path)}")


def test_the_validator_would_catch_a_broken_manifest() -> None:
    deployment = of_kind("Deployment")["ningju-web"]
    broken = {**deployment, "spec": {**deployment["spec"], "replicas": "two"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSIONS[-1], strict=True)


def test_kustomization_applies_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files


def containers(deployment: dict[str, Any]) -> list[dict[str, Any]]:
    spec: list[dict[str, Any]] = deployment["spec"]["template"]["spec"]["containers"]
    return spec


def test_web_and_workers_scale_horizontally_and_beat_stays_alone() -> None:
    deployments, hpas = of_kind("Deployment"), of_kind("HorizontalPodAutoscaler")
    assert {h["spec"]["scaleTargetRef"]["name"] for h in hpas.values()} == {
        "ningju-web",
        "ningju-worker",
    }
    for hpa in hpas.values():
        assert hpa["spec"]["minReplicas"] >= 2
        assert hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]
    beat = deployments["ningju-beat"]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    assert "ningju-beat" not in {h["spec"]["scaleTargetRef"]["name"] for h in hpas.values()}


def test_every_disruption_budget_covers_a_deployment() -> None:
    pods = {
        name: d["spec"]["template"]["metadata"]["labels"]
        for name, d in of_kind("Deployment").items()
    }
    budgets = of_kind("PodDisruptionBudget")
    assert set(budgets) == {"ningju-web", "ningju-worker"}
    for name, budget in budgets.items():
        selector = budget["spec"]["selector"]["matchLabels"]
        assert selector.items() <= pods[name].items()


def test_web_is_ready_on_api_health_and_alive_without_its_dependencies() -> None:
    web = containers(of_kind("Deployment")["ningju-web"])[0]
    assert web["readinessProbe"]["httpGet"]["path"] == "/api/health"
    assert web["readinessProbe"]["timeoutSeconds"] > 2  # HEALTH_CHECK_TIMEOUT
    assert web["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert web["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert "--proxy-headers" in web["command"]
    worker = containers(of_kind("Deployment")["ningju-worker"])[0]
    assert "inspect ping" in " ".join(worker["livenessProbe"]["exec"]["command"])


def test_secrets_come_from_the_cluster_and_none_is_committed() -> None:
    assert not of_kind("Secret")
    for name, deployment in of_kind("Deployment").items():
        sources = containers(deployment)[0]["envFrom"]
        assert {"secretRef": {"name": "ningju-secrets"}} in sources, name
        assert {"configMapRef": {"name": "ningju-config"}} in sources, name
    config = of_kind("ConfigMap")["ningju-config"]["data"]
    secret_names = {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "NEO4J_PASSWORD"}
    assert not secret_names & set(config)
    # Every configured name is a setting (NINGJU_PUBLIC_HOST feeds DJANGO_ALLOWED_HOSTS).
    assert set(config) - {"NINGJU_PUBLIC_HOST"} <= settings_variables()
    assert config["DJANGO_SETTINGS_MODULE"] == "backend.config.settings.production"


def test_the_ingress_terminates_tls_for_the_web_service() -> None:
    ingress = of_kind("Ingress")["ningju"]
    assert ingress["spec"]["tls"][0]["secretName"] == "ningju-tls"
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] in of_kind("Service")
    timeout = ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-read-timeout"]
    assert int(timeout) >= 3600  # websockets
