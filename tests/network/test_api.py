"""Parks, organisations, industries and relations through the API, as users act."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.network.models import OutboxEvent, Park, Relation
from tests.support.network import SmallNetwork, client_for

pytestmark = pytest.mark.django_db


# --- reading ------------------------------------------------------------------------------------


def test_anyone_with_a_role_lists_parks_with_their_leading_industries(
    researcher: User, network: SmallNetwork
) -> None:
    body = client_for(researcher).get("/api/network/parks").json()
    assert body["count"] == 2
    jiangning = next(p for p in body["results"] if p["name"] == "江宁园")
    assert jiangning["city"] == {"id": network.nanjing.pk, "name": "南京"}
    assert [i["name"] for i in jiangning["industries"]] == ["集成电路", "生物医药"]
    assert jiangning["hosted_count"] == 2
    assert jiangning["level_label"] == "National"
    assert jiangning["can_edit"] is False


def test_the_park_list_costs_the_same_queries_for_many_parks(
    secretariat: User, network: SmallNetwork
) -> None:
    client = client_for(secretariat)
    with CaptureQueriesContext(connection) as few:
        client.get("/api/network/parks")
    for n in range(20):
        Park.objects.create(name=f"测试园{n}", city=network.nanjing)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/api/network/parks?page_size=100").json()["count"] == 22
    assert len(many) == len(few)


def test_the_organisation_list_costs_the_same_queries_for_many_organisations(
    secretariat: User, network: SmallNetwork
) -> None:
    client = client_for(secretariat)
    with CaptureQueriesContext(connection) as few:
        client.get("/api/network/organisations")
    from backend.network import services

    for n in range(15):
        services.organisation_create(
            name=f"测试企业{n}",
            kind="enterprise",
            park=network.jiangbei,
            city=network.nanjing,
            industries=[network.ic],
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get("/api/network/organisations?page_size=100").json()["count"] == 19
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jiangning", "江宁园"),
        ("jn", "江宁园"),
        ("江宁", "江宁园"),
        ("JN", "江宁园"),
    ],
)
def test_parks_are_found_by_chinese_full_pinyin_or_initials(
    researcher: User, network: SmallNetwork, query: str, expected: str
) -> None:
    body = client_for(researcher).get("/api/network/parks", {"q": query}).json()
    assert [p["name"] for p in body["results"]] == [expected]


def test_a_part_of_a_chinese_name_finds_the_industry(
    researcher: User, network: SmallNetwork
) -> None:
    hits = client_for(researcher).get("/api/network/search", {"q": "芯片"}).json()
    assert [h["name"] for h in hits] == ["集成电路芯片设计"]
    assert hits[0]["uid"] == network.chip_design.uid


def test_organisations_filter_by_flags_park_and_industry(
    researcher: User, network: SmallNetwork
) -> None:
    client = client_for(researcher)

    def names(params: dict) -> list[str]:
        response = client.get("/api/network/organisations", params)
        return [o["name"] for o in response.json()["results"]]

    assert names({"specialised": "true"}) == ["宁芯设计有限公司"]
    assert names({"park": network.jiangning.pk, "kind": "enterprise"}) == ["江宁晶圆制造有限公司"]
    assert names({"industry": network.chip_design.pk}) == ["宁芯设计有限公司"]


def test_an_anonymous_visitor_reads_nothing(network: SmallNetwork) -> None:
    response = APIClient().get("/api/network/parks")
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"


def test_a_user_without_a_role_reads_nothing(no_role: User) -> None:
    response = client_for(no_role).get("/api/network/organisations")
    assert response.status_code == 403
    assert "no role" in response.json()["message"]


# --- writing ------------------------------------------------------------------------------------


def test_the_secretariat_creates_a_park_and_the_outbox_records_it(
    secretariat: User, network: SmallNetwork
) -> None:
    before = OutboxEvent.objects.count()
    response = client_for(secretariat).post(
        "/api/network/parks",
        {
            "name": "滁州高新区",
            "city": network.chuzhou.pk,
            "level": "provincial",
            "kind": "manufacturing",
            "latitude": 32.3,
            "longitude": 118.3,
            "available_land_mu": "850.5",
            "industries": [{"industry": network.ic.pk, "weight": 0.7}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["industries"] == [
        {"id": network.ic.pk, "name": "集成电路", "weight": 0.7}
    ]
    event = OutboxEvent.objects.order_by("id").last()
    assert event is not None and (event.entity, event.op) == ("Park", "upsert")
    assert OutboxEvent.objects.count() == before + 1


def test_park_staff_edit_their_own_park(jiangning_staff: User, network: SmallNetwork) -> None:
    response = client_for(jiangning_staff).patch(
        f"/api/network/parks/{network.jiangning.pk}", {"available_space_m2": "30000"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["available_space_m2"] == "30000.00"
    assert response.json()["can_edit"] is True


def test_it_rejects_another_parks_edit(jiangning_staff: User, network: SmallNetwork) -> None:
    response = client_for(jiangning_staff).patch(
        f"/api/network/parks/{network.jiangbei.pk}", {"name": "改名"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["message"] == "You can only change your own park's data."
    network.jiangbei.refresh_from_db()
    assert network.jiangbei.name == "江北新区"


def test_park_staff_cannot_create_or_delete_parks(
    jiangning_staff: User, network: SmallNetwork
) -> None:
    client = client_for(jiangning_staff)
    assert client.post("/api/network/parks", {"name": "新园"}, format="json").status_code == 403
    assert client.delete(f"/api/network/parks/{network.jiangning.pk}").status_code == 403


def test_park_staff_edit_organisations_their_park_hosts_only(
    jiangning_staff: User, network: SmallNetwork
) -> None:
    client = client_for(jiangning_staff)
    own = client.patch(
        f"/api/network/organisations/{network.fabco.pk}", {"employees": 800}, format="json"
    )
    assert own.status_code == 200
    other = client.patch(
        f"/api/network/organisations/{network.chipco.pk}", {"employees": 1}, format="json"
    )
    assert other.status_code == 403
    moved = client.patch(
        f"/api/network/organisations/{network.fabco.pk}",
        {"park": network.jiangbei.pk},
        format="json",
    )
    assert moved.status_code == 403


def test_a_researcher_cannot_write(researcher: User, network: SmallNetwork) -> None:
    client = client_for(researcher)
    response = client.patch(
        f"/api/network/parks/{network.jiangning.pk}", {"name": "x"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["message"] == "Researcher accounts are read-only."
    assert (
        client.post(
            "/api/network/relations",
            {"kind": "PARTNER_OF", "source": network.jiangning.uid, "target": network.jiangbei.uid},
            format="json",
        ).status_code
        == 403
    )


def test_a_park_cannot_touch_relations_of_other_parks(
    jiangning_staff: User, secretariat: User, network: SmallNetwork
) -> None:
    nanjing = network.nanjing
    from backend.network import services

    third = services.park_create(name="栖霞园", city=nanjing)
    relation = services.relation_create(kind="PARTNER_OF", source=network.jiangbei, target=third)
    response = client_for(jiangning_staff).delete(f"/api/network/relations/{relation.pk}")
    assert response.status_code == 403
    assert Relation.objects.filter(pk=relation.pk).exists()


# --- bad input ----------------------------------------------------------------------------------


def post_park(client: APIClient, **fields: object) -> dict:
    response = client.post("/api/network/parks", {"name": "新园区", **fields}, format="json")
    assert response.status_code == 400, response.json()
    return response.json()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"latitude": 40.0, "longitude": 118.8}, "latitude"),
        ({"latitude": 32.0, "longitude": 121.5}, "longitude"),
        ({"available_land_mu": "-1"}, "available_land_mu"),
        ({"available_space_m2": "-0.5"}, "available_space_m2"),
        ({"level": "galactic"}, "level"),
        ({"kind": "floating"}, "kind"),
        ({"city": 987654}, "city"),
        ({"industries": [{"industry": 987654, "weight": 0.5}]}, "industries"),
        ({"industries": [{"industry": "__ic__", "weight": 1.5}]}, "industries"),
    ],
)
def test_bad_park_input_names_the_field_and_writes_nothing(
    secretariat: User, network: SmallNetwork, fields: dict, field: str
) -> None:
    if fields.get("industries") and fields["industries"][0]["industry"] == "__ic__":
        fields = {"industries": [{"industry": network.ic.pk, "weight": 1.5}]}
    before = (Park.objects.count(), OutboxEvent.objects.count())
    body = post_park(client_for(secretariat), **fields)
    assert body["code"] == "validation_error"
    assert field in body["detail"]
    assert (Park.objects.count(), OutboxEvent.objects.count()) == before


def test_a_duplicate_park_name_is_refused(secretariat: User, network: SmallNetwork) -> None:
    response = client_for(secretariat).post("/api/network/parks", {"name": "江宁园"}, format="json")
    assert response.status_code == 400
    assert "name" in response.json()["detail"]


def test_an_industry_taxonomy_cycle_is_refused(secretariat: User, network: SmallNetwork) -> None:
    response = client_for(secretariat).patch(
        f"/api/network/industries/{network.ic.pk}",
        {"parent": network.chip_design.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "parent" in response.json()["detail"]
    network.ic.refresh_from_db()
    assert network.ic.parent_id is None


@pytest.mark.parametrize("kind", ["ENCLAVE_OF", "PARTNER_OF"])
def test_a_park_cannot_be_its_own_enclave_or_partner(
    secretariat: User, network: SmallNetwork, kind: str
) -> None:
    response = client_for(secretariat).post(
        "/api/network/relations",
        {"kind": kind, "source": network.jiangning.uid, "target": network.jiangning.uid},
        format="json",
    )
    assert response.status_code == 400
    assert "target" in response.json()["detail"]
    assert not Relation.objects.exists()


def test_a_duplicate_relation_is_refused_in_either_direction(
    secretariat: User, network: SmallNetwork
) -> None:
    client = client_for(secretariat)
    first = client.post(
        "/api/network/relations",
        {"kind": "PARTNER_OF", "source": network.jiangning.uid, "target": network.jiangbei.uid},
        format="json",
    )
    assert first.status_code == 201
    again = client.post(
        "/api/network/relations",
        {"kind": "PARTNER_OF", "source": network.jiangbei.uid, "target": network.jiangning.uid},
        format="json",
    )
    assert again.status_code == 409
    assert Relation.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "LIKES", "source": "park:1", "target": "park:2"}, "kind"),
        ({"kind": "PARTNER_OF", "source": "park:987654", "target": "__jiangbei__"}, "source"),
        ({"kind": "PARTNER_OF", "source": "nonsense", "target": "__jiangbei__"}, "source"),
        ({"kind": "AFFILIATED_WITH", "source": "__nju__", "target": "__lab__"}, "target"),
        ({"kind": "SUPPLIES_TO", "source": "__jiangbei__", "target": "__chipco__"}, "source"),
    ],
)
def test_bad_relations_are_refused_with_the_field(
    secretariat: User, network: SmallNetwork, body: dict, field: str
) -> None:
    uids = {
        "__jiangbei__": network.jiangbei.uid,
        "__nju__": network.nju.uid,
        "__lab__": network.lab.uid,
        "__chipco__": network.chipco.uid,
    }
    body = {k: uids.get(v, v) for k, v in body.items()}
    response = client_for(secretariat).post("/api/network/relations", body, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()["detail"]
    assert not Relation.objects.exists()


def test_deleting_an_industry_in_use_is_a_conflict_not_a_crash(
    secretariat: User, network: SmallNetwork
) -> None:
    response = client_for(secretariat).delete(f"/api/network/industries/{network.ic.pk}")
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"


def test_unknown_ids_are_404(secretariat: User, network: SmallNetwork) -> None:
    client = client_for(secretariat)
    for url in (
        "/api/network/parks/987654",
        "/api/network/organisations/987654",
        "/api/network/industries/987654",
        "/api/network/relations/987654",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "query", ["level=galactic", "city=abc", "alliance_member=maybe", "page_size=abc"]
)
def test_bad_filters_are_400_or_ignored_never_500(
    researcher: User, network: SmallNetwork, query: str
) -> None:
    response = client_for(researcher).get(f"/api/network/parks?{query}")
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["code"] == "validation_error"
