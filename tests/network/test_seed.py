"""The shipped data: the curated circle (seed_demo) and the synthetic generator (seed_synthetic)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from backend.accounts.demo import DEMO_ORGANISATION_NAME, DEMO_PARK_NAME, demo_accounts_ensure
from backend.accounts.models import User
from backend.core.lib.pinyin import search_key
from backend.network.demo.stats import graph_relationship_estimate
from backend.network.demo.synthetic import NAME_PREFIX
from backend.network.models import (
    CIRCLE_LAT,
    CIRCLE_LON,
    City,
    Industry,
    IndustryLink,
    Organisation,
    OrganisationIndustry,
    OutboxEvent,
    Park,
    ParkIndustry,
    Relation,
    Zone,
)

pytestmark = pytest.mark.django_db

CIRCLE_CITIES = {
    "南京",
    "镇江",
    "扬州",
    "淮安",
    "芜湖",
    "马鞍山",
    "滁州",
    "宣城",
    "常州金坛区",
    "溧阳市",
}
# Every park of 南京高新区 the policy names (sections 四, 六, 十–十三).
POLICY_PARKS = {
    "江北新区",
    "新港国家高新园",
    "江宁国家高新园",
    "玄武园",
    "秦淮园",
    "鼓楼园",
    "建邺园",
    "雨花台园",
    "栖霞园",
    "江宁园",
    "浦口园",
    "六合园",
    "溧水园",
    "高淳园",
    "麒麟园",
}
CIRCLE_ZONES = {
    "镇江高新技术产业开发区",
    "扬州高新技术产业开发区",
    "淮安高新技术产业开发区",
    "芜湖高新技术产业开发区",
    "马鞍山慈湖高新技术产业开发区",
    "滁州高新技术产业开发区",
    "安徽宣城高新技术产业开发区",
    "江苏金坛华罗庚高新技术产业开发区",
    "江苏中关村高新技术产业开发区",
}
FUTURE_INDUSTRIES = {
    "基因技术",
    "类脑智能",
    "区块链",
    "元宇宙",
    "未来网络",
    "航空航天",
    "储能与氢能",
}
POLICY_LABS = {
    "紫金山实验室",
    "南京现代综合交通实验室",
    "南京脑科学与类脑智能创新中心",
    "国家健康医疗大数据（东部）中心",
    "下一代互联网国家工程中心南京创新中心",
    "国家集成电路设计自动化技术创新中心",
    "南京光电技术创新中心",
    "国家第三代半导体技术创新中心（南京）",
}
MAIN_UNIVERSITIES = {
    "南京大学",
    "东南大学",
    "南京航空航天大学",
    "南京理工大学",
    "河海大学",
    "南京农业大学",
    "中国药科大学",
    "南京邮电大学",
    "南京工业大学",
    "南京信息工程大学",
    "南京师范大学",
}

MODELS = (
    City,
    Zone,
    Industry,
    IndustryLink,
    Park,
    ParkIndustry,
    Organisation,
    OrganisationIndustry,
    Relation,
)


def seed_demo() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def seed_synthetic(*args: str) -> str:
    out = StringIO()
    call_command("seed_synthetic", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


# --- seed_demo ----------------------------------------------------------------------------------


def test_it_creates_the_circle_cities_with_nanjing_as_core() -> None:
    seed_demo()
    assert set(City.objects.values_list("name", flat=True)) >= CIRCLE_CITIES
    assert list(City.objects.filter(is_metro_core=True).values_list("name", flat=True)) == ["南京"]
    assert set(City.objects.filter(province="安徽").values_list("name", flat=True)) == {
        "芜湖",
        "马鞍山",
        "滁州",
        "宣城",
    }
    assert City.objects.get(name="南京").name_en == "Nanjing"


def test_it_creates_every_park_the_policy_names_in_one_zone_of_many_parks() -> None:
    seed_demo()
    zone = Zone.objects.get(name="南京高新区")
    assert zone.level == "national"
    assert set(zone.parks.values_list("name", flat=True)) == POLICY_PARKS
    assert set(Park.objects.filter(kind="zone").values_list("name", flat=True)) >= CIRCLE_ZONES
    national = set(Park.objects.filter(level="national").values_list("name", flat=True))
    assert {"江北新区", "新港国家高新园", "江宁国家高新园", "滁州高新技术产业开发区"} <= national


def test_main_city_parks_lead_with_services_and_suburban_parks_with_manufacturing() -> None:
    seed_demo()  # policy section 十五
    kind = dict(Park.objects.values_list("name", "kind"))
    for park in ("玄武园", "秦淮园", "鼓楼园", "建邺园", "雨花台园", "栖霞园"):
        assert kind[park] == "service", park
    for park in ("江宁园", "浦口园", "六合园", "溧水园", "高淳园"):
        assert kind[park] == "manufacturing", park


def test_alliance_members_are_the_national_and_provincial_zones_not_the_cooperation_parks() -> None:
    seed_demo()
    members = Park.objects.filter(alliance_member=True)
    assert set(members.values_list("level", flat=True)) <= {"national", "provincial"}
    assert set(members.values_list("name", flat=True)) >= POLICY_PARKS | CIRCLE_ZONES
    assert not Park.objects.filter(kind__in=["enclave", "partner"], alliance_member=True).exists()


def test_it_creates_enclave_and_partner_parks_with_their_relations() -> None:
    seed_demo()
    enclave = Relation.objects.get(kind="ENCLAVE_OF", target_park__name="宁淮特别合作区")
    assert enclave.source_park is not None and enclave.source_park.name == "江北新区"
    assert Park.objects.get(name="宁淮特别合作区").kind == "enclave"
    for name in (
        "江宁—博望跨界一体化发展示范区",
        "顶山—汊河跨界一体化发展示范区",
        "浦口—南谯跨界一体化发展示范区",
    ):
        park = Park.objects.get(name=name)
        assert park.kind == "partner"
        partners = Relation.objects.filter(kind="PARTNER_OF", name=name)
        assert partners.exists()
        for relation in partners:  # undirected: stored once, smaller id first
            assert relation.source_park_id < relation.target_park_id  # type: ignore[operator]


def test_it_creates_the_policy_industries_and_their_chains() -> None:
    seed_demo()
    chip_design = Industry.objects.get(name="集成电路芯片设计")
    assert chip_design.parent is not None and chip_design.parent.name == "集成电路"
    future = set(Industry.objects.filter(is_future_industry=True).values_list("name", flat=True))
    assert future >= FUTURE_INDUSTRIES
    assert IndustryLink.objects.filter(
        upstream__code="ic-design", downstream__code="ic-manufacturing"
    ).exists()
    focus = dict(
        ParkIndustry.objects.filter(park__name="江北新区").values_list("industry__code", "weight")
    )
    assert focus["ic"] == 1.0 and 0 < focus["gene-cell-technology"] <= 1


def test_it_creates_the_labs_the_policy_names_and_the_main_universities() -> None:
    seed_demo()
    labs = set(Organisation.objects.filter(kind="lab").values_list("name", flat=True))
    assert labs >= POLICY_LABS
    universities = Organisation.objects.filter(kind="university")
    assert set(universities.values_list("name", flat=True)) >= MAIN_UNIVERSITIES
    purple = Organisation.objects.get(name="紫金山实验室")
    assert purple.park is not None and purple.park.name == "江宁国家高新园"
    eda = Relation.objects.get(
        kind="AFFILIATED_WITH", source_organisation__name="国家集成电路设计自动化技术创新中心"
    )
    assert eda.target_organisation is not None and eda.target_organisation.name == "东南大学"
    assert Organisation.objects.filter(kind="incubator").exists()
    assert Organisation.objects.filter(kind="financier").exists()


def test_every_real_row_says_where_it_comes_from() -> None:
    seed_demo()
    for model in (City, Zone, Industry, Park, Organisation, Relation):
        unsourced = model.objects.filter(source_note="")  # type: ignore[attr-defined]
        assert not unsourced.exists(), (model.__name__, list(unsourced[:3]))
        assert not model.objects.filter(is_synthetic=True).exists()  # type: ignore[attr-defined]
    for park in Park.objects.filter(kind__in=["service", "manufacturing", "zone"]):
        assert "approximate" in park.source_note, park.name


def test_every_park_lies_in_the_circle() -> None:
    seed_demo()
    for name, lat, lon in Park.objects.values_list("name", "latitude", "longitude"):
        assert lat is not None and CIRCLE_LAT[0] <= lat <= CIRCLE_LAT[1], name
        assert lon is not None and CIRCLE_LON[0] <= lon <= CIRCLE_LON[1], name


def test_names_are_found_by_pinyin_and_by_chinese_substrings() -> None:
    seed_demo()
    initials = set(Park.objects.filter(search_key__icontains="jn").values_list("name", flat=True))
    assert {"江宁园", "江宁国家高新园"} <= initials
    full = set(
        Park.objects.filter(search_key__icontains="jiangning").values_list("name", flat=True)
    )
    assert {"江宁园", "江宁国家高新园"} <= full
    chips = Industry.objects.filter(search_key__icontains="芯片").values_list("name", flat=True)
    assert "集成电路芯片设计" in chips
    assert Organisation.objects.filter(search_key__icontains="zjssys").exists()  # 紫金山实验室


def test_a_second_run_changes_nothing_and_records_no_events() -> None:
    seed_demo()
    before, events = counts(), OutboxEvent.objects.count()
    output = seed_demo()
    assert counts() == before
    assert OutboxEvent.objects.count() == events
    assert "already up to date" in output


def test_it_records_an_outbox_event_for_every_row_it_wrote() -> None:
    seed_demo()
    recorded = dict(
        OutboxEvent.objects.values_list("entity").annotate(n=Count("id")).order_by("entity")
    )
    assert recorded["Park"] == Park.objects.count()
    assert recorded["Organisation"] == Organisation.objects.count()
    assert recorded["Relation"] == Relation.objects.count()
    assert recorded["IndustryLink"] == IndustryLink.objects.count()


def test_it_restores_a_drifted_row_and_projects_only_that_row() -> None:
    seed_demo()
    park = Park.objects.get(name="玄武园")
    Park.objects.filter(pk=park.pk).update(latitude=31.5, short_name="")
    ParkIndustry.objects.filter(park=park).delete()
    OutboxEvent.objects.all().delete()

    seed_demo()

    park.refresh_from_db()
    assert (park.latitude, park.short_name) == (32.08, "徐庄高新区")
    assert park.focus.count() > 0
    assert list(OutboxEvent.objects.values_list("entity", "entity_id")) == [("Park", park.pk)]


def test_the_demo_accounts_belong_to_seeded_rows_even_when_they_came_first() -> None:
    demo_accounts_ensure()  # `make run` creates the accounts before seed_demo
    seed_demo()
    park = Park.objects.get(name=DEMO_PARK_NAME)
    assert park.city is not None and park.zone is not None and park.source_note
    assert User.objects.get(username="demo-park").park == park
    organisation = Organisation.objects.get(name=DEMO_ORGANISATION_NAME)
    assert organisation.kind == "university" and organisation.source_note
    assert User.objects.get(username="demo-org").organisation == organisation


# --- seed_synthetic -----------------------------------------------------------------------------


def synthetic_snapshot() -> tuple[list[tuple], list[tuple]]:
    """What a seed determines, by natural keys (ids differ from run to run)."""
    organisations = [
        (
            o.name,
            o.park.name if o.park else None,
            o.city.name if o.city else None,
            o.employees,
            o.founded_year,
            o.is_high_tech,
            o.is_tech_sme,
            o.is_specialised,
            o.is_gazelle,
            o.is_unicorn,
            o.is_nezha,
            o.is_listed,
            tuple(sorted(o.activity.values_list("industry__code", flat=True))),
        )
        for o in Organisation.objects.filter(is_synthetic=True)
        .select_related("park", "city")
        .order_by("name")
    ]
    relations = sorted(
        Relation.objects.filter(is_synthetic=True).values_list(
            "kind",
            "source_organisation__name",
            "target_organisation__name",
            "cooperation_kind",
            "started_on",
        )
    )
    return organisations, relations


def test_the_same_seed_gives_the_same_enterprises_and_relations() -> None:
    seed_demo()
    seed_synthetic("--enterprises", "300", "--seed", "5")
    first = synthetic_snapshot()
    seed_synthetic("--enterprises", "300", "--seed", "5", "--replace")
    assert synthetic_snapshot() == first
    seed_synthetic("--enterprises", "300", "--seed", "6", "--replace")
    assert synthetic_snapshot() != first


def test_everything_it_generates_is_marked_synthetic() -> None:
    seed_demo()
    real = counts()
    seed_synthetic("--enterprises", "300", "--seed", "5")

    generated = Organisation.objects.filter(is_synthetic=True)
    assert generated.count() == 300 == Organisation.objects.count() - real["Organisation"]
    assert set(generated.values_list("kind", flat=True)) == {"enterprise"}
    assert set(generated.values_list("source_note", flat=True)) == {"synthetic, seed 5"}
    assert all(name.startswith(NAME_PREFIX) for name in generated.values_list("name", flat=True))
    assert Relation.objects.filter(is_synthetic=False).count() == real["Relation"]
    new = Relation.objects.filter(is_synthetic=True)
    assert new.count() == Relation.objects.count() - real["Relation"] > 0
    assert set(new.values_list("source_note", flat=True)) == {"synthetic, seed 5"}
    # Real rows are untouched: same counts of everything but the generated tables.
    assert {
        k: v
        for k, v in counts().items()
        if k not in ("Organisation", "Relation", "OrganisationIndustry")
    } == {
        k: v
        for k, v in real.items()
        if k not in ("Organisation", "Relation", "OrganisationIndustry")
    }


def test_generated_enterprises_are_plausible() -> None:
    seed_demo()
    seed_synthetic("--enterprises", "300", "--seed", "5")
    generated = Organisation.objects.filter(is_synthetic=True)
    widths = generated.annotate(n=Count("activity")).values_list("n", flat=True)
    assert set(widths) <= {1, 2, 3} and 1 in widths
    for o in generated[:50]:  # the fast search key equals the real one
        assert o.search_key == search_key(o.name, o.name_en)
    hosted = generated.filter(park__isnull=False)
    assert hosted.count() > 250
    assert all(o.city_id == o.park.city_id for o in hosted.select_related("park"))  # type: ignore[union-attr]
    supplies = Relation.objects.filter(kind="SUPPLIES_TO", is_synthetic=True)
    assert set(supplies.values_list("source_organisation__kind", flat=True)) == {"enterprise"}
    assert set(supplies.values_list("target_organisation__kind", flat=True)) == {"enterprise"}
    for source, target in Relation.objects.filter(kind="COOPERATES_WITH").values_list(
        "source_organisation_id", "target_organisation_id"
    ):
        assert source < target  # undirected: smaller id as source


def test_flags_come_out_at_plausible_rates() -> None:
    seed_demo()
    seed_synthetic("--enterprises", "3000", "--seed", "11", "--outbox", "off")
    generated = Organisation.objects.filter(is_synthetic=True)

    def rate(flag: str) -> float:
        return generated.filter(**{flag: True}).count() / 3000

    assert 0.26 < rate("is_high_tech") < 0.34
    assert 0.36 < rate("is_tech_sme") < 0.44
    assert 0.03 < rate("is_specialised") < 0.07
    assert 0.005 < rate("is_gazelle") < 0.035
    assert rate("is_listed") < 0.025 and rate("is_unicorn") < 0.005 and rate("is_nezha") < 0.005


def test_by_default_the_graph_holds_about_ten_relationships_per_enterprise() -> None:
    seed_demo()
    seed_synthetic("--enterprises", "500", "--seed", "3", "--outbox", "off")
    total = sum(graph_relationship_estimate().values())
    assert abs(total - 5000) <= 50


def test_explicit_relations_are_honoured() -> None:
    seed_demo()
    seed_synthetic("--enterprises", "200", "--seed", "3", "--relations", "123")
    assert Relation.objects.filter(is_synthetic=True).count() == 123


def test_a_small_load_records_outbox_events_for_every_new_row() -> None:
    seed_demo()
    OutboxEvent.objects.all().delete()
    output = seed_synthetic("--enterprises", "200", "--seed", "5")
    events = dict(
        OutboxEvent.objects.values_list("entity").annotate(n=Count("id")).order_by("entity")
    )
    assert events == {
        "Organisation": 200,
        "Relation": Relation.objects.filter(is_synthetic=True).count(),
    }
    assert "events recorded" in output


def test_replacing_records_the_deletion_of_the_earlier_enterprises() -> None:
    seed_demo()
    seed_synthetic("--enterprises", "100", "--seed", "5")
    earlier = set(Organisation.objects.filter(is_synthetic=True).values_list("id", flat=True))
    OutboxEvent.objects.all().delete()
    seed_synthetic("--enterprises", "100", "--seed", "5", "--replace")
    deleted = set(
        OutboxEvent.objects.filter(op="delete", entity="Organisation").values_list(
            "entity_id", flat=True
        )
    )
    assert deleted == earlier
    assert not Organisation.objects.filter(pk__in=earlier).exists()


def test_without_the_outbox_it_says_to_rebuild_the_graph() -> None:
    seed_demo()
    OutboxEvent.objects.all().delete()
    output = seed_synthetic("--enterprises", "200", "--seed", "5", "--outbox", "off")
    assert not OutboxEvent.objects.exists()
    assert "graph_rebuild" in output


def test_it_refuses_to_stack_on_earlier_synthetic_data() -> None:
    seed_demo()
    seed_synthetic("--enterprises", "50", "--seed", "5")
    with pytest.raises(CommandError, match="--replace"):
        seed_synthetic("--enterprises", "50", "--seed", "6")
    assert Organisation.objects.filter(is_synthetic=True).count() == 50


def test_it_needs_the_demo_data_first() -> None:
    with pytest.raises(CommandError, match="seed_demo"):
        seed_synthetic("--enterprises", "10", "--seed", "1")


def test_it_refuses_to_run_in_production_unless_forced(settings: object) -> None:
    settings.ENVIRONMENT_NAME = "production"  # type: ignore[attr-defined]
    seed_demo()
    with pytest.raises(CommandError, match="production"):
        seed_synthetic("--enterprises", "10", "--seed", "1")
    assert not Organisation.objects.filter(is_synthetic=True).exists()
    seed_synthetic("--enterprises", "10", "--seed", "1", "--force")
    assert Organisation.objects.filter(is_synthetic=True).count() == 10
