"""The authorisation matrix: for every route of the platform, who may call it.

Each row names a method and a path template (as the URL configuration and the OpenAPI schema
spell it) and the outcome for each of seven users, in this order:

    anonymous · no_role · other_park · researcher · secretariat · admin · own_park

`own_park` is staff of 江宁园 (A), which owns the objects the path parameters point at;
`other_park` is staff of 江北新区 (B), another member park that owns none of them (see world.py).
Outcomes:

    A  allowed: 2xx, or 400/409 (the request got past the gate and was refused on its content
       or on the object's state: an empty or stale body is enough to prove the gate opened)
    D  denied: 401 or 403
    H  hidden: 404, where the platform does not say whether the object exists

No request may answer 5xx (a row may name a 5xx its contract documents, as /api/health does with
503). A route served but missing here, or a row here for a route no longer served, fails the
test; so does any outcome that differs from the row.

The rules the rows encode (backend/*/access.py and the views):
- anonymous: only PUBLIC rows (sign-in, health, the schema, the secret calendar feed, machine
  endpoints from loopback); a user with no role: only their own account and notifications;
- every role reads the alliance's shared network, postings, projects and weights;
- the secretariat and administrators curate everything; park staff write their own park's data,
  never another park's; researchers never write, except in research (console, saved queries,
  exports) which is theirs;
- alliance business (meetings, items, decisions, actions, minutes, calendars) is for the
  secretariat and member-park staff only;
- what belongs to one user or one side (notifications, runs, exports, saved searches, docking
  requests) is hidden (404) from everyone else; docking threads say 403 to non-sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.security.world import USERS

OUTCOME_STATUSES: dict[str, frozenset[int]] = {
    "A": frozenset({200, 201, 202, 204, 400, 409}),
    "D": frozenset({401, 403}),
    "H": frozenset({404}),
}

# Shapes that recur (the outcome strings are in USERS order).
PUBLIC = "AAAAAAA"
SIGNED_IN = "DAAAAAA"  # any signed-in account, a role or not (their own things)
READER = "DDAAAAA"  # any role: the alliance's shared data
CURATOR = "DDDDAAD"  # the secretariat and administrators
OWN_PARK_WRITE = "DDDDAAA"  # curators and the object's own park; researchers never write
PARTY_WRITE = "DDADAAA"  # any role that writes, for their own side (so other_park too)
CONSOLE = "DDDAAAD"  # research console users: researchers, the secretariat, administrators
ALLIANCE = "DDADAAA"  # the secretariat and member-park staff
OWNER_ONLY_HIDDEN = "DHHHHHA"  # one user's own thing: everyone else finds nothing


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    expect: str
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    # Path parameters taken from other world ids than their own name: {"park_id": "partner_park_id"}
    params: dict[str, str] = field(default_factory=dict)
    also: frozenset[int] = frozenset()  # other statuses this route's contract allows
    upload: str = ""  # send the body as multipart with a small PDF in this field
    note: str = ""

    def __post_init__(self) -> None:
        assert len(self.expect) == len(USERS) and set(self.expect) <= set(OUTCOME_STATUSES), self

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    def expected(self, user: str) -> str:
        return self.expect[USERS.index(user)]


AGREEMENT = {
    "year_from": 2024,
    "year_to": 2026,
    "shares": [{"indicator": "tax", "transferring_percent": "50", "receiving_percent": "50"}],
}


def r(method: str, path: str, expect: str, **extra: Any) -> Row:
    return Row(method, path, expect, **extra)


ROWS: list[Row] = [
    # --- machines, the web app, the API's own pages -------------------------------------------
    r("GET", "/healthz", PUBLIC),
    r("GET", "/metrics", PUBLIC, note="from loopback; see test_metrics_refuses_other_addresses"),
    r("GET", "/{path}", PUBLIC, also=frozenset({503}), note="the web app; 503 when not built"),
    r("GET", "/api/health", PUBLIC, also=frozenset({503}), note="503: a part is down"),
    r("GET", "/api/schema/", PUBLIC),
    r("GET", "/api/docs/", PUBLIC),
    r("GET", "/api/{path}", "HHHHHHH", note="unknown API paths: a JSON 404 for everyone"),
    # --- accounts -------------------------------------------------------------------------------
    r("GET", "/api/auth/csrf", PUBLIC),
    r("POST", "/api/auth/login", PUBLIC),
    r("POST", "/api/auth/token", PUBLIC),
    r("POST", "/api/auth/logout", SIGNED_IN),
    r("DELETE", "/api/auth/token/revoke", SIGNED_IN),
    r("GET", "/api/me", SIGNED_IN),
    r("GET", "/api/search", READER, query={"q": "园"}),
    r("GET", "/api/audit", CURATOR),
    # --- network --------------------------------------------------------------------------------
    r("GET", "/api/network/cities", READER),
    r("GET", "/api/network/zones", READER),
    r("GET", "/api/network/industries", READER),
    r("POST", "/api/network/industries", CURATOR),
    r("GET", "/api/network/industries/{industry_id}", READER),
    r("PATCH", "/api/network/industries/{industry_id}", CURATOR),
    r("DELETE", "/api/network/industries/{industry_id}", CURATOR),
    r("GET", "/api/network/industry-links", READER),
    r("POST", "/api/network/industry-links", CURATOR),
    r("DELETE", "/api/network/industry-links/{link_id}", CURATOR),
    r("GET", "/api/network/parks", READER),
    r("POST", "/api/network/parks", CURATOR),
    r("GET", "/api/network/parks/{park_id}", READER),
    r("PATCH", "/api/network/parks/{park_id}", OWN_PARK_WRITE),
    r("DELETE", "/api/network/parks/{park_id}", CURATOR),
    r("GET", "/api/network/parks/{park_id}/ecosystem", READER),
    r("GET", "/api/network/organisations", READER),
    r("POST", "/api/network/organisations", PARTY_WRITE),
    r("GET", "/api/network/organisations/{organisation_id}", READER),
    r("PATCH", "/api/network/organisations/{organisation_id}", OWN_PARK_WRITE),
    r("DELETE", "/api/network/organisations/{organisation_id}", OWN_PARK_WRITE),
    r("GET", "/api/network/relations", READER),
    r("POST", "/api/network/relations", PARTY_WRITE),
    r("GET", "/api/network/relations/{relation_id}", READER),
    r("PATCH", "/api/network/relations/{relation_id}", OWN_PARK_WRITE),
    r("DELETE", "/api/network/relations/{relation_id}", OWN_PARK_WRITE),
    r("GET", "/api/network/graph/neighbours", READER),
    r("GET", "/api/network/graph/path", READER),
    r("GET", "/api/network/search", READER, query={"q": "园"}),
    r("POST", "/api/network/import", CURATOR),
    r("GET", "/api/network/export", READER),
    # --- notifications --------------------------------------------------------------------------
    r("GET", "/api/notifications/", SIGNED_IN),
    r("GET", "/api/notifications/unread-count", SIGNED_IN),
    r("POST", "/api/notifications/read-all", SIGNED_IN),
    r("GET", "/api/notifications/preferences", SIGNED_IN),
    r("PUT", "/api/notifications/preferences/{kind}", SIGNED_IN),
    r("GET", "/api/notifications/{notification_id}", OWNER_ONLY_HIDDEN),
    r("POST", "/api/notifications/{notification_id}/read", OWNER_ONLY_HIDDEN),
    # --- research -------------------------------------------------------------------------------
    r("POST", "/api/research/console/run", CONSOLE, body={"cypher": "RETURN 1 AS one"}),
    r("POST", "/api/research/console/check", CONSOLE, body={"cypher": "RETURN 1 AS one"}),
    r("GET", "/api/research/console/schema", CONSOLE),
    r("GET", "/api/research/runs", READER),
    r("GET", "/api/research/runs/{run_id}", "DDHAAAH"),
    r("GET", "/api/research/saved-queries", READER),
    r("POST", "/api/research/saved-queries", CONSOLE, body={"name": "q", "cypher": "RETURN 1"}),
    r("GET", "/api/research/saved-queries/{saved_query_id}", READER),
    r("PATCH", "/api/research/saved-queries/{saved_query_id}", CONSOLE),
    r("DELETE", "/api/research/saved-queries/{saved_query_id}", CONSOLE),
    r("GET", "/api/research/saved-queries/{saved_query_id}/versions", READER),
    r("POST", "/api/research/saved-queries/{saved_query_id}/run", READER),
    r("GET", "/api/research/analytics/options", CONSOLE),
    r("GET", "/api/research/analytics/centrality", CONSOLE),
    r("GET", "/api/research/analytics/communities", CONSOLE),
    r("GET", "/api/research/analytics/collaboration", CONSOLE),
    r("GET", "/api/research/analytics/paths", CONSOLE),
    r(
        "GET",
        "/api/research/analytics/chain-gaps",
        "DDDAAAA",
        query={"park": "{park_id}"},
        note="console users for any park, park staff for their own",
    ),
    r("GET", "/api/research/exports", READER),
    r(
        "POST",
        "/api/research/exports",
        READER,
        body={
            "kind": "saved_query",
            "format": "json",
            "spec": {"saved_query_id": "{saved_query_id}", "row_cap": 1},
        },
        note="a shared saved query's results: any role; free queries and subgraphs: CONSOLE",
    ),
    r("GET", "/api/research/exports/{export_id}", "DDHAAAH"),
    r("GET", "/api/research/exports/{export_id}/download", "DDHAAAH"),
    # --- matching -------------------------------------------------------------------------------
    r("GET", "/api/matching/projects", READER),
    r("POST", "/api/matching/projects", PARTY_WRITE),
    r("GET", "/api/matching/projects/{project_id}", READER),
    r("PATCH", "/api/matching/projects/{project_id}", OWN_PARK_WRITE),
    r("POST", "/api/matching/projects/{project_id}/transition", OWN_PARK_WRITE),
    r("GET", "/api/matching/projects/{project_id}/history", READER),
    r(
        "GET",
        "/api/matching/projects/{project_id}/matches",
        PARTY_WRITE,
        note="park staff and curators (who see confidential fields); rows filtered per park",
    ),
    r("POST", "/api/matching/projects/{project_id}/matches", OWN_PARK_WRITE),
    r(
        "GET",
        "/api/matching/projects/{project_id}/ranking",
        OWN_PARK_WRITE,
        query={"distance": "0.2"},
        note="a fresh ranking stored nowhere: the same people as re-ranking",
    ),
    r(
        "POST",
        "/api/matching/projects/{project_id}/matches/{park_id}/feedback",
        OWN_PARK_WRITE,
        params={"park_id": "partner_park_id"},
        body={"response": "interest"},
    ),
    r(
        "POST",
        "/api/matching/projects/{project_id}/handoffs",
        "DDADDDA",
        body={"to_park": "{partner_park_id}"},
        note="park staff of the owner or of a matched candidate park (B is one); not curators",
    ),
    r("GET", "/api/matching/projects/{project_id}/agreements", OWN_PARK_WRITE),
    r("POST", "/api/matching/projects/{project_id}/agreements", OWN_PARK_WRITE, body=AGREEMENT),
    r(
        "POST",
        "/api/matching/projects/{project_id}/figures",
        OWN_PARK_WRITE,
        body={"year": 2025, "indicator": "output", "amount_wan": "100"},
    ),
    r(
        "GET",
        "/api/matching/matches",
        PARTY_WRITE,
        note="park staff their own park's rows of the latest runs, curators every row; "
        "researchers and organisation users none",
    ),
    r("GET", "/api/matching/handoffs", READER),
    r(
        "POST",
        "/api/matching/handoffs/{handoff_id}/answer",
        "DDDDDDD",
        body={"accept": True},
        note="only the receiving park (滁州园, none of these users) answers",
    ),
    r("GET", "/api/matching/agreements/{agreement_id}", "DDHHAAA"),
    r("PATCH", "/api/matching/agreements/{agreement_id}", "DDHHAAA"),
    r(
        "POST",
        "/api/matching/agreements/{agreement_id}/confirm",
        "DDHHDDA",
        note="only the two parks confirm; the secretariat may not sign for them",
    ),
    r("GET", "/api/matching/weights", READER),
    r("PUT", "/api/matching/weights", CURATOR),
    r("GET", "/api/matching/acceptance-by-rank", CURATOR),
    r("GET", "/api/matching/split-report", PARTY_WRITE, note="curators all; park staff own lines"),
    r("GET", "/api/matching/split-report.xlsx", PARTY_WRITE),
    # --- alliance -------------------------------------------------------------------------------
    r("GET", "/api/alliance/members", ALLIANCE),
    r("POST", "/api/alliance/members", CURATOR),
    r("DELETE", "/api/alliance/members/{park_id}", CURATOR),
    r("GET", "/api/alliance/meetings", ALLIANCE),
    r("POST", "/api/alliance/meetings", CURATOR),
    r("GET", "/api/alliance/meetings/{meeting_id}", ALLIANCE),
    r("PATCH", "/api/alliance/meetings/{meeting_id}", CURATOR),
    r("POST", "/api/alliance/meetings/{meeting_id}/announce", CURATOR),
    r("POST", "/api/alliance/meetings/{meeting_id}/start", CURATOR),
    r("POST", "/api/alliance/meetings/{meeting_id}/close", CURATOR),
    r("PUT", "/api/alliance/meetings/{meeting_id}/current-item", CURATOR),
    r("GET", "/api/alliance/meetings/{meeting_id}/items", ALLIANCE),
    r("POST", "/api/alliance/meetings/{meeting_id}/items", ALLIANCE),
    r("GET", "/api/alliance/meetings/{meeting_id}/agenda", ALLIANCE),
    r("PUT", "/api/alliance/meetings/{meeting_id}/agenda/order", CURATOR),
    r("GET", "/api/alliance/meetings/{meeting_id}/attendance", ALLIANCE),
    r("PATCH", "/api/alliance/meetings/{meeting_id}/attendance/{park_id}", OWN_PARK_WRITE),
    r("GET", "/api/alliance/meetings/{meeting_id}/decisions", ALLIANCE),
    r("GET", "/api/alliance/meetings/{meeting_id}/suggestions", CURATOR),
    r("GET", "/api/alliance/meetings/{meeting_id}/minutes", ALLIANCE),
    r("POST", "/api/alliance/meetings/{meeting_id}/minutes", CURATOR),
    r("GET", "/api/alliance/items/{item_id}", ALLIANCE),
    r("PATCH", "/api/alliance/items/{item_id}", OWN_PARK_WRITE),
    r("POST", "/api/alliance/items/{item_id}/files", OWN_PARK_WRITE, upload="file"),
    r("GET", "/api/alliance/items/{item_id}/files/{file_id}", ALLIANCE),
    r("DELETE", "/api/alliance/items/{item_id}/files/{file_id}", OWN_PARK_WRITE),
    r("POST", "/api/alliance/items/{item_id}/triage", CURATOR),
    r("POST", "/api/alliance/items/{item_id}/decisions", CURATOR),
    r("POST", "/api/alliance/decisions/{decision_id}/votes", "DDADDDA"),
    r("POST", "/api/alliance/decisions/{decision_id}/close", CURATOR),
    r("GET", "/api/alliance/actions", ALLIANCE),
    r("GET", "/api/alliance/actions/dashboard", ALLIANCE),
    r("GET", "/api/alliance/actions/{action_id}", ALLIANCE),
    r("PATCH", "/api/alliance/actions/{action_id}", CURATOR),
    r("POST", "/api/alliance/actions/{action_id}/updates", OWN_PARK_WRITE),
    r("GET", "/api/alliance/minutes/{minutes_id}", ALLIANCE),
    r("PATCH", "/api/alliance/minutes/{minutes_id}", CURATOR),
    r("POST", "/api/alliance/minutes/{minutes_id}/publish", CURATOR),
    r("POST", "/api/alliance/minutes/{minutes_id}/reviews", ALLIANCE),
    r("GET", "/api/alliance/minutes/{minutes_id}/export.{fmt}", ALLIANCE, params={"fmt": "pdf"}),
    r("GET", "/api/alliance/calendar.ics", ALLIANCE),
    r("GET", "/api/alliance/calendar/subscription", ALLIANCE),
    r("POST", "/api/alliance/calendar/subscription", ALLIANCE),
    r("GET", "/api/alliance/calendar/feeds/{token}.ics", PUBLIC, note="the token is the key"),
    # --- docking --------------------------------------------------------------------------------
    r("GET", "/api/docking/postings", READER),
    r("POST", "/api/docking/postings", PARTY_WRITE),
    r("GET", "/api/docking/postings/review-queue", CURATOR),
    r("GET", "/api/docking/postings/{posting_id}", READER),
    r("PATCH", "/api/docking/postings/{posting_id}", OWN_PARK_WRITE),
    r("POST", "/api/docking/postings/{posting_id}/submit", OWN_PARK_WRITE),
    r("POST", "/api/docking/postings/{posting_id}/review", CURATOR),
    r("POST", "/api/docking/postings/{posting_id}/close", OWN_PARK_WRITE),
    r("POST", "/api/docking/postings/{posting_id}/renew", OWN_PARK_WRITE),
    r("GET", "/api/docking/postings/{posting_id}/history", OWN_PARK_WRITE),
    r("GET", "/api/docking/postings/{posting_id}/recommendations", READER),
    r(
        "GET",
        "/api/docking/postings/{posting_id}/requests",
        READER,
        note="whoever sees the posting; the list holds only the requests they are a side of",
    ),
    r("POST", "/api/docking/postings/{posting_id}/requests", PARTY_WRITE),
    r("GET", "/api/docking/requests", READER),
    r("GET", "/api/docking/requests/{request_id}", "DDHHAAA"),
    r("POST", "/api/docking/requests/{request_id}/transition", "DDHDAAA"),
    r("POST", "/api/docking/requests/{request_id}/project", "DDHDAAA"),
    r("GET", "/api/docking/threads", READER),
    r("GET", "/api/docking/threads/{thread_id}", OWN_PARK_WRITE),
    r("GET", "/api/docking/threads/{thread_id}/messages", OWN_PARK_WRITE),
    r("POST", "/api/docking/threads/{thread_id}/messages", OWN_PARK_WRITE),
    r("GET", "/api/docking/messages/{message_id}/attachment", OWN_PARK_WRITE),
    r("GET", "/api/docking/saved-searches", READER),
    r("POST", "/api/docking/saved-searches", READER),
    r("PATCH", "/api/docking/saved-searches/{search_id}", "DDHHHHA"),
    r("DELETE", "/api/docking/saved-searches/{search_id}", "DDHHHHA"),
    r("GET", "/api/docking/saved-searches/{search_id}/results", "DDHHHHA"),
    r("GET", "/api/docking/settings", READER),
    r("PUT", "/api/docking/settings", CURATOR),
    r("GET", "/api/docking/vocabulary", READER),
    r("GET", "/api/docking/stats", CURATOR),
    r("GET", "/api/docking/stats.csv", CURATOR),
    r("GET", "/api/docking/stats.xlsx", CURATOR),
]

BY_KEY: dict[tuple[str, str], Row] = {row.key: row for row in ROWS}
assert len(BY_KEY) == len(ROWS), "a route is in the matrix twice"
