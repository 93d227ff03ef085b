"""The research console's read-only guard: free Cypher from researchers, run safely.

Neo4j Community has no database roles, so every safeguard lives here. A query passes four
gates, each of which refuses with a reason in Chinese and English (`QueryRefused`):

1. Text (`check_text`): size, one statement, no `EXPLAIN`/`PROFILE`/`CYPHER` prefix, no `USE`
   clause, no namespaced function outside the built-in ones, nesting depth, no mention of a
   masked (confidential) property key, no computed subscript (`n[k]`) that could read one.
   These are checks the plan cannot make; they are not what keeps writes out.
2. Parameters (`check_parameters`): names, JSON-like values, sizes, no masked keys; every
   `$name` the query uses is given. Values are passed to the driver, never interpolated.
3. Plan (`check_plan`): the query is `EXPLAIN`ed and refused unless the plan's query type is
   read-only (`"r"`); then a deny-list over the plan's operators (LOAD CSV, CALL … IN
   TRANSACTIONS, SHOW/TERMINATE commands, schema and administration commands, every write
   operator), an allow-list of procedures (a few schema-introspection ones; everything else,
   db.*, dbms.*, apoc.*, gds.*, tx.*, is refused), bounded variable-length patterns (at most
   MAX_PATH_HOPS) and the planner's row estimate.
4. Execution (`run_console_query`): an explicit transaction in READ access mode (the server
   itself rejects writes then), with a server-side timeout (default 5 s, at most 30 s) and
   transaction metadata naming the run; at most `row_cap` rows are pulled (default 1,000, at
   most 10,000); the transaction is always rolled back, never committed.

The answer is a table plus the nodes and relationships it holds (for the graph view), with
`capped` when a limit cut it short. Properties on MASKED_PROPERTIES are masked wherever they
appear (nodes, relationships, maps). This module knows nothing of Django.
"""

from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import fnmatch
import json
import math
import re
import secrets
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import neo4j
import neo4j.exceptions
from neo4j import Driver
from neo4j.graph import Node, Path, Relationship

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphError, GraphUnavailable
from graph.queries.research import (
    CONSOLE_SCHEMA_QUERY,
    CONSOLE_TRANSACTIONS_OF_RUN_QUERY,
    TERMINATE_TRANSACTIONS_QUERY,
)

# --- Limits ---------------------------------------------------------------------------------

DEFAULT_TIMEOUT_S = 5.0
MIN_TIMEOUT_S = 0.5
MAX_TIMEOUT_S = 30.0
DEFAULT_ROW_CAP = 1_000
MAX_ROW_CAP = 10_000
# Exports re-run a query with a larger cap (in a worker, not a web request).
MAX_EXPORT_ROW_CAP = 100_000
MAX_QUERY_CHARS = 20_000
MAX_NESTING = 64
MAX_PATH_HOPS = 10
MAX_ESTIMATED_ROWS = 1e9
# range() runs inside one expression, where the server checks no timeout (see _check_ranges).
MAX_RANGE_ITEMS = 10_000_000
MAX_RANGE_PRODUCT = 100_000_000
# The client stops waiting this long after the server-side timeout (a single expression that
# runs long is not interrupted by the server; its transaction is then terminated).
CLIENT_GRACE_S = 2.0
MAX_PARAMETERS = 50
MAX_PARAMETER_BYTES = 256 * 1024
MAX_PARAMETER_DEPTH = 4
MAX_STRING_CHARS = 10_000
MAX_LIST_ITEMS = 10_000
# What one answer may carry besides the table.
MAX_GRAPH_NODES = 2_000
MAX_GRAPH_EDGES = 5_000
MAX_CELL_CHARS = 10_000
MAX_CELL_ITEMS = 1_000

MASK = "***"
_HIDDEN_LABELS = frozenset({"GraphMigration"})

# Confidential fields, by label: masked in every answer and never nameable in a query.
# Projects are not in the graph yet (issue 5); when they are, their confidential_* fields are
# meant to stay out of the projection altogether, and this is the second line.
MASKED_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Project": ("confidential_*",),
}

# Procedures a researcher may CALL: read-only schema introspection. Anything else (db.*,
# dbms.*, tx.*, apoc.*, gds.*, plugins) is refused, whatever its declared mode.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
    }
)

# Namespaces of Neo4j's built-in functions (temporal, spatial, vector). Any other namespaced
# function is a plugin's (APOC and the like), refused.
ALLOWED_FUNCTION_NAMESPACES = frozenset(
    {"date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector"}
)

# Plan operators never allowed, by exact name or prefix (the "@neo4j" suffix removed).
DENIED_OPERATOR_PREFIXES = (
    "Create",
    "Merge",
    "Set",
    "Remove",
    "Delete",
    "DetachDelete",
    "Foreach",
    "SubqueryForeach",
    "LoadCSV",
    "Transaction",
    "Show",
    "Terminate",
    "Drop",
    "Alter",
    "Administration",
    "DoNothingIfExists",
    "LockNodes",
    "AssertSameNode",
    "AssertSameRelationship",
    "SystemProcedureCall",
)

# Operators that expand variable-length patterns; their details carry the bounds.
_VAR_LENGTH_OPERATOR = re.compile(r"VarLength|ShortestPath|Repeat|Trail|VarExpand|BFS")

_OPERATOR_NAMES: dict[str, str] = {
    "Create": "CREATE",
    "Merge": "MERGE",
    "SetProperty": "SET",
    "SetProperties": "SET",
    "SetNodePropertiesFromMap": "SET +=",
    "SetRelationshipPropertiesFromMap": "SET +=",
    "SetPropertiesFromMap": "SET +=",
    "SetNodeProperty": "SET",
    "SetRelationshipProperty": "SET",
    "SetLabels": "SET :Label",
    "RemoveLabels": "REMOVE",
    "Delete": "DELETE",
    "DeleteNode": "DELETE",
    "DeleteRelationship": "DELETE",
    "DetachDelete": "DETACH DELETE",
    "DetachDeleteNode": "DETACH DELETE",
    "Foreach": "FOREACH",
    "LoadCSV": "LOAD CSV",
    "TransactionApply": "CALL { … } IN TRANSACTIONS",
    "TransactionForeach": "CALL { … } IN TRANSACTIONS",
    "AdministrationCommand": "administration command",
    "CreateIndex": "CREATE INDEX",
    "CreateConstraint": "CREATE CONSTRAINT",
    "DropIndex": "DROP INDEX",
    "DropConstraint": "DROP CONSTRAINT",
    "TerminateTransactions": "TERMINATE TRANSACTIONS",
}


# --- Errors ---------------------------------------------------------------------------------


_REASONS: dict[str, tuple[str, str]] = {
    "empty": ("查询为空。", "The query is empty."),
    "too_long": (
        "查询过长（{length} 个字符，上限 {limit}）。",
        "The query is too long ({length} characters; the limit is {limit}).",
    ),
    "control_characters": (
        "查询含有不可见的控制字符。",
        "The query contains control characters.",
    ),
    "too_deep": (
        "查询的括号嵌套过深（上限 {limit} 层）。",
        "The query nests brackets too deeply (at most {limit} levels).",
    ),
    "multiple_statements": (
        "一次只能执行一条语句（不要用分号连接多条语句）。",
        "Run one statement at a time (no semicolon-separated statements).",
    ),
    "explain_prefix": (
        "请勿添加 {prefix} 前缀：控制台会自行分析查询计划。",
        "Do not add {prefix}: the console analyses the plan itself.",
    ),
    "query_options": (
        "不允许使用 CYPHER 查询选项：运行时与版本由控制台决定。",
        "CYPHER query options are not allowed; the console chooses runtime and version.",
    ),
    "use_clause": (
        "不允许使用 USE 子句：控制台只查询平台的图数据库。",
        "The USE clause is not allowed; the console queries the platform's graph only.",
    ),
    "masked_property": (
        "查询涉及保密字段（{name}），控制台不予执行。",
        "The query refers to a confidential field ({name}); the console will not run it.",
    ),
    "dynamic_subscript": (
        "不允许以计算值作下标（{expr}）：请用 n.属性名 或整数下标。",
        "Computed subscripts ({expr}) are not allowed; use n.property or an integer index.",
    ),
    "function_not_allowed": (
        "不允许调用函数 {name}（只允许 Neo4j 内置函数）。",
        "The function {name} is not allowed (only Neo4j's built-in functions are).",
    ),
    "parameter_invalid": ("参数 {name} 无效：{why_zh}", "Parameter {name} is invalid: {why_en}"),
    "parameter_missing": (
        "缺少查询参数：{names}。",
        "Missing query parameters: {names}.",
    ),
    "too_many_parameters": (
        "参数过多（上限 {limit} 个）。",
        "Too many parameters (at most {limit}).",
    ),
    "parameters_too_large": (
        "参数总量过大（上限 {limit} 字节）。",
        "The parameters are too large (at most {limit} bytes).",
    ),
    "limit_invalid": (
        "{name} 须在 {minimum}–{maximum} 之间。",
        "{name} must lie between {minimum} and {maximum}.",
    ),
    "syntax_error": ("Cypher 语法错误：{message}", "Cypher syntax error: {message}"),
    "unknown_procedure": (
        "未知的过程或函数（服务器上没有安装）：{message}",
        "Unknown procedure or function (not installed on the server): {message}",
    ),
    "could_not_plan": (
        "查询无法分析，不予执行：{message}",
        "The query could not be planned, so it was not run: {message}",
    ),
    "not_read_only": (
        "控制台只执行只读查询；此查询的类型为“{query_type}”{operators_zh}。",
        "The console runs read-only queries only; this one is of type '{query_type}'"
        "{operators_en}.",
    ),
    "operator_not_allowed": (
        "查询计划包含不允许的操作：{operators}。",
        "The query plan contains operations that are not allowed: {operators}.",
    ),
    "procedure_not_allowed": (
        "不允许调用过程 {name}（控制台只允许：{allowed}）。",
        "The procedure {name} is not allowed (the console allows: {allowed}).",
    ),
    "unbounded_path": (
        "变长路径必须给出上限（不超过 {limit} 跳），例如 -[*..4]-。",
        "Variable-length patterns need an upper bound of at most {limit} hops, e.g. -[*..4]-.",
    ),
    "path_too_long": (
        "变长路径上限 {hops} 跳超过允许的 {limit} 跳。",
        "A variable-length pattern allows {hops} hops; at most {limit} are allowed.",
    ),
    "nested_iteration": (
        "不允许在一个表达式中嵌套循环（{expr}）：请改用 UNWIND 逐行处理。",
        "Loops nested inside one expression are not allowed ({expr}); use UNWIND to work "
        "row by row.",
    ),
    "range_too_large": (
        "range() 的范围过大（{expr}，上限 {limit} 项）。",
        "range() is too large ({expr}; at most {limit} items).",
    ),
    "ranges_too_large": (
        "查询中各 range() 的范围相乘过大（上限 {limit}）。",
        "The ranges of the query multiply to too many items (at most {limit}).",
    ),
    "too_expensive": (
        "查询计划预计产生约 {rows} 行（上限 {limit}），请缩小查询范围。",
        "The planner expects about {rows} rows (the limit is {limit}); narrow the query.",
    ),
    "access_mode": (
        "数据库拒绝了写操作：控制台的事务是只读的。",
        "The database refused a write: console transactions are read-only.",
    ),
    "query_timeout": (
        "查询超过 {seconds} 秒时限，已被终止。",
        "The query ran past its {seconds} s limit and was stopped.",
    ),
    "query_memory": (
        "查询所需内存超过数据库的上限，已被终止。",
        "The query needed more memory than the database allows and was stopped.",
    ),
    "query_failed": ("查询执行出错：{message}", "The query failed: {message}"),
}


class ConsoleError(GraphError):
    """A console query that was refused or stopped; `code`, a reason in both languages and
    structured `detail` for the API."""

    def __init__(self, code: str, detail: Mapping[str, Any] | None = None, **values: Any) -> None:
        zh, en = _REASONS[code]
        self.code = code
        self.values = dict(values)
        self.zh = zh.format(**values)
        self.en = en.format(**values)
        self.detail: dict[str, Any] = {"reason": code, **(detail or {})}
        super().__init__(self.en)


class QueryRefused(ConsoleError):
    """Refused before it ran (text, parameters, limits or plan)."""


class QueryTimedOut(ConsoleError):
    """Ran and was stopped by the transaction timeout."""

    def __init__(self, seconds: float) -> None:
        super().__init__("query_timeout", {"timeout_s": seconds}, seconds=_fmt_seconds(seconds))


class QueryFailed(ConsoleError):
    """Ran and failed (a type error, division by zero, the memory limit, …)."""


def _fmt_seconds(seconds: float) -> str:
    return f"{seconds:g}"


# --- Results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsoleNode:
    id: str  # element id (stable within one answer)
    uid: str | None
    label: str
    labels: list[str]
    name: str
    props: dict[str, Any]


@dataclass(frozen=True)
class ConsoleEdge:
    id: str
    type: str
    source: str  # element ids of the end nodes
    target: str
    props: dict[str, Any]


@dataclass
class ConsoleResult:
    columns: list[str]
    rows: list[list[Any]]
    nodes: list[ConsoleNode] = field(default_factory=list)
    edges: list[ConsoleEdge] = field(default_factory=list)
    capped: bool = False  # the row cap cut the table short
    graph_capped: bool = False  # the graph view holds only part of the nodes/relationships
    truncated_cells: bool = False  # a long string or list in a cell was shortened
    masked: bool = False  # some confidential value was masked
    query_type: str = "r"
    plan_ms: float = 0.0
    run_ms: float = 0.0

    @property
    def row_count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class PlanInfo:
    query_type: str
    operators: list[str]
    procedures: list[str]
    var_length: list[tuple[str, int | None]]  # (operator details, upper bound or None)
    max_estimated_rows: float
    functions: list[str]


# --- Gate 1: the text -----------------------------------------------------------------------

_ESCAPES = {
    "\\": "\\",
    "'": "'",
    '"': '"',
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_STRING_MARK = "\x01"
_NAME_MARK = "\x02"


@dataclass(frozen=True)
class Scan:
    """A query split into code (comments removed, strings and backticked names replaced by
    numbered markers) and the decoded strings and names."""

    code: str
    strings: list[str]
    names: list[str]


def scan(cypher: str) -> Scan:
    code: list[str] = []
    strings: list[str] = []
    names: list[str] = []
    i, n = 0, len(cypher)
    while i < n:
        c = cypher[i]
        if c == "/" and cypher.startswith("//", i):
            end = cypher.find("\n", i)
            i = n if end < 0 else end
            code.append(" ")
        elif c == "/" and cypher.startswith("/*", i):
            end = cypher.find("*/", i + 2)
            i = n if end < 0 else end + 2
            code.append(" ")
        elif c in ("'", '"'):
            text, i = _read_string(cypher, i)
            code.append(f"{_STRING_MARK}{len(strings)}{_STRING_MARK}")
            strings.append(text)
        elif c == "`":
            end = i + 1
            parts: list[str] = []
            while end < n:
                if cypher[end] == "`":
                    if cypher.startswith("``", end):  # an escaped backtick
                        parts.append("`")
                        end += 2
                        continue
                    break
                parts.append(cypher[end])
                end += 1
            code.append(f"{_NAME_MARK}{len(names)}{_NAME_MARK}")
            names.append("".join(parts))
            i = end + 1
        else:
            code.append(c)
            i += 1
    return Scan("".join(code), strings, names)


def _read_string(cypher: str, start: int) -> tuple[str, int]:
    quote, i, n = cypher[start], start + 1, len(cypher)
    out: list[str] = []
    while i < n:
        c = cypher[i]
        if c == "\\" and i + 1 < n:
            nxt = cypher[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
            if nxt in "uU":
                width = 4 if nxt == "u" else 8
                digits = cypher[i + 2 : i + 2 + width]
                if len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
                    code_point = int(digits, 16)
                    out.append(chr(code_point) if code_point <= 0x10FFFF else "")
                    i += 2 + width
                    continue
            out.append(nxt)
            i += 2
            continue
        if c == quote:
            return "".join(out), i + 1
        out.append(c)
        i += 1
    return "".join(out), n  # unterminated: the planner reports the syntax error


def _mask_stems() -> list[str]:
    stems = []
    for patterns in MASKED_PROPERTIES.values():
        for pattern in patterns:
            stem = re.split(r"[*?\[]", pattern, maxsplit=1)[0].lower()
            if stem:
                stems.append(stem)
    return stems


def is_masked_key(key: str, labels: Iterable[str] | None = None) -> bool:
    """Whether a property key is confidential: for these labels, or (labels None, as for a map
    whose owner is unknown) for any label."""
    wanted = MASKED_PROPERTIES.keys() if labels is None else set(labels) & MASKED_PROPERTIES.keys()
    return any(
        fnmatch.fnmatchcase(key.lower(), pattern.lower())
        for label in wanted
        for pattern in MASKED_PROPERTIES[label]
    )


def _mentions_masked(text: str) -> str | None:
    lowered = text.lower()
    for stem in _mask_stems():
        if stem in lowered:
            return stem
    return None


_KEYWORD = re.compile(r"[A-Za-z_]\w*")
_PREFIX = re.compile(r"^\s*(EXPLAIN|PROFILE|CYPHER)\b", re.IGNORECASE)
_USE = re.compile(r"(?<![\w.$:\x02])USE\b", re.IGNORECASE)
_NAMESPACED_CALL = re.compile(
    r"(?<![\w.$:\x02])([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+)\s*\(", re.IGNORECASE
)
_CALL_BEFORE = re.compile(r"CALL\s*$", re.IGNORECASE)
_PARAMETER = re.compile(r"\$\s*(?:([A-Za-z_0-9]\w*)|\x02(\d+)\x02)")
# Words after which "[" starts a list, never a subscript.
_EXPRESSION_KEYWORDS = frozenset(
    [
        "RETURN",
        "WITH",
        "WHERE",
        "AND",
        "OR",
        "XOR",
        "NOT",
        "IN",
        "UNWIND",
        "CASE",
        "WHEN",
        "THEN",
        "ELSE",
        "DISTINCT",
        "BY",
        "SKIP",
        "LIMIT",
        "SET",
        "YIELD",
        "ON",
        "CONTAINS",
        "ENDS",
        "IS",
        "OF",
        "ORDER",
        "ASC",
        "DESC",
        "ASCENDING",
        "DESCENDING",
        "AS",
    ]
)
_INDEX_TERM = r"(?:-?\s*\d+|\$\s*[A-Za-z_0-9]\w*)"
_SUBSCRIPT_INDEX = re.compile(rf"^{_INDEX_TERM}$|^({_INDEX_TERM})?\s*\.\.\s*({_INDEX_TERM})?$")
_INDEX_PARAMETER = re.compile(r"\$\s*([A-Za-z_0-9]\w*)")


def check_text(cypher: str, parameters: Mapping[str, Any] | None = None) -> Scan:
    """Gate 1; returns the scan for the later gates. Raises QueryRefused."""
    if not cypher or not cypher.strip():
        raise QueryRefused("empty")
    if len(cypher) > MAX_QUERY_CHARS:
        raise QueryRefused(
            "too_long", {"length": len(cypher)}, length=len(cypher), limit=MAX_QUERY_CHARS
        )
    if _CONTROL.search(cypher):
        raise QueryRefused("control_characters")
    scanned = scan(cypher)
    code = scanned.code

    stem = _mentions_masked(cypher) or next(
        (s for s in map(_mentions_masked, [*scanned.strings, *scanned.names]) if s), None
    )
    if stem:
        raise QueryRefused("masked_property", {"name": stem + "…"}, name=stem + "…")

    depth = deepest = 0
    for c in code:
        if c in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in ")]}":
            depth -= 1
    if deepest > MAX_NESTING:
        raise QueryRefused("too_deep", limit=MAX_NESTING)

    if ";" in code.rstrip().rstrip(";"):
        raise QueryRefused("multiple_statements")
    prefix = _PREFIX.match(code)
    if prefix:
        word = prefix.group(1).upper()
        if word == "CYPHER":
            raise QueryRefused("query_options")
        raise QueryRefused("explain_prefix", prefix=word)
    if _USE.search(code):
        raise QueryRefused("use_clause")

    for match in _NAMESPACED_CALL.finditer(code):
        name = re.sub(r"\s+", "", match.group(1))
        if _CALL_BEFORE.search(code[: match.start()]):
            continue  # a procedure: judged on the plan
        if name.split(".", 1)[0].lower() not in ALLOWED_FUNCTION_NAMESPACES:
            raise QueryRefused("function_not_allowed", {"name": name}, name=name)

    _check_subscripts(scanned, parameters or {})
    _check_ranges(scanned, parameters or {})
    _check_nested_iteration(scanned)
    return scanned


# Loops that run inside one expression: reduce(), list comprehensions and the quantifiers.
_ITERATION = re.compile(
    r"(?<![\w.$\x02])(?:reduce\s*\(|(?:any|all|none|single)\s*\(\s*[A-Za-z_]\w*\s+IN\b)"
    r"|\[\s*[A-Za-z_]\w*\s+IN\b",
    re.IGNORECASE,
)


def _check_nested_iteration(scanned: Scan) -> None:
    """Neo4j checks the transaction timeout between rows, not inside an expression: a loop
    nested in another loop of the same expression (reduce over reduce, a comprehension inside
    a comprehension) could run for hours however short the timeout. One level is allowed."""
    code = scanned.code
    spans = []
    for match in _ITERATION.finditer(code):
        opener = match.start() + match.group(0).index(
            "[" if match.group(0).startswith("[") else "("
        )
        close = (_matching_bracket if code[opener] == "[" else _matching_paren)(code, opener)
        spans.append((match.start(), close))
    for start, end in spans:
        inner = next((s for s, _ in spans if start < s < end), None)
        if inner is not None:
            shown = _restore(code[start : min(end + 1, start + 80)], scanned)
            raise QueryRefused("nested_iteration", {"expr": shown}, expr=shown)


_RANGE_CALL = re.compile(r"(?<![\w.$\x02])range\s*\(", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])(0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)")


def _split_arguments(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def _static_int(argument: str, parameters: Mapping[str, Any]) -> int | None:
    text = argument.replace(" ", "")
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    if re.fullmatch(r"[-+]?0x[0-9a-fA-F]+", text):
        return int(text, 16)
    param = re.fullmatch(r"\$([A-Za-z_0-9]\w*)", text)
    if param and _is_int(parameters.get(param.group(1))):
        return int(parameters[param.group(1)])
    return None


def _check_ranges(scanned: Scan, parameters: Mapping[str, Any]) -> None:
    """range() is evaluated inside one expression, where Neo4j does not check the transaction
    timeout: bound what can be known before running (literal and parameter bounds, and the
    product of every range of the query, for ranges nested in one another)."""
    code = scanned.code
    product = 1
    for match in _RANGE_CALL.finditer(code):
        open_at = match.end() - 1
        close = _matching_paren(code, open_at)
        arguments = _split_arguments(code[open_at + 1 : close])
        shown = _restore(code[match.start() : close + 1], scanned)[:80]
        values = [_static_int(a, parameters) for a in arguments]
        if len(arguments) in (2, 3) and values[0] is not None and values[1] is not None:
            step = values[2] if len(arguments) == 3 and values[2] else 1
            size = max(0, (values[1] - values[0]) // step + 1)
        else:
            # Bounds computed at run time: refuse the evident ways of making them huge.
            numbers = [
                float(int(n, 16) if n.lower().startswith("0x") else float(n))
                for n in _NUMBER.findall(code[open_at + 1 : close])
            ]
            if "^" in code[open_at:close] or any(abs(n) > MAX_RANGE_ITEMS for n in numbers):
                raise QueryRefused(
                    "range_too_large", {"expr": shown}, expr=shown, limit=f"{MAX_RANGE_ITEMS:,}"
                )
            continue
        if size > MAX_RANGE_ITEMS:
            raise QueryRefused(
                "range_too_large", {"expr": shown}, expr=shown, limit=f"{MAX_RANGE_ITEMS:,}"
            )
        product *= max(size, 1)
        if product > MAX_RANGE_PRODUCT:
            raise QueryRefused("ranges_too_large", {"expr": shown}, limit=f"{MAX_RANGE_PRODUCT:,}")


def _matching_paren(code: str, index: int) -> int:
    depth = 0
    for j in range(index, len(code)):
        if code[j] == "(":
            depth += 1
        elif code[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(code)


def _check_subscripts(scanned: Scan, parameters: Mapping[str, Any]) -> None:
    code = scanned.code
    for index, c in enumerate(code):
        if c != "[" or not _is_subscript(code, index):
            continue
        close = _matching_bracket(code, index)
        inner = code[index + 1 : close].strip()
        if _SUBSCRIPT_INDEX.match(inner) and all(
            _is_int(parameters.get(name)) for name in _INDEX_PARAMETER.findall(inner)
        ):
            continue
        string = re.fullmatch(rf"{_STRING_MARK}(\d+){_STRING_MARK}", inner)
        if string:
            key = scanned.strings[int(string.group(1))]
            if not is_masked_key(key):
                continue
        param = re.fullmatch(r"\$\s*([A-Za-z_0-9]\w*)", inner)
        if param:
            value = parameters.get(param.group(1))
            if isinstance(value, str) and not is_masked_key(value):
                continue
        shown = _restore(code[index : close + 1], scanned)[:60]
        raise QueryRefused("dynamic_subscript", {"expr": shown}, expr=shown)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_subscript(code: str, index: int) -> bool:
    """Whether the "[" at index indexes the expression before it (rather than opening a list
    or a relationship pattern)."""
    j = index - 1
    while j >= 0 and code[j].isspace():
        j -= 1
    if j < 0:
        return False
    before = code[j]
    if before in ")]}" or before in (_STRING_MARK, _NAME_MARK):
        return True
    if before.isalnum() or before == "_":
        start = j
        while start > 0 and (code[start - 1].isalnum() or code[start - 1] == "_"):
            start -= 1
        word = code[start : j + 1]
        preceded_by_dot = start > 0 and code[start - 1] == "."
        return preceded_by_dot or word.upper() not in _EXPRESSION_KEYWORDS
    return False


def _matching_bracket(code: str, index: int) -> int:
    depth = 0
    for j in range(index, len(code)):
        if code[j] == "[":
            depth += 1
        elif code[j] == "]":
            depth -= 1
            if depth == 0:
                return j
    return len(code)


def _restore(fragment: str, scanned: Scan) -> str:
    fragment = re.sub(
        rf"{_STRING_MARK}(\d+){_STRING_MARK}",
        lambda m: repr(scanned.strings[int(m.group(1))]),
        fragment,
    )
    return re.sub(
        rf"{_NAME_MARK}(\d+){_NAME_MARK}",
        lambda m: f"`{scanned.names[int(m.group(1))]}`",
        fragment,
    )


# --- Gate 2: the parameters -----------------------------------------------------------------

_PARAMETER_NAME = re.compile(r"^[A-Za-z_0-9]\w{0,63}$")


def check_parameters(parameters: Mapping[str, Any], scanned: Scan | None = None) -> None:
    """Gate 2. Raises QueryRefused naming the first bad parameter."""
    if not isinstance(parameters, Mapping):
        raise QueryRefused(
            "parameter_invalid",
            name="-",
            why_zh="参数须为对象（名称→值）。",
            why_en="parameters must be an object (name -> value).",
        )
    if len(parameters) > MAX_PARAMETERS:
        raise QueryRefused("too_many_parameters", limit=MAX_PARAMETERS)
    for name, value in parameters.items():
        if not isinstance(name, str) or not _PARAMETER_NAME.match(name):
            raise QueryRefused(
                "parameter_invalid",
                {"name": str(name)[:64]},
                name=str(name)[:64],
                why_zh="名称只能含字母、数字和下划线（最长 64 个字符）。",
                why_en="names may hold letters, digits and underscores (64 at most).",
            )
        _check_value(name, value, 0)
    try:
        size = len(json.dumps(parameters, ensure_ascii=False, allow_nan=False).encode())
    except (TypeError, ValueError):
        size = MAX_PARAMETER_BYTES + 1
    if size > MAX_PARAMETER_BYTES:
        raise QueryRefused("parameters_too_large", limit=MAX_PARAMETER_BYTES)
    if scanned is not None:
        used = {
            m.group(1) or scanned.names[int(m.group(2))] for m in _PARAMETER.finditer(scanned.code)
        }
        missing = sorted(used - set(parameters))
        if missing:
            raise QueryRefused(
                "parameter_missing", {"names": missing}, names=", ".join(f"${n}" for n in missing)
            )


def _bad(name: str, why_zh: str, why_en: str) -> QueryRefused:
    return QueryRefused(
        "parameter_invalid", {"name": name}, name=name, why_zh=why_zh, why_en=why_en
    )


def _check_value(name: str, value: Any, depth: int) -> None:
    if depth > MAX_PARAMETER_DEPTH:
        raise _bad(name, "嵌套过深。", "nested too deeply.")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise _bad(name, "整数超出 64 位范围。", "the integer does not fit in 64 bits.")
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _bad(name, "数值须为有限数。", "numbers must be finite.")
        return
    if isinstance(value, str):
        if len(value) > MAX_STRING_CHARS:
            raise _bad(
                name,
                f"字符串过长（上限 {MAX_STRING_CHARS} 字符）。",
                f"the string is too long (at most {MAX_STRING_CHARS} characters).",
            )
        if _mentions_masked(value):
            raise _bad(name, "涉及保密字段。", "it refers to a confidential field.")
        return
    if isinstance(value, list | tuple):
        if len(value) > MAX_LIST_ITEMS:
            raise _bad(
                name,
                f"列表过长（上限 {MAX_LIST_ITEMS} 项）。",
                f"the list is too long (at most {MAX_LIST_ITEMS} items).",
            )
        for item in value:
            _check_value(name, item, depth + 1)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or len(key) > 64:
                raise _bad(name, "对象的键须为短字符串。", "map keys must be short strings.")
            if _mentions_masked(key):
                raise _bad(name, "涉及保密字段。", "it refers to a confidential field.")
            _check_value(name, item, depth + 1)
        return
    raise _bad(
        name,
        "只接受字符串、数值、布尔、null、列表和对象。",
        "only strings, numbers, booleans, null, lists and maps are accepted.",
    )


# --- Gate 3: the plan -----------------------------------------------------------------------

_BOUNDS = re.compile(r"\[[^\[\]]*?\*\s*(\d*)\s*(\.\.\s*(\d*))?[^\[\]]*\]")
_QPP_BOUNDS = re.compile(r"\{\s*(\d*)\s*,\s*(\d*|\*)\s*\}")
_PROCEDURE_NAME = re.compile(r"^\s*([\w.`]+)\s*\(")
_UNBOUNDED = 2**31 - 1


def _operator(plan: Mapping[str, Any]) -> str:
    return str(plan.get("operatorType", "")).split("@", 1)[0]


def _walk(plan: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    yield plan
    for child in plan.get("children", []) or []:
        yield from _walk(child)


def inspect_plan(query_type: str | None, plan: Mapping[str, Any] | None) -> PlanInfo:
    operators: list[str] = []
    procedures: list[str] = []
    functions: list[str] = []
    var_length: list[tuple[str, int | None]] = []
    estimated = 0.0
    for step in _walk(plan or {}):
        name = _operator(step)
        operators.append(name)
        arguments = step.get("args") or step.get("arguments") or {}
        details = str(arguments.get("Details") or "")
        rows = arguments.get("EstimatedRows")
        if isinstance(rows, int | float) and math.isfinite(rows):
            estimated = max(estimated, float(rows))
        if name == "ProcedureCall":
            match = _PROCEDURE_NAME.match(details)
            procedures.append(match.group(1).replace("`", "") if match else "?")
            details = details[match.end() :] if match else details
        for match in _NAMESPACED_CALL.finditer(details):
            functions.append(re.sub(r"\s+", "", match.group(1)))
        if _VAR_LENGTH_OPERATOR.search(name):
            var_length += _bounds(details)
    return PlanInfo(
        query_type=str(query_type or "?"),
        operators=operators,
        procedures=procedures,
        var_length=var_length,
        max_estimated_rows=estimated,
        functions=functions,
    )


def _bounds(details: str) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []
    for match in _BOUNDS.finditer(details):
        low, dots, high = match.group(1), match.group(2), match.group(3)
        # [*3] is exactly 3, [*] and [*2..] are unbounded, [*..4] and [*2..4] stop at 4.
        bound = low if dots is None else high
        upper = int(bound) if bound else None
        if upper is not None and upper >= _UNBOUNDED:  # how EXISTS { (a)-[*]->() } is planned
            upper = None
        found.append((match.group(0), upper))
    for match in _QPP_BOUNDS.finditer(details):
        high = match.group(2)
        found.append((match.group(0), int(high) if high and high != "*" else None))
    return found


def _denied(operator: str) -> bool:
    return any(operator.startswith(prefix) for prefix in DENIED_OPERATOR_PREFIXES)


def _shown(operators: Iterable[str]) -> str:
    names: list[str] = []
    for operator in operators:
        shown = _OPERATOR_NAMES.get(operator)
        if shown is None:
            if operator.startswith("Show"):
                shown = "SHOW …"
            elif operator.startswith(("Create", "Drop", "Alter")):
                shown = "schema command (" + operator + ")"
            else:
                shown = operator
        if shown not in names:
            names.append(shown)
    return ", ".join(names)


def check_plan(info: PlanInfo) -> None:
    """Gate 3. Raises QueryRefused."""
    denied = [op for op in info.operators if _denied(op)]
    if info.query_type != "r":
        shown = _shown(denied)
        raise QueryRefused(
            "not_read_only",
            {"query_type": info.query_type, "operators": denied},
            query_type=info.query_type,
            operators_zh=f"，包含 {shown}" if shown else "",
            operators_en=f" and contains {shown}" if shown else "",
        )
    if denied:
        raise QueryRefused("operator_not_allowed", {"operators": denied}, operators=_shown(denied))
    for procedure in info.procedures:
        if procedure not in ALLOWED_PROCEDURES:
            raise QueryRefused(
                "procedure_not_allowed",
                {"name": procedure},
                name=procedure,
                allowed=", ".join(sorted(ALLOWED_PROCEDURES)),
            )
    for function in info.functions:
        if function.split(".", 1)[0].lower() not in ALLOWED_FUNCTION_NAMESPACES:
            raise QueryRefused("function_not_allowed", {"name": function}, name=function)
    for details, upper in info.var_length:
        if upper is None:
            raise QueryRefused("unbounded_path", {"pattern": details}, limit=MAX_PATH_HOPS)
        if upper > MAX_PATH_HOPS:
            raise QueryRefused(
                "path_too_long", {"pattern": details}, hops=upper, limit=MAX_PATH_HOPS
            )
    if info.max_estimated_rows > MAX_ESTIMATED_ROWS:
        raise QueryRefused(
            "too_expensive",
            {"estimated_rows": info.max_estimated_rows},
            rows=f"{info.max_estimated_rows:.3g}",
            limit=f"{MAX_ESTIMATED_ROWS:.0e}",
        )


# --- Gate 4: running it ---------------------------------------------------------------------

_TIMEOUT_CODES = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
        "Neo.TransientError.Transaction.TransactionTimedOut",
        "Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration",
    }
)
_MEMORY_CODES = frozenset(
    {
        "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        "Neo.TransientError.General.TransactionMemoryLimit",
        "Neo.TransientError.General.OutOfMemoryError",
        "Neo.DatabaseError.General.OutOfMemoryError",
    }
)


def check_limits(timeout_s: float, row_cap: int, *, max_row_cap: int = MAX_ROW_CAP) -> None:
    if not (isinstance(timeout_s, int | float) and MIN_TIMEOUT_S <= timeout_s <= MAX_TIMEOUT_S):
        raise QueryRefused(
            "limit_invalid", name="timeout_s", minimum=MIN_TIMEOUT_S, maximum=MAX_TIMEOUT_S
        )
    if isinstance(row_cap, bool) or not isinstance(row_cap, int) or not 1 <= row_cap <= max_row_cap:
        raise QueryRefused("limit_invalid", name="row_cap", minimum=1, maximum=max_row_cap)


def _message(exc: neo4j.exceptions.Neo4jError) -> str:
    text = str(getattr(exc, "message", None) or exc)
    return text.split("\n", 1)[0][:300]


def _refusal_from_planning(exc: neo4j.exceptions.Neo4jError) -> QueryRefused:
    code = exc.code or ""
    if code.startswith("Neo.ClientError.Procedure.ProcedureNotFound") or "Unknown function" in str(
        exc
    ):
        return QueryRefused("unknown_procedure", {"neo4j_code": code}, message=_message(exc))
    if code == "Neo.ClientError.Statement.SyntaxError":
        return QueryRefused("syntax_error", {"neo4j_code": code}, message=_message(exc))
    if code == "Neo.ClientError.Statement.AccessMode":
        return QueryRefused("access_mode", {"neo4j_code": code})
    return QueryRefused("could_not_plan", {"neo4j_code": code}, message=_message(exc))


def run_console_query(
    driver: Driver,
    database: str,
    cypher: str,
    parameters: Mapping[str, Any] | None = None,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    row_cap: int = DEFAULT_ROW_CAP,
    max_row_cap: int = MAX_ROW_CAP,
    metadata: Mapping[str, Any] | None = None,
) -> ConsoleResult:
    """Check and run one console query read-only. Raises QueryRefused (before it ran),
    QueryTimedOut, QueryFailed, or GraphUnavailable."""
    params = dict(parameters or {})
    check_limits(timeout_s, row_cap, max_row_cap=max_row_cap)
    check_parameters(params)
    scanned = check_text(cypher, params)
    check_parameters(params, scanned)

    # A marker in the transaction metadata, so a transaction the server does not stop in time
    # can be found and terminated.
    marker = {**(metadata or {}), "app": "ningju-console", "console_id": secrets.token_hex(8)}
    future = _executor.submit(
        _execute, driver, database, cypher, params, timeout_s, row_cap, marker
    )
    try:
        return future.result(timeout=timeout_s + CLIENT_GRACE_S)
    except concurrent.futures.TimeoutError:
        # The server did not stop it (a long single expression): stop waiting, terminate it.
        _terminate(driver, database, marker["console_id"])
        raise QueryTimedOut(timeout_s) from None


_executor = concurrent.futures.ThreadPoolExecutor(max_workers=32, thread_name_prefix="console")


def _execute(
    driver: Driver,
    database: str,
    cypher: str,
    params: dict[str, Any],
    timeout_s: float,
    row_cap: int,
    marker: dict[str, Any],
) -> ConsoleResult:
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            tx = session.begin_transaction(metadata=marker, timeout=timeout_s)
            try:
                return _plan_and_run(tx, cypher, params, timeout_s, row_cap)
            finally:
                # Never committed: even a write that slipped past every check is undone.
                if not tx.closed():
                    with contextlib.suppress(Exception):
                        tx.rollback()
    except ConsoleError:
        raise
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc
    except neo4j.exceptions.Neo4jError as exc:
        raise _runtime_error(exc, timeout_s) from exc


def _terminate(driver: Driver, database: str, console_id: str) -> None:
    """Best effort: ask the server to terminate the run's transaction."""
    with contextlib.suppress(Exception):
        records = driver.execute_query(
            CONSOLE_TRANSACTIONS_OF_RUN_QUERY, console_id=console_id, database_=database
        ).records
        ids = [r["transactionId"] for r in records]
        if ids:
            driver.execute_query(TERMINATE_TRANSACTIONS_QUERY, ids=ids, database_=database)


def check_console_query(
    driver: Driver,
    database: str,
    cypher: str,
    parameters: Mapping[str, Any] | None = None,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> PlanInfo:
    """Gates 1 to 3 without running the query (for the editor and for saving a query).
    Parameters may be left out: a saved query is checked before anyone gives them."""
    params = dict(parameters or {})
    check_parameters(params)
    check_text(cypher, params)
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            tx = session.begin_transaction(
                metadata={"app": "ningju-console-check"}, timeout=timeout_s
            )
            try:
                summary = tx.run("EXPLAIN " + cypher, params).consume()
            except neo4j.exceptions.Neo4jError as exc:
                raise _refusal_from_planning(exc) from exc
            finally:
                if not tx.closed():
                    with contextlib.suppress(Exception):
                        tx.rollback()
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc
    info = inspect_plan(summary.query_type, summary.plan)
    check_plan(info)
    return info


def parameter_names(cypher: str) -> list[str]:
    """The $parameters a query uses, in order of first use."""
    scanned = scan(cypher)
    names: list[str] = []
    for match in _PARAMETER.finditer(scanned.code):
        name = match.group(1) or scanned.names[int(match.group(2))]
        if name not in names:
            names.append(name)
    return names


@dataclass(frozen=True)
class ConsoleSchema:
    labels: list[str]
    types: list[str]
    keys: list[str]


def console_schema(driver: Driver, database: str) -> ConsoleSchema:
    """Labels, relationship types and property keys for the editor's hints (masked keys and
    the migration bookkeeping left out)."""

    def work(tx: neo4j.ManagedTransaction) -> ConsoleSchema:
        record = tx.run(CONSOLE_SCHEMA_QUERY).single()
        if record is None:
            return ConsoleSchema([], [], [])
        return ConsoleSchema(
            labels=sorted(x for x in record["labels"] if x not in _HIDDEN_LABELS),
            types=sorted(record["types"]),
            keys=sorted(k for k in record["keys"] if not is_masked_key(k)),
        )

    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            result: ConsoleSchema = s.execute_read(work)
            return result
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc


def _runtime_error(exc: neo4j.exceptions.Neo4jError, timeout_s: float) -> ConsoleError:
    code = exc.code or ""
    if code in _TIMEOUT_CODES or "TransactionTimedOut" in code:
        return QueryTimedOut(timeout_s)
    if code in _MEMORY_CODES or "Memory" in code:
        return QueryFailed("query_memory", {"neo4j_code": code})
    if code == "Neo.ClientError.Statement.AccessMode":
        return QueryRefused("access_mode", {"neo4j_code": code})
    if code == "Neo.ClientError.Statement.ParameterMissing":
        return QueryRefused("parameter_missing", {"neo4j_code": code}, names=_message(exc))
    return QueryFailed("query_failed", {"neo4j_code": code}, message=_message(exc))


def _plan_and_run(
    tx: neo4j.Transaction, cypher: str, params: dict[str, Any], timeout_s: float, row_cap: int
) -> ConsoleResult:
    started = time.perf_counter()
    try:
        summary = tx.run("EXPLAIN " + cypher, params).consume()
    except neo4j.exceptions.Neo4jError as exc:
        if exc.code in _TIMEOUT_CODES:
            raise QueryTimedOut(timeout_s) from exc
        raise _refusal_from_planning(exc) from exc
    info = inspect_plan(summary.query_type, summary.plan)
    check_plan(info)
    planned = time.perf_counter()

    result = tx.run(cypher, params)
    columns = list(result.keys())
    records = result.fetch(row_cap + 1)
    ran = time.perf_counter()
    answer = to_console_result(columns, [r.values() for r in records[:row_cap]])
    answer.capped = len(records) > row_cap
    answer.query_type = info.query_type
    answer.plan_ms = (planned - started) * 1000
    answer.run_ms = (ran - planned) * 1000
    return answer


# --- Turning records into a table and a graph -----------------------------------------------


class _Converter:
    def __init__(self) -> None:
        self.nodes: dict[str, ConsoleNode] = {}
        self.edges: dict[str, ConsoleEdge] = {}
        self.graph_capped = False
        self.truncated = False
        self.masked = False

    def props(self, values: Mapping[str, Any], labels: Iterable[str] | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in values.items():
            if is_masked_key(key, labels):
                out[key] = MASK
                self.masked = True
            else:
                out[key] = self.value(value)
        return out

    def node(self, node: Node) -> dict[str, Any]:
        labels = sorted(node.labels)
        props = self.props(dict(node), labels)
        uid = props.get("uid") if isinstance(props.get("uid"), str) else None
        shown = [label for label in labels if label != "Entity"]
        specific = [label for label in shown if label != "Organisation"]
        label = (specific or shown or ["Entity"])[0]
        item = ConsoleNode(
            id=node.element_id,
            uid=uid,
            label=label,
            labels=labels,
            name=str(props.get("name", uid or "")),
            props=props,
        )
        known = self.nodes.get(node.element_id)
        if known is None:
            if len(self.nodes) < MAX_GRAPH_NODES:
                self.nodes[node.element_id] = item
            else:
                self.graph_capped = True
        elif not known.labels and labels:  # a relationship's end seen before the node itself
            self.nodes[node.element_id] = item
        return {"_kind": "node", "id": item.id, "uid": uid, "labels": labels, "props": props}

    def relationship(self, rel: Relationship) -> dict[str, Any]:
        props = self.props(dict(rel), [rel.type])
        start = rel.start_node.element_id if rel.start_node is not None else ""
        end = rel.end_node.element_id if rel.end_node is not None else ""
        for end_node in (rel.start_node, rel.end_node):
            if end_node is not None and end_node.element_id not in self.nodes:
                self.node(end_node)
        if rel.element_id not in self.edges:
            if len(self.edges) < MAX_GRAPH_EDGES:
                self.edges[rel.element_id] = ConsoleEdge(
                    id=rel.element_id, type=rel.type, source=start, target=end, props=props
                )
            else:
                self.graph_capped = True
        return {
            "_kind": "relationship",
            "id": rel.element_id,
            "type": rel.type,
            "source": start,
            "target": end,
            "props": props,
        }

    def value(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | int):
            return value
        if isinstance(value, float):
            return value if math.isfinite(value) else str(value)
        if isinstance(value, str):
            if len(value) > MAX_CELL_CHARS:
                self.truncated = True
                return value[:MAX_CELL_CHARS] + "…"
            return value
        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Relationship):
            return self.relationship(value)
        if isinstance(value, Path):
            nodes = [self.node(n)["id"] for n in value.nodes]
            rels = [self.relationship(r)["id"] for r in value.relationships]
            return {"_kind": "path", "nodes": nodes, "relationships": rels}
        if isinstance(value, list | tuple):
            if len(value) > MAX_CELL_ITEMS:
                self.truncated = True
                value = value[:MAX_CELL_ITEMS]
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return self.props(value, None)
        if isinstance(value, bytes | bytearray):
            return base64.b64encode(bytes(value[:MAX_CELL_CHARS])).decode()
        if hasattr(value, "iso_format"):
            return value.iso_format()
        if hasattr(value, "srid"):  # a spatial point
            return {"_kind": "point", "srid": value.srid, "coordinates": list(value)}
        return str(value)


def to_console_result(columns: list[str], rows: Iterable[list[Any]]) -> ConsoleResult:
    """Convert driver values to JSON-ready cells, collecting nodes and relationships for the
    graph view and masking confidential properties."""
    converter = _Converter()
    table = [[converter.value(v) for v in row] for row in rows]
    return ConsoleResult(
        columns=columns,
        rows=table,
        nodes=list(converter.nodes.values()),
        edges=list(converter.edges.values()),
        graph_capped=converter.graph_capped,
        truncated_cells=converter.truncated,
        masked=converter.masked,
    )
