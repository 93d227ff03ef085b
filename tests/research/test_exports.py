"""Exports of query results and subgraphs as JSON, CSV (zip) and GraphML: small ones inside
the request; the files' contents; who may export and download; bad input."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import pytest
from django.conf import settings

from backend.accounts.models import User
from backend.research.exports import export_dir, export_job_run
from backend.research.lib.formats import ExportData, write_csv_zip, write_graphml, write_json
from backend.research.models import ConsoleRun, ExportJob, ExportStatus
from tests.research.conftest import ResearchNetwork, client_for, run_console

pytestmark = pytest.mark.django_db

QUERY = (
    "MATCH (p:Park)-[h:HOSTS]->(o:Organisation) "
    "RETURN p.name AS park, o.name AS name, p, h, o ORDER BY name"
)


@pytest.fixture(autouse=True)
def _clean_exports() -> Iterator[None]:
    before = set(export_dir().iterdir())
    yield
    for path in set(export_dir().iterdir()) - before:
        path.unlink(missing_ok=True)


def export(user: User, kind: str, fmt: str, **spec: Any) -> Any:
    return client_for(user).post(
        "/api/research/exports", {"kind": kind, "format": fmt, "spec": spec}, format="json"
    )


def download(user: User, job: dict[str, Any]) -> bytes:
    response = client_for(user).get(job["download_url"])
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_small_query_export_is_done_at_once_in_json(
    research_net: ResearchNetwork, rita: User
) -> None:
    response = export(rita, "query", "json", cypher=QUERY, parameters={}, row_cap=100)
    assert response.status_code == 201, response.json()
    job = response.json()
    assert job["status"] == "done" and job["progress"] == 100 and job["rows"] == 3
    body = json.loads(download(rita, job))
    assert body["columns"] == ["park", "name", "p", "h", "o"]
    assert [row[1] for row in body["rows"]] == [
        "宁芯设计有限公司",
        "江宁晶圆制造有限公司",
        "紫金山实验室",
    ]
    assert len(body["nodes"]) == 5 and len(body["edges"]) == 3
    assert ConsoleRun.objects.get(pk=job["run"]).source == "export"


def test_csv_exports_are_a_zip_of_nodes_edges_and_the_table(
    research_net: ResearchNetwork, rita: User
) -> None:
    job = export(rita, "query", "csv", cypher=QUERY, row_cap=100).json()
    archive = zipfile.ZipFile(io.BytesIO(download(rita, job)))
    assert sorted(archive.namelist()) == ["edges.csv", "meta.json", "nodes.csv", "table.csv"]
    nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8-sig"))))
    assert {n["name"] for n in nodes} >= {"江宁园", "紫金山实验室"}
    edges = list(csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8-sig"))))
    assert {e["type"] for e in edges} == {"HOSTS"}
    table = archive.read("table.csv").decode("utf-8-sig").splitlines()
    assert table[0] == "park,name,p,h,o"


def test_graphml_exports_are_valid_xml_with_typed_keys(
    research_net: ResearchNetwork, rita: User
) -> None:
    job = export(rita, "query", "graphml", cypher=QUERY, row_cap=100).json()
    root = ElementTree.fromstring(download(rita, job))  # noqa: S314 - our own file
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key", ns)}
    assert keys["name"] == "string" and keys["available_land_mu"] == "double"
    node_ids = {n.get("id") for n in root.findall("g:graph/g:node", ns)}
    edges = root.findall("g:graph/g:edge", ns)
    assert len(edges) == 3 and all(
        e.get("source") in node_ids and e.get("target") in node_ids for e in edges
    )


def test_a_past_run_can_be_exported_and_park_staff_export_saved_queries(
    research_net: ResearchNetwork, rita: User, bob: User
) -> None:
    run_id = run_console(
        client_for(rita), "MATCH (p:Park) RETURN p.name AS name ORDER BY name"
    ).json()["run"]["id"]
    job = export(rita, "run", "json", run_id=run_id, row_cap=10).json()
    assert json.loads(download(rita, job))["rows"] == [["江北新区"], ["江宁园"]]
    saved = (
        client_for(rita)
        .post(
            "/api/research/saved-queries",
            {
                "name": "园区",
                "cypher": "MATCH (p:Park) RETURN p.name AS name ORDER BY name",
                "parameters": [],
            },
            format="json",
        )
        .json()
    )
    job = export(bob, "saved_query", "csv", saved_query_id=saved["id"], row_cap=10).json()
    assert job["status"] == "done"
    assert export(bob, "query", "json", cypher="RETURN 1").status_code == 403
    assert export(bob, "subgraph", "json", filter={}).status_code == 403
    assert export(bob, "run", "json", run_id=run_id).status_code == 404  # not bob's run


def test_exports_are_private_to_their_owner_and_the_secretariat(
    research_net: ResearchNetwork, rita: User, alice: User, charlie: User
) -> None:
    job = export(rita, "query", "json", cypher="RETURN 1 AS one", row_cap=1).json()
    other = User.objects.create_user(username="ruth", password="x", role="researcher")
    assert client_for(other).get(f"/api/research/exports/{job['id']}").status_code == 404
    assert client_for(other).get(job["download_url"]).status_code == 404
    assert client_for(alice).get(job["download_url"]).status_code == 200
    assert client_for(alice).get("/api/research/exports", {"scope": "all"}).json()["count"] == 1
    assert client_for(rita).get("/api/research/exports", {"scope": "all"}).status_code == 403
    assert client_for(charlie).get("/api/research/exports").status_code == 403


def test_a_refused_export_query_is_a_400_or_a_failed_job(
    research_net: ResearchNetwork, rita: User
) -> None:
    response = export(rita, "query", "json", cypher="MATCH (n) DETACH DELETE n", row_cap=10)
    body = response.json()
    assert response.status_code == 201 and body["status"] == "failed"
    assert body["error"]["code"] == "not_read_only"
    assert body["download_url"] is None
    assert client_for(rita).get(f"/api/research/exports/{body['id']}/download").status_code == 409
    assert export(rita, "query", "json", cypher="RETURN apoc.x()").status_code == 400


@pytest.mark.parametrize(
    "payload",
    [
        {"kind": "query", "format": "xlsx", "spec": {"cypher": "RETURN 1"}},
        {"kind": "everything", "format": "json", "spec": {}},
        {"kind": "query", "format": "json", "spec": "RETURN 1"},
        {"kind": "query", "format": "json", "spec": {"cypher": "RETURN 1", "row_cap": 100_001}},
        {"kind": "run", "format": "json", "spec": {"run_id": "one"}},
        {"kind": "saved_query", "format": "json", "spec": {"saved_query_id": 999999}},
        {"kind": "subgraph", "format": "json", "spec": {"filter": {"label": "Spaceship"}}},
    ],
)
def test_bad_export_requests_are_4xx(
    research_net: ResearchNetwork, rita: User, payload: dict[str, Any]
) -> None:
    response = client_for(rita).post("/api/research/exports", payload, format="json")
    assert response.status_code in (400, 404)
    assert set(response.json()) == {"code", "message", "detail"}


def test_a_subgraph_export_job_runs_once_even_when_run_twice(
    research_net: ResearchNetwork, rita: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        response = export(rita, "subgraph", "graphml", filter={"label": "Park,Organisation"})
    assert response.status_code == 202 and response.json()["status"] == "pending"
    job_id = response.json()["id"]
    assert export_job_run(job_id=job_id) == "done"
    job = ExportJob.objects.get(pk=job_id)
    first_file = job.file_name
    assert (job.nodes, job.edges) == (6, 7)
    assert export_job_run(job_id=job_id) == "skipped"
    assert ExportJob.objects.get(pk=job_id).file_name == first_file
    assert export_job_run(job_id=999999) == "skipped"
    assert job.status == ExportStatus.DONE


def test_confidential_fields_stay_masked_in_exports(confidential_project: str, rita: User) -> None:
    job = export(
        rita,
        "query",
        "json",
        cypher="MATCH (p:Project) RETURN p, properties(p) AS props",
        row_cap=5,
    ).json()
    content = download(rita, job).decode()
    assert "123456789" not in content and "7:3" not in content
    subgraph = ExportJob.objects.create(
        user=rita,
        kind="subgraph",
        format="json",
        spec={
            "filter": {
                "labels": ["Project"],
                "city_uid": None,
                "industry_uid": None,
                "types": ["HOSTS"],
                "max_nodes": 10,
            }
        },
    )
    export_job_run(job_id=subgraph.pk)
    subgraph.refresh_from_db()
    text = (export_dir() / subgraph.file_name).read_text()
    assert "123456789" not in text and '"confidential_budget": "***"' in text


def test_the_writers_handle_odd_values() -> None:
    data = ExportData(
        columns=["x"],
        rows=[[{"a": [1, 2]}], [None], [True]],
        nodes=[
            {
                "id": "n1",
                "uid": "u:1",
                "labels": ["A"],
                "props": {"v": 1, "w": "a\x01<b>&", "z": [1]},
            },
            {"id": "n2", "uid": None, "labels": [], "props": {"v": 2.5}},
        ],
        edges=[{"id": "e1", "type": "R", "source": "n1", "target": "n3", "props": {}}],
    )
    for writer in (write_json, write_csv_zip, write_graphml):
        out = io.BytesIO()
        writer(data, out)
        assert out.getvalue()
    out = io.BytesIO()
    write_graphml(data, out)
    # The missing end n3 is declared, the text escaped.
    root = ElementTree.fromstring(out.getvalue())  # noqa: S314 - our own file
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert {n.get("id") for n in root.findall("g:graph/g:node", ns)} == {"n1", "n2", "n3"}
    assert {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key", ns)}[
        "v"
    ] == "double"
    assert str(settings.VAR_DIR)
