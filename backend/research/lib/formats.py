"""Export file formats for a query result or a subgraph: JSON, CSV (a zip of nodes.csv,
edges.csv and, for query results, table.csv) and GraphML. Pure functions over plain data.

CSV files are UTF-8 with a byte-order mark so that Excel opens Chinese text correctly; values
that are lists or maps are written as JSON. GraphML declares one key per property with the
narrowest type every value fits (boolean, long, double, else string).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO
from xml.sax.saxutils import escape, quoteattr


@dataclass
class ExportData:
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    # {"id", "uid", "labels", "props"}
    nodes: list[dict[str, Any]] = field(default_factory=list)
    # {"id", "type", "source", "target", "props"}
    edges: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


EXTENSIONS = {"json": "json", "csv": "zip", "graphml": "graphml"}
CONTENT_TYPES = {
    "json": "application/json",
    "csv": "application/zip",
    "graphml": "application/graphml+xml",
}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _keys(items: Iterable[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        for key in item.get("props", {}):
            seen.setdefault(key, None)
    return sorted(seen)


def write_json(data: ExportData, out: BinaryIO) -> None:
    body = {
        "meta": data.meta,
        "columns": data.columns,
        "rows": data.rows,
        "nodes": data.nodes,
        "edges": data.edges,
    }
    out.write(json.dumps(body, ensure_ascii=False, default=str).encode("utf-8"))


def _csv_bytes(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def write_csv_zip(data: ExportData, out: BinaryIO) -> None:
    node_keys = _keys(data.nodes)
    edge_keys = _keys(data.edges)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "nodes.csv",
            _csv_bytes(
                ["id", "uid", "labels", *node_keys],
                (
                    [
                        n["id"],
                        n.get("uid") or "",
                        ";".join(n.get("labels", [])),
                        *(n["props"].get(k) for k in node_keys),
                    ]
                    for n in data.nodes
                ),
            ),
        )
        archive.writestr(
            "edges.csv",
            _csv_bytes(
                ["id", "type", "source", "target", *edge_keys],
                (
                    [
                        e["id"],
                        e["type"],
                        e["source"],
                        e["target"],
                        *(e["props"].get(k) for k in edge_keys),
                    ]
                    for e in data.edges
                ),
            ),
        )
        if data.columns:
            archive.writestr("table.csv", _csv_bytes(data.columns, data.rows))
        archive.writestr(
            "meta.json", json.dumps(data.meta, ensure_ascii=False, indent=2, default=str)
        )


def _graphml_type(values: Iterable[Any]) -> str:
    kinds = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool):
            kinds.add("boolean")
        elif isinstance(value, int):
            kinds.add("long")
        elif isinstance(value, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if kinds == {"long", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string"


_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _graphml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _XML_INVALID.sub("", text)


def write_graphml(data: ExportData, out: BinaryIO) -> None:
    node_keys = _keys(data.nodes)
    edge_keys = _keys(data.edges)

    def w(text: str) -> None:
        out.write(text.encode("utf-8"))

    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    w('  <key id="labels" for="node" attr.name="labels" attr.type="string"/>\n')
    w('  <key id="type" for="edge" attr.name="type" attr.type="string"/>\n')
    node_ids = {key: f"n_{i}" for i, key in enumerate(node_keys)}
    edge_ids = {key: f"e_{i}" for i, key in enumerate(edge_keys)}
    for key, key_id in node_ids.items():
        kind = _graphml_type(n["props"].get(key) for n in data.nodes)
        w(f'  <key id="{key_id}" for="node" attr.name={quoteattr(key)} attr.type="{kind}"/>\n')
    for key, key_id in edge_ids.items():
        kind = _graphml_type(e["props"].get(key) for e in data.edges)
        w(f'  <key id="{key_id}" for="edge" attr.name={quoteattr(key)} attr.type="{kind}"/>\n')
    w('  <graph id="ningju" edgedefault="directed">\n')
    for node in data.nodes:
        w(f"    <node id={quoteattr(str(node['id']))}>\n")
        labels = _graphml_value(":".join(node.get("labels", [])))
        w(f'      <data key="labels">{escape(labels)}</data>\n')
        for key, value in node["props"].items():
            if value is not None and key in node_ids:
                w(f'      <data key="{node_ids[key]}">{escape(_graphml_value(value))}</data>\n')
        w("    </node>\n")
    known = {str(n["id"]) for n in data.nodes}
    for missing in sorted(
        {str(e[end]) for e in data.edges for end in ("source", "target")} - known
    ):
        w(f"    <node id={quoteattr(missing)}/>\n")
    for edge in data.edges:
        w(
            f"    <edge id={quoteattr(str(edge['id']))} source={quoteattr(str(edge['source']))} "
            f"target={quoteattr(str(edge['target']))}>\n"
        )
        w(f'      <data key="type">{escape(str(edge["type"]))}</data>\n')
        for key, value in edge["props"].items():
            if value is not None and key in edge_ids:
                w(f'      <data key="{edge_ids[key]}">{escape(_graphml_value(value))}</data>\n')
        w("    </edge>\n")
    w("  </graph>\n</graphml>\n")


WRITERS = {"json": write_json, "csv": write_csv_zip, "graphml": write_graphml}
