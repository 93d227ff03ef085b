"""CSV and Excel import and export of parks, organisations and relations, through the API."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import AsyncClient
from openpyxl import Workbook, load_workbook
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.core.errors import Conflict
from backend.core.lib.bilingual import Bilingual
from backend.network import services
from backend.network.models import (
    Organisation,
    OrganisationIndustry,
    OutboxEvent,
    Park,
    ParkIndustry,
    Relation,
)
from tests.support.network import SmallNetwork, client_for

pytestmark = pytest.mark.django_db


def csv_file(rows: list[list[Any]], *, name: str = "data.csv", encoding: str = "utf-8") -> Any:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), content_type="text/csv")


def xlsx_file(rows: list[list[Any]], *, name: str = "data.xlsx") -> Any:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(client: APIClient, entity: str, file: Any, *, mode: str | None = None) -> Any:
    query = f"entity={entity}" + (f"&mode={mode}" if mode else "")
    return client.post(f"/api/network/import?{query}", {"file": file}, format="multipart")


def snapshot() -> dict[str, Any]:
    """Every row of the network (timestamps included) and the size of the outbox."""
    return {
        "parks": list(Park.objects.order_by("id").values()),
        "focus": list(ParkIndustry.objects.order_by("id").values()),
        "organisations": list(Organisation.objects.order_by("id").values()),
        "activity": list(OrganisationIndustry.objects.order_by("id").values()),
        "relations": list(Relation.objects.order_by("id").values()),
        "outbox": OutboxEvent.objects.count(),
    }


def download(client: APIClient, query: str) -> Any:
    response = client.get(f"/api/network/export?{query}")
    assert response.status_code == 200, response.content
    return response, b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


# --- importing good files -----------------------------------------------------------------------


PARK_HEADER = [
    "名称",
    "城市",
    "高新区",
    "级别",
    "类型",
    "可用土地（亩）",
    "纬度",
    "经度",
    "主导产业",
]


def test_a_good_csv_of_parks_creates_them_and_their_outbox_events(
    secretariat: User, network: SmallNetwork
) -> None:
    file = csv_file(
        [
            PARK_HEADER,
            ["滁州高新区", "滁州", "", "省级", "manufacturing", "800", "32.3", "118.3", ""],
            [
                "麒麟科创园",
                "南京",
                "南京高新区",
                "国家级",
                "主城园区（高技术服务业为主）",
                "1,250.5",
                "32.05",
                "118.95",
                "集成电路:0.6；生物医药:40%",
            ],
        ]
    )
    response = upload(client_for(secretariat), "parks", file)

    assert response.status_code == 201, response.json()
    assert response.json() == {
        "entity": "parks",
        "mode": "create",
        "rows": 2,
        "created": 2,
        "updated": 0,
        "unchanged": 0,
    }
    qilin = Park.objects.get(name="麒麟科创园")
    assert (qilin.city, qilin.zone, qilin.level, qilin.kind) == (
        network.nanjing,
        network.zone,
        "national",
        "service",
    )
    assert qilin.available_land_mu == Decimal("1250.50")
    assert {(f.industry.name, f.weight) for f in qilin.focus.all()} == {
        ("集成电路", 0.6),
        ("生物医药", 0.4),
    }
    for park in Park.objects.filter(name__in=["麒麟科创园", "滁州高新区"]):
        assert OutboxEvent.objects.filter(entity="Park", entity_id=park.pk).count() == 1


def test_a_good_xlsx_of_organisations_with_english_headers_creates_them(
    secretariat: User, network: SmallNetwork
) -> None:
    file = xlsx_file(
        [
            [
                "name",
                "kind",
                "city",
                "park",
                "founded_year",
                "employees",
                "high_tech",
                "industries",
            ],
            [
                "宁芯封测有限公司",
                "enterprise",
                "南京",
                "江宁园",
                2016,
                320,
                "是",
                "集成电路；生物医药",
            ],
            ["江北孵化器", "孵化器/加速器/众创空间", "南京", "江北新区", None, None, "否", None],
        ]
    )
    response = upload(client_for(secretariat), "organisations", file)

    assert response.status_code == 201, response.json()
    assert response.json()["created"] == 2
    company = Organisation.objects.get(name="宁芯封测有限公司")
    assert (company.kind, company.park, company.founded_year, company.employees) == (
        "enterprise",
        network.jiangning,
        2016,
        320,
    )
    assert company.is_high_tech is True
    assert {a.industry.name for a in company.activity.all()} == {"集成电路", "生物医药"}
    incubator = Organisation.objects.get(name="江北孵化器")
    assert (incubator.kind, incubator.founded_year) == ("incubator", None)
    assert OutboxEvent.objects.filter(entity="Organisation", entity_id=incubator.pk).exists()


def test_relations_are_imported_by_name_by_name_and_kind_and_by_uid(
    secretariat: User, network: SmallNetwork
) -> None:
    file = csv_file(
        [
            ["关系类型", "起点", "起点类型", "终点", "终点类型", "开始日期", "合作方式"],
            ["伙伴园区", "江北新区", "", "江宁园", "", "2021/5/1", ""],
            ["AFFILIATED_WITH", "紫金山实验室", "", "南京大学", "高校", "", ""],
            ["供货", "宁芯设计有限公司", "企业", f"org:{network.fabco.pk}", "", "2023年3月8日", ""],
            ["合作", "南京大学", "", "宁芯设计有限公司", "", "", "联合研发"],
        ]
    )
    response = upload(client_for(secretariat), "relations", file)

    assert response.status_code == 201, response.json()
    assert response.json()["created"] == 4
    partner = Relation.objects.get(kind="PARTNER_OF")
    # Undirected pairs are stored once, smaller id first, as the services do.
    assert (partner.source_park, partner.target_park) == (network.jiangning, network.jiangbei)
    assert partner.started_on == date(2021, 5, 1)
    supplies = Relation.objects.get(kind="SUPPLIES_TO")
    assert (supplies.source_organisation, supplies.target_organisation) == (
        network.chipco,
        network.fabco,
    )
    assert supplies.started_on == date(2023, 3, 8)
    assert Relation.objects.get(kind="COOPERATES_WITH").cooperation_kind == "joint_research"
    assert OutboxEvent.objects.filter(entity="Relation").count() == 4


def test_a_gb18030_csv_from_chinese_excel_imports(secretariat: User, network: SmallNetwork) -> None:
    file = csv_file(
        [
            ["名称", "类型", "城市", "园区", "专精特新"],
            ["南京瞪羚智造股份有限公司", "企业", "南京", "江宁园", "是"],
        ],
        encoding="gb18030",
    )
    assert not file.read().startswith(b"\xef\xbb\xbf")
    file.seek(0)

    response = upload(client_for(secretariat), "organisations", file)

    assert response.status_code == 201, response.json()
    company = Organisation.objects.get(name="南京瞪羚智造股份有限公司")
    assert company.is_specialised is True
    assert company.park == network.jiangning


def test_upsert_updates_a_park_matched_by_name_and_leaves_absent_columns_alone(
    secretariat: User, network: SmallNetwork
) -> None:
    before = OutboxEvent.objects.count()
    file = csv_file([["名称", "可用土地（亩）"], ["江宁园", "900"]])

    response = upload(client_for(secretariat), "parks", file, mode="upsert")

    assert response.status_code == 201, response.json()
    assert response.json()["updated"] == 1
    network.jiangning.refresh_from_db()
    assert network.jiangning.available_land_mu == Decimal("900.00")
    assert network.jiangning.level == "national"
    assert network.jiangning.focus.count() == 2
    assert OutboxEvent.objects.count() == before + 1


# --- rejecting bad files ------------------------------------------------------------------------


def test_a_parks_file_with_bad_rows_is_rejected_whole_naming_each_row_and_column(
    secretariat: User, network: SmallNetwork
) -> None:
    before = snapshot()
    file = csv_file(
        [
            PARK_HEADER,
            ["好园区", "南京", "", "省级", "service", "10", "32", "118.8", "集成电路:1"],  # 2: fine
            ["未知城市园", "上海", "", "省级", "service", "10", "", "", ""],  # 3
            ["北京园", "南京", "", "省级", "service", "10", "39.9", "116.4", ""],  # 4
            ["负地园", "南京", "", "省级", "service", "-5", "", "", ""],  # 5
            ["怪级园", "南京", "", "宇宙级", "service", "", "", "", ""],  # 6
            ["好园区", "南京", "", "省级", "service", "", "", "", ""],  # 7: repeats row 2
            ["江宁园", "南京", "", "省级", "service", "", "", "", ""],  # 8: exists
            [
                "无名产业园",
                "南京",
                "",
                "省级",
                "service",
                "",
                "",
                "",
                "量子计算:0.5；集成电路:2",
            ],  # 9
        ]
    )
    response = upload(client_for(secretariat), "parks", file)

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "import_rejected"
    assert "Nothing was written" in body["message"]
    assert body["detail"]["rows"] == 8
    found = {(e["row"], e["column"]) for e in body["detail"]["errors"]}
    assert found == {
        (3, "城市"),
        (4, "纬度"),
        (4, "经度"),
        (5, "可用土地（亩）"),
        (6, "级别"),
        (7, "名称"),
        (8, "名称"),
        (9, "主导产业"),
    }
    by_place = {(e["row"], e["column"]): e for e in body["detail"]["errors"]}
    assert "上海" in by_place[(3, "城市")]["reason_zh"]
    assert by_place[(3, "城市")]["reason_en"] == "There is no city named “上海”."
    assert "row 2" in by_place[(7, "名称")]["reason_en"]
    assert "第 2 行" in by_place[(7, "名称")]["reason_zh"]
    assert "mode=upsert" in by_place[(8, "名称")]["reason_en"]
    assert "国家级、省级、市级" in by_place[(6, "级别")]["reason_zh"]
    assert "national, provincial, municipal" in by_place[(6, "级别")]["reason_en"]
    assert "metropolitan circle" in by_place[(4, "纬度")]["reason_en"]
    industry_errors = [e for e in body["detail"]["errors"] if e["row"] == 9]
    assert any("量子计算" in e["reason_en"] for e in industry_errors)
    for error in body["detail"]["errors"]:
        assert error["reason_zh"] and error["reason_en"]
        assert error["reason_zh"] != error["reason_en"], error
    assert snapshot() == before


def test_a_relations_file_with_bad_rows_is_rejected_whole(
    secretariat: User, network: SmallNetwork
) -> None:
    services.relation_create(kind="PARTNER_OF", source=network.jiangning, target=network.jiangbei)
    before = snapshot()
    file = csv_file(
        [
            ["关系类型", "起点", "终点", "开始日期", "结束日期"],
            ["飞地", "江宁园", "江宁园", "", ""],  # 2: own enclave
            ["伙伴园区", "江北新区", "江宁园", "", ""],  # 3: exists (either direction)
            ["隶属", "南京大学", "紫金山实验室", "", ""],  # 4: university -> lab is backwards
            ["合作", "不存在的公司", "南京大学", "", ""],  # 5: unknown name
            ["合作", "南京大学", "紫金山实验室", "2022-01-01", "2021-01-01"],  # 6: dates reversed
            ["友好", "南京大学", "紫金山实验室", "", ""],  # 7: unknown kind
            ["合作", "紫金山实验室", "宁芯设计有限公司", "", ""],  # 8: fine on its own
        ]
    )
    response = upload(client_for(secretariat), "relations", file)

    assert response.status_code == 400
    errors = response.json()["detail"]["errors"]
    assert {(e["row"], e["column"]) for e in errors} == {
        (2, "终点"),
        (3, "终点"),
        (4, "终点"),
        (5, "起点"),
        (6, "结束日期"),
        (7, "关系类型"),
    }
    own = next(e for e in errors if e["row"] == 2)
    assert own["reason_en"] == "A park cannot be its own enclave or partner."
    assert own["reason_zh"] == "园区不能是自己的飞地或伙伴园区。"
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("garbage.xlsx", b"\x00\xffnot a workbook" * 50, "invalid_file"),
        ("garbage.csv", bytes(range(256)) * 4, "invalid_file"),
        ("notes.txt", "名称\n江宁园\n".encode(), "invalid_file"),
        ("parks.xls", b"\xd0\xcf\x11\xe0", "invalid_file"),
        ("empty.csv", b"", "invalid_file"),
        ("header-only.csv", "名称,城市\r\n".encode(), "invalid_file"),
        ("no-name.csv", "城市,级别\r\n南京,省级\r\n".encode(), "import_rejected"),
        ("typo.csv", "名称,城 市X\r\n新园,南京\r\n".encode(), "import_rejected"),
    ],
)
def test_an_unusable_file_is_a_400_with_a_message(
    secretariat: User, network: SmallNetwork, name: str, content: bytes, code: str
) -> None:
    before = snapshot()
    response = upload(client_for(secretariat), "parks", SimpleUploadedFile(name, content))
    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert snapshot() == before


def test_a_zip_that_is_not_a_workbook_is_a_400(secretariat: User, network: SmallNetwork) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    response = upload(
        client_for(secretariat), "parks", SimpleUploadedFile("x.xlsx", buffer.getvalue())
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_file"


def test_a_truncated_workbook_is_a_400(secretariat: User, network: SmallNetwork) -> None:
    whole = xlsx_file([["名称"], ["新园"]]).read()
    for cut in (len(whole) // 2, len(whole) - 30):
        file = SimpleUploadedFile("cut.xlsx", whole[:cut])
        response = upload(client_for(secretariat), "parks", file)
        assert response.status_code == 400, cut
        assert response.json()["code"] == "invalid_file"


def test_a_missing_required_column_is_named(secretariat: User, network: SmallNetwork) -> None:
    response = upload(client_for(secretariat), "organisations", csv_file([["名称"], ["某公司"]]))
    assert response.status_code == 400
    assert response.json()["detail"]["errors"] == [
        {
            "row": 1,
            "column": "类型",
            "reason_zh": "缺少必填列“类型”（或英文列名 kind）。",
            "reason_en": "The required column “类型” (kind) is missing.",
        }
    ]


def test_too_large_a_file_is_refused_with_413(
    secretariat: User, network: SmallNetwork, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("backend.network.api.transfer.MAX_UPLOAD_BYTES", 100)
    monkeypatch.setattr("backend.network.api.transfer.MULTIPART_OVERHEAD", 0)
    file = csv_file([["名称"], *[[f"园区{n}"] for n in range(50)]])
    response = upload(client_for(secretariat), "parks", file)
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"


def test_too_many_rows_are_refused(
    secretariat: User, network: SmallNetwork, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("backend.network.transfer.importing.MAX_ROWS", 3)
    file = csv_file([["名称"], *[[f"园区{n}"] for n in range(4)]])
    response = upload(client_for(secretariat), "parks", file)
    assert response.status_code == 400
    assert "more than 3 data rows" in response.json()["message"]
    assert not Park.objects.filter(name__startswith="园区").exists()


def test_a_service_refusal_during_the_write_rolls_back_the_rows_already_written(
    secretariat: User, network: SmallNetwork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row can pass validation and still be refused by a service (say, a concurrent edit took
    its name): the rows written before it are rolled back, outbox events included."""
    real_park_create = services.park_create

    def park_create(**fields: Any) -> Park:
        if fields["name"] == "第二园":
            raise Conflict(Bilingual(zh="刚被他人占用。", en="Taken a moment ago."))
        return real_park_create(**fields)

    monkeypatch.setattr(services, "park_create", park_create)
    before = snapshot()
    file = csv_file([["名称"], ["第一园"], ["第二园"], ["第三园"]])

    response = upload(client_for(secretariat), "parks", file)

    assert response.status_code == 400
    assert response.json()["detail"]["errors"] == [
        {"row": 3, "column": "", "reason_zh": "刚被他人占用。", "reason_en": "Taken a moment ago."}
    ]
    assert snapshot() == before


# --- who may ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "message"),
    [
        ("jiangning_staff", "You do not have permission to do this."),
        ("researcher", "Researcher accounts are read-only."),
        ("no_role", "Your account has no role yet; ask the joint-conference secretariat."),
    ],
)
def test_only_the_secretariat_and_admins_import(
    request: pytest.FixtureRequest, network: SmallNetwork, user: str, message: str
) -> None:
    before = snapshot()
    response = upload(
        client_for(request.getfixturevalue(user)), "parks", csv_file([["名称"], ["新园"]])
    )
    assert response.status_code == 403
    assert response.json()["message"] == message
    assert snapshot() == before


def test_an_anonymous_visitor_can_neither_export_nor_import(network: SmallNetwork) -> None:
    response = APIClient().get("/api/network/export?entity=parks")
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"
    response = upload(APIClient(), "parks", csv_file([["名称"], ["新园"]]))
    assert response.status_code == 403


def test_a_researcher_exports(researcher: User, network: SmallNetwork) -> None:
    response, content = download(client_for(researcher), "entity=organisations&format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(content)
    assert rows[0][:3] == ["名称", "英文名称", "类型"]
    assert {r[0] for r in rows[1:]} == {
        "南京大学",
        "紫金山实验室",
        "宁芯设计有限公司",
        "江宁晶圆制造有限公司",
    }


# --- exporting ----------------------------------------------------------------------------------


def test_the_export_has_a_chinese_filename_and_applies_the_list_filters(
    researcher: User, network: SmallNetwork
) -> None:
    client = client_for(researcher)
    response, content = download(
        client, f"entity=organisations&kind=enterprise&park={network.jiangning.pk}"
    )
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="ningju-organisations-')
    assert "filename*=UTF-8''%E6%9C%BA%E6%9E%84-" in disposition  # 机构-
    assert [r[0] for r in csv_rows(content)[1:]] == ["江宁晶圆制造有限公司"]

    _, content = download(client, "entity=parks&q=jn")
    assert [r[0] for r in csv_rows(content)[1:]] == ["江宁园"]


def test_an_unknown_export_parameter_is_a_400(researcher: User, network: SmallNetwork) -> None:
    client = client_for(researcher)
    assert client.get("/api/network/export?entity=parks&format=pdf").status_code == 400
    assert client.get("/api/network/export?entity=cats").status_code == 400
    assert client.get("/api/network/export").status_code == 400


@pytest.fixture
def tricky(network: SmallNetwork) -> SmallNetwork:
    """Values that are hard to carry through a spreadsheet and back."""
    services.park_create(
        name="=1+2园",
        short_name="'引号开头",
        city=network.chuzhou,
        level="municipal",
        kind="partner",
        latitude=32.123456789,
        longitude=118.3,
        available_space_m2=Decimal("12345.67"),
        description='多行\n"引号", 逗号；分号',
        focus=[services.Focus(network.ic, 1 / 3), services.Focus(network.biomed, 2 / 3)],
    )
    services.organisation_create(name="@SUM(A1)", kind="enterprise", employees=0)
    services.organisation_create(name="南京大学", kind="incubator", subkind="makerspace")
    services.organisation_create(name="-1", kind="financier", subkind="fund")
    services.relation_create(
        kind="ENCLAVE_OF",
        source=network.jiangning,
        target=Park.objects.get(name="=1+2园"),
        name="宁滁飞地",
        started_on=date(2020, 1, 2),
        agreement_signed_on=date(2019, 12, 30),
    )
    services.relation_create(kind="PARTNER_OF", source=network.jiangbei, target=network.jiangning)
    services.relation_create(kind="AFFILIATED_WITH", source=network.lab, target=network.nju)
    services.relation_create(kind="SUPPLIES_TO", source=network.chipco, target=network.fabco)
    services.relation_create(
        kind="COOPERATES_WITH",
        source=network.nju,
        target=network.chipco,
        cooperation_kind="joint_lab",
        note="+合作备注",
    )
    return network


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("entity", ["parks", "organisations", "relations"])
def test_an_export_imports_back_with_upsert_without_changing_anything(
    secretariat: User, tricky: SmallNetwork, entity: str, file_format: str
) -> None:
    client = client_for(secretariat)
    _, content = download(client, f"entity={entity}&format={file_format}")
    before = snapshot()

    file = SimpleUploadedFile(f"export.{file_format}", content)
    response = upload(client, entity, file, mode="upsert")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["rows"] > 0
    assert (body["created"], body["updated"], body["unchanged"]) == (0, 0, body["rows"])
    assert snapshot() == before


def test_formula_looking_text_is_neutralised_and_numbers_stay_numbers(
    researcher: User, tricky: SmallNetwork
) -> None:
    client = client_for(researcher)
    _, content = download(client, "entity=parks&format=csv")
    rows = {r[0]: r for r in csv_rows(content)[1:]}
    assert "'=1+2园" in rows
    header = csv_rows(content)[0]
    park = dict(zip(header, rows["'=1+2园"], strict=True))
    assert park["简称"] == "''引号开头"
    assert park["纬度"] == "32.123456789"
    assert park["可用空间（平方米）"] == "12345.67"
    assert park["级别"] == "市级"

    _, content = download(client, "entity=organisations&format=csv")
    names = [r[0] for r in csv_rows(content)[1:]]
    assert "'@SUM(A1)" in names
    assert "'-1" in names

    _, content = download(client, "entity=parks&format=xlsx")
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    tricky_park = cells["'=1+2园"]
    assert tricky_park[0].data_type == "s"
    assert isinstance(tricky_park[9].value, float)  # 纬度
    assert isinstance(cells["江宁园"][7].value, int | float)  # 可用土地（亩）


@pytest.mark.django_db(transaction=True)
async def test_under_asgi_the_export_streams_from_an_async_iterator(
    network: SmallNetwork,
) -> None:
    from asgiref.sync import sync_to_async

    rita = await sync_to_async(user_create)(
        username="rita", password="x", role=Role.RESEARCHER, validate=False
    )
    client = AsyncClient()
    await client.aforce_login(rita)
    try:
        response = await client.get("/api/network/export?entity=organisations")

        assert response.status_code == 200
        assert response.is_async
        content = b"".join([chunk async for chunk in response.streaming_content])
        assert "宁芯设计有限公司" in content.decode("utf-8-sig")
    finally:
        # The view and the chunks ran on the sync thread; the test client keeps its connection.
        await sync_to_async(connections.close_all)()
