"""The console guard's pure parts (text and parameter gates, plan inspection, conversion) and
property-based checks of the whole guard against the real Neo4j (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j import Driver

from backend.core.graph import graph_database
from graph import console
from graph.console import (
    QueryRefused,
    check_parameters,
    check_plan,
    check_text,
    inspect_plan,
    is_masked_key,
    parameter_names,
    run_console_query,
    scan,
)
from tests.research.conftest import graph_checksum

# --- Text -------------------------------------------------------------------------------------


def test_strings_comments_and_backticks_are_set_aside_by_the_scan() -> None:
    scanned = scan(
        "MATCH (n) // CREATE (x)\nWHERE n.name = 'a\\'b // not a comment' RETURN n.`x y`"
    )
    assert "CREATE" not in scanned.code and "not a comment" not in scanned.code
    assert scanned.strings == ["a'b // not a comment"]
    assert scanned.names == ["x y"]


def test_string_escapes_are_decoded_before_the_mask_check() -> None:
    assert scan("RETURN '\\u0063onfidential'").strings == ["confidential"]
    with pytest.raises(QueryRefused) as refused:
        check_text("MATCH (p) RETURN p['\\u0063onfidential_budget']")
    assert refused.value.code == "masked_property"


@pytest.mark.parametrize(
    ("cypher", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("RETURN 1 " + " " * console.MAX_QUERY_CHARS, "too_long"),
        ("RETURN 1\x07", "control_characters"),
        ("RETURN 1; RETURN 2", "multiple_statements"),
        ("explain RETURN 1", "explain_prefix"),
        ("  PROFILE RETURN 1", "explain_prefix"),
        ("CYPHER 5 RETURN 1", "query_options"),
        ("USE neo4j RETURN 1", "use_clause"),
        ("CALL () { USE system RETURN 1 AS x } RETURN x", "use_clause"),
        ("RETURN apoc.coll.sum([1])", "function_not_allowed"),
        ("RETURN my . plugin (1)", "function_not_allowed"),
        ("MATCH (n) RETURN n[toLower('NAME')]", "dynamic_subscript"),
        ("MATCH (n) WITH n, 'name' AS k RETURN n[k]", "dynamic_subscript"),
        ("RETURN range(1, 20000000)", "range_too_large"),
        ("RETURN range(1, 10 ^ 9)", "range_too_large"),
        ("RETURN range(0, 0x7fffffff)", "range_too_large"),
        ("RETURN [x IN [1] | [y IN [2] | y]]", "nested_iteration"),
        ("RETURN " + "[" * 70 + "]" * 70, "too_deep"),
    ],
)
def test_the_text_gate_refuses_with_its_reason(cypher: str, reason: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        check_text(cypher)
    assert refused.value.code == reason
    assert refused.value.zh and refused.value.en and refused.value.zh != refused.value.en


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (n:Park) RETURN n.name AS name ORDER BY name LIMIT 10",
        "MATCH (n) RETURN collect(n.uid)[0..5], nodes(p)[0], n.tags[-1]",
        "MATCH (n) RETURN n['name'], [x IN range(1, 10) WHERE x > 2 | x * 2]",
        "MATCH p = (a)-[*..4]-(b) RETURN [n IN nodes(p) | n.name]",
        "RETURN date('2025-01-01'), duration.between(date(), date()), "
        "point.distance(point({x: 0, y: 0}), point({x: 1, y: 1}))",
        "RETURN 'USE system; CREATE (x) // apoc.x()' AS harmless_text",
        "MATCH (n) RETURN n.`use`, n.created, n.settings, n.deleted_at",
        "CALL db.labels() YIELD label RETURN label",
        "RETURN 1;",
    ],
)
def test_ordinary_read_queries_pass_the_text_gate(cypher: str) -> None:
    check_text(cypher, {"i": 1})


def test_subscripts_by_parameter_are_allowed_for_integers_and_plain_keys() -> None:
    check_text("RETURN $xs[$i], $xs[$i..$j]", {"xs": [1, 2], "i": 0, "j": 1})
    check_text("MATCH (n) RETURN n[$key]", {"key": "name"})
    with pytest.raises(QueryRefused):
        check_text("MATCH (n) RETURN n[$key]", {"key": "confidential_x"})
    with pytest.raises(QueryRefused):
        check_text("RETURN $xs[$i + 1]", {"xs": [1], "i": 0})


def test_parameter_names_are_found_outside_strings() -> None:
    assert parameter_names(
        "MATCH (n {uid: $uid}) WHERE n.x = '$fake' RETURN $`odd name`, $uid"
    ) == [
        "uid",
        "odd name",
    ]


@pytest.mark.parametrize(
    ("parameters", "reason"),
    [
        ({"bad name": 1}, "parameter_invalid"),
        ({"x": float("nan")}, "parameter_invalid"),
        ({"x": 2**64}, "parameter_invalid"),
        ({"x": object()}, "parameter_invalid"),
        ({"x": {"a": {"b": {"c": {"d": {"e": [1]}}}}}}, "parameter_invalid"),
        ({"x": "y" * (console.MAX_STRING_CHARS + 1)}, "parameter_invalid"),
        ({"x": {"confidential_budget": 1}}, "parameter_invalid"),
        ({f"p{i}": i for i in range(console.MAX_PARAMETERS + 1)}, "too_many_parameters"),
        ({f"p{i}": "x" * 9000 for i in range(40)}, "parameters_too_large"),
    ],
)
def test_the_parameter_gate_refuses_bad_values(parameters: dict[str, object], reason: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        check_parameters(parameters)
    assert refused.value.code == reason


# --- Plan -----------------------------------------------------------------------------------


def _plan(operator: str, details: str = "", rows: float = 1.0, *children: dict) -> dict:
    return {
        "operatorType": f"{operator}@neo4j",
        "args": {"Details": details, "EstimatedRows": rows},
        "children": list(children),
    }


@pytest.mark.parametrize(
    ("query_type", "plan", "reason"),
    [
        ("w", _plan("ProduceResults", "", 1, _plan("Create", "(n)")), "not_read_only"),
        ("rw", _plan("ProduceResults", "", 1, _plan("SetProperty", "n.x = 1")), "not_read_only"),
        ("s", _plan("CreateIndex", "RANGE INDEX"), "not_read_only"),
        ("r", _plan("ProduceResults", "", 1, _plan("LoadCSV", "row")), "operator_not_allowed"),
        ("r", _plan("TransactionApply", "IN TRANSACTIONS"), "operator_not_allowed"),
        ("r", _plan("ShowIndexes", ""), "operator_not_allowed"),
        ("r", _plan("TerminateTransactions", ""), "operator_not_allowed"),
        ("r", _plan("ProcedureCall", "db.awaitIndexes($a) :: ()"), "procedure_not_allowed"),
        ("r", _plan("ProcedureCall", "gds.pageRank.stream($g) :: (x)"), "procedure_not_allowed"),
        ("r", _plan("Projection", "plugin.fn(n) AS x"), "function_not_allowed"),
        ("r", _plan("VarLengthExpand(All)", "(a)-[r*]->(b)"), "unbounded_path"),
        ("r", _plan("VarLengthExpand(All)", "(a)-[r*2..]->(b)"), "unbounded_path"),
        (
            "r",
            _plan("VarLengthExpand(Pruning,BFS,All)", "(a)-[*..2147483647]->(b)"),
            "unbounded_path",
        ),
        ("r", _plan("Repeat(Trail)", "(a) (...){1, } (b)"), "unbounded_path"),
        ("r", _plan("VarLengthExpand(All)", "(a)-[r*..11]->(b)"), "path_too_long"),
        ("r", _plan("CartesianProduct", "", 1e12), "too_expensive"),
    ],
)
def test_the_plan_gate_refuses_with_its_reason(query_type: str, plan: dict, reason: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        check_plan(inspect_plan(query_type, plan))
    assert refused.value.code == reason


def test_allowed_plans_pass() -> None:
    check_plan(inspect_plan("r", _plan("ProcedureCall", "db.labels() :: (label :: STRING)")))
    check_plan(inspect_plan("r", _plan("VarLengthExpand(All)", "(a)-[r:X*3]->(b)")))
    check_plan(inspect_plan("r", _plan("Repeat(Trail)", "(a) (...){2, 5} (b)")))
    check_plan(inspect_plan("r", _plan("Projection", "point.distance(a, b) AS d")))


def test_confidential_keys_follow_the_mask_list() -> None:
    assert is_masked_key("confidential_budget", ["Project", "Entity"])
    assert not is_masked_key("confidential_budget", ["Park"])
    assert is_masked_key("Confidential_Terms")  # a map: owner unknown, every pattern applies
    assert not is_masked_key("name")


# --- Properties ---------------------------------------------------------------------------


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_the_text_gate_only_ever_refuses_it_never_crashes(text: str) -> None:
    try:
        check_text(text)
    except QueryRefused as refused:
        assert refused.zh and refused.en


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=30,
    )
)
@settings(max_examples=200, deadline=None)
def test_the_parameter_gate_only_ever_refuses_it_never_crashes(value: object) -> None:
    try:
        check_parameters({"value": value})
    except QueryRefused as refused:
        assert refused.code in ("parameter_invalid", "parameters_too_large")


READ_PREFIXES = ["", "MATCH (n) ", "MATCH (n:Park) WITH n LIMIT 1 ", "OPTIONAL MATCH (n:Nothing) "]
WRITES = [
    "SET n.x = 1",
    "SET n:X",
    "SET n += {a: 1}",
    "REMOVE n.name",
    "REMOVE n:Park",
    "DELETE n",
    "DETACH DELETE n",
    "CREATE (:X)",
    "CREATE (n)-[:X]->(:X)",
    "MERGE (:X {a: 1})",
    "MERGE (n)-[:X]->(n)",
    "FOREACH (i IN [1] | CREATE (:X))",
    "CALL (n) { SET n.y = 2 }",
    "WITH n CALL () { CREATE (:X) }",
]
SUFFIXES = ["", " RETURN 1 AS one", " RETURN count(*) AS c", " WITH 1 AS x RETURN x"]


@st.composite
def write_queries(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(READ_PREFIXES))
    write = draw(st.sampled_from(WRITES))
    suffix = draw(st.sampled_from(SUFFIXES))
    comment = draw(st.sampled_from(["", " /* read only */ ", " // harmless\n"]))
    keyword_case = draw(st.sampled_from([str.upper, str.lower, str.title]))
    head, _, rest = write.partition(" ")
    return f"{prefix}{comment}{keyword_case(head)} {rest}{suffix}"


@pytest.mark.django_db
@given(query=write_queries())
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_no_generated_write_ever_reaches_the_graph(graph_driver: Driver, query: str) -> None:
    before = graph_checksum(graph_driver)
    with pytest.raises(console.ConsoleError):
        run_console_query(graph_driver, graph_database(), query, {}, timeout_s=2)
    assert graph_checksum(graph_driver) == before


@pytest.mark.django_db
@given(
    limit=st.integers(min_value=1, max_value=50),
    case=st.sampled_from([str.upper, str.lower]),
    name=st.text(max_size=30),
)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_generated_reads_run_and_cap_their_rows(
    graph_driver: Driver, limit: int, case: object, name: str
) -> None:
    keyword = case  # type: ignore[assignment]
    query = (
        f"{keyword('unwind')} range(1, 100) {keyword('as')} x "  # type: ignore[operator]
        f"{keyword('with')} x, $name {keyword('as')} name {keyword('return')} x, name"  # type: ignore[operator]
    )
    result = run_console_query(graph_driver, graph_database(), query, {"name": name}, row_cap=limit)
    assert len(result.rows) == min(limit, 100)
    assert result.capped == (limit < 100)
    assert all(row[1] == name for row in result.rows)
