"""Enclave and partner relations between parks, and relations between real organisations.

ENCLAVE_OF runs from the operating park (飞出地) to the park where the land lies (飞入地);
PARTNER_OF and COOPERATES_WITH are undirected (the loader stores the smaller id as source).
Where a cross-border zone was agreed between districts rather than parks, the Nanjing-side
park of 南京高新区 in that district stands for the district; the note says so.
"""

from __future__ import annotations

from datetime import date

from backend.network.demo.organisations import KEY_LABS_BY_UNIVERSITY
from backend.network.demo.seeds import OrganisationRelationSeed, ParkRelationSeed, policy

_CROSS_BORDER = "public record: 长江三角洲区域一体化发展规划纲要(2019)支持的省际毗邻区域深度合作"

PARK_RELATIONS: tuple[ParkRelationSeed, ...] = (
    ParkRelationSeed(
        kind="ENCLAVE_OF",
        source="江北新区",
        target="宁淮特别合作区",
        name="宁淮特别合作区",
        started_on=date(2019, 7, 27),
        agreement_signed_on=date(2019, 7, 27),
        note="江北新区与盱眙县为合作主体；江北新区主导经济管理和建设",
        source_note=f"{policy('十五')}（飞地园区）; public record: 2019-07-27 揭牌",
    ),
    ParkRelationSeed(
        kind="PARTNER_OF",
        source="江宁园",
        target="江宁—博望跨界一体化发展示范区",
        name="江宁—博望跨界一体化发展示范区",
        note="协议由南京、马鞍山于2019年10月签订(江宁区—博望区)；江宁园代表江宁区一侧",
        source_note=f"{policy('十五')}（伙伴园区）; {_CROSS_BORDER}",
    ),
    ParkRelationSeed(
        kind="PARTNER_OF",
        source="安徽博望高新技术产业开发区",
        target="江宁—博望跨界一体化发展示范区",
        name="江宁—博望跨界一体化发展示范区",
        note="博望区一侧",
        source_note=f"{policy('十五')}（伙伴园区）; {_CROSS_BORDER}",
    ),
    ParkRelationSeed(
        kind="PARTNER_OF",
        source="江北新区",
        target="顶山—汊河跨界一体化发展示范区",
        name="顶山—汊河跨界一体化发展示范区",
        note="顶山街道属江北新区；汊河镇属滁州市来安县",
        source_note=f"{policy('十五')}（伙伴园区）; {_CROSS_BORDER}",
    ),
    ParkRelationSeed(
        kind="PARTNER_OF",
        source="浦口园",
        target="浦口—南谯跨界一体化发展示范区",
        name="浦口—南谯跨界一体化发展示范区",
        note="浦口区与滁州市南谯区；浦口园代表浦口区一侧",
        source_note=f"{policy('十五')}（伙伴园区）; {_CROSS_BORDER}",
    ),
)

ORGANISATION_RELATIONS: tuple[OrganisationRelationSeed, ...] = (
    OrganisationRelationSeed(
        kind="AFFILIATED_WITH",
        source="国家集成电路设计自动化技术创新中心",
        target="东南大学",
        source_note="public record: 东南大学为牵头建设单位(2022)",
    ),
    OrganisationRelationSeed(
        kind="COOPERATES_WITH",
        source="南京现代综合交通实验室",
        target="东南大学",
        cooperation_kind="joint_lab",
        note="自2020年9月",
        source_note="public record: 东南大学为共建单位之一(2020年9月)",
    ),
    OrganisationRelationSeed(
        kind="COOPERATES_WITH",
        source="紫金山实验室",
        target="东南大学",
        cooperation_kind="joint_research",
        source_note="public record: 实验室副主任尤肖虎为东南大学教授",
    ),
    OrganisationRelationSeed(
        kind="COOPERATES_WITH",
        source="南京光电技术创新中心",
        target="南京大学",
        cooperation_kind="joint_research",
        source_note="public record: 中心主任祝世宁为南京大学院士",
    ),
    OrganisationRelationSeed(
        kind="COOPERATES_WITH",
        source="南智先进光电集成技术研究院",
        target="南京大学",
        cooperation_kind="tech_transfer",
        note="自2018年",
        source_note="public record: 由南京大学祝世宁团队在南京大学支持下创建(2018)",
    ),
    OrganisationRelationSeed(
        kind="COOPERATES_WITH",
        source="南智先进光电集成技术研究院",
        target="南京光电技术创新中心",
        cooperation_kind="joint_research",
        source_note="public record: 主要参建单位(2021)",
    ),
    OrganisationRelationSeed(
        kind="COOPERATES_WITH",
        source="国家健康医疗大数据（东部）中心",
        target="南京医科大学",
        cooperation_kind="joint_research",
        source_note="public record: 与南京医科大学共建临床医学转化平台",
    ),
    OrganisationRelationSeed(
        kind="COOPERATES_WITH",
        source="南京脑科学与类脑智能创新中心",
        target="北京大学分子医学南京转化研究院",
        cooperation_kind="joint_research",
        source_note="public record: 江北新区脑科学重点新型研发机构，2021年中心揭牌时共同参与",
    ),
    *(
        OrganisationRelationSeed(
            kind="COOPERATES_WITH",
            source=science_park,
            target=university,
            cooperation_kind="tech_transfer",
            source_note=f"public record: {university}的国家大学科技园",
        )
        for science_park, university in (
            ("南京大学国家大学科技园", "南京大学"),
            ("东南大学国家大学科技园", "东南大学"),
            ("南京理工大学国家大学科技园", "南京理工大学"),
        )
    ),
    *(
        OrganisationRelationSeed(
            kind="AFFILIATED_WITH",
            source=lab.name,
            target=university,
            source_note=f"public record: 依托{university}",
        )
        for university, lab in KEY_LABS_BY_UNIVERSITY
    ),
)
