"""Universities, labs and innovation centres, incubators and financiers of the circle.

Labs and centres: those the policy names (六、七) with their hosting park where public record
places them, the new R&D institutions that run them, and well-known national key labs of the
universities (names before the 2022–2023 reorganisation into 全国重点实验室). Universities are
the main ones of the circle; research strengths (ACTIVE_IN) are approximate.
"""

from __future__ import annotations

from backend.network.demo.seeds import OrganisationSeed, policy

_UNI = "public record (founding year as the university dates it)"
_UNI_NO_YEAR = "public record"


def _university(
    name: str, name_en: str, city: str, founded: int | None, industries: tuple[str, ...]
) -> OrganisationSeed:
    return OrganisationSeed(
        name=name,
        name_en=name_en,
        kind="university",
        city=city,
        founded_year=founded,
        industries=industries,
        source_note=(_UNI if founded else _UNI_NO_YEAR) + "; 研究方向(ACTIVE_IN)为近似",
    )


UNIVERSITIES: tuple[OrganisationSeed, ...] = (
    _university(
        "南京大学",
        "Nanjing University",
        "南京",
        1902,
        ("ai", "ic", "optoelectronics", "new-materials", "biomed"),
    ),
    _university(
        "东南大学",
        "Southeast University",
        "南京",
        1902,
        ("ic", "eda", "future-networks", "medical-devices", "smart-grid"),
    ),
    _university(
        "南京航空航天大学",
        "Nanjing University of Aeronautics and Astronautics",
        "南京",
        1952,
        ("aerospace", "intelligent-equipment"),
    ),
    _university(
        "南京理工大学",
        "Nanjing University of Science and Technology",
        "南京",
        1953,
        ("intelligent-equipment", "optoelectronics", "new-materials"),
    ),
    _university(
        "河海大学",
        "Hohai University",
        "南京",
        1915,
        ("water-treatment", "energy-saving-environmental", "big-data"),
    ),
    _university(
        "南京农业大学", "Nanjing Agricultural University", "南京", 1902, ("gene-technology",)
    ),
    _university(
        "中国药科大学",
        "China Pharmaceutical University",
        "南京",
        1936,
        ("innovative-drugs", "translational-medicine"),
    ),
    _university(
        "南京邮电大学",
        "Nanjing University of Posts and Telecommunications",
        "南京",
        1942,
        ("future-networks", "big-data", "optoelectronics"),
    ),
    _university(
        "南京工业大学",
        "Nanjing Tech University",
        "南京",
        1902,
        ("new-materials", "energy-saving-environmental"),
    ),
    _university(
        "南京信息工程大学",
        "Nanjing University of Information Science and Technology",
        "南京",
        1960,
        ("big-data", "ai"),
    ),
    _university(
        "南京师范大学", "Nanjing Normal University", "南京", 1902, ("ai", "gene-technology")
    ),
    _university(
        "南京医科大学",
        "Nanjing Medical University",
        "南京",
        1934,
        ("translational-medicine", "smart-healthcare"),
    ),
    _university("南京林业大学", "Nanjing Forestry University", "南京", 1902, ("new-materials",)),
    _university(
        "南京中医药大学",
        "Nanjing University of Chinese Medicine",
        "南京",
        1954,
        ("innovative-drugs",),
    ),
    _university(
        "江苏大学",
        "Jiangsu University",
        "镇江",
        1902,
        ("intelligent-equipment", "new-energy-vehicles"),
    ),
    _university(
        "江苏科技大学",
        "Jiangsu University of Science and Technology",
        "镇江",
        1933,
        ("marine-equipment",),
    ),
    _university("扬州大学", "Yangzhou University", "扬州", 1902, ("biomed", "gene-technology")),
    _university(
        "淮阴工学院", "Huaiyin Institute of Technology", "淮安", None, ("intelligent-equipment",)
    ),
    _university("安徽师范大学", "Anhui Normal University", "芜湖", 1928, ("new-materials",)),
    _university(
        "安徽工程大学",
        "Anhui Polytechnic University",
        "芜湖",
        1935,
        ("intelligent-equipment", "new-energy-vehicles"),
    ),
    _university(
        "安徽工业大学",
        "Anhui University of Technology",
        "马鞍山",
        None,
        ("new-materials", "intelligent-equipment"),
    ),
    _university("滁州学院", "Chuzhou University", "滁州", None, ("intelligent-equipment",)),
)

# The labs, innovation centres and new R&D institutions the policy names, and those that run them.
POLICY_LABS: tuple[OrganisationSeed, ...] = (
    OrganisationSeed(
        name="紫金山实验室",
        name_en="Purple Mountain Laboratories",
        kind="lab",
        subkind="provincial_lab",
        city="南京",
        park="江宁国家高新园",
        founded_year=2018,
        industries=("future-networks",),
        source_note=f"{policy('六')}; public record: 2018年由江苏省、南京市共建，网络通信与安全，"
        "位于江宁区秣周东路（江宁开发区）",
    ),
    OrganisationSeed(
        name="南京现代综合交通实验室",
        name_en="Nanjing Modern Multimodal Transportation Laboratory",
        kind="lab",
        subkind="new_rd_institution",
        city="南京",
        park="麒麟园",
        founded_year=2020,
        industries=("big-data", "rd-services"),
        source_note=f"{policy('六')}; public record: 2020年9月由南京市政府联合中交集团、东南大学等"
        "在麒麟科创园组建",
    ),
    OrganisationSeed(
        name="南京脑科学与类脑智能创新中心",
        name_en="Nanjing Brain Science and Brain-like Intelligence Innovation Center",
        kind="lab",
        subkind="innovation_centre",
        city="南京",
        park="江北新区",
        founded_year=2021,
        industries=("brain-inspired-intelligence",),
        source_note=f"{policy('六')}; public record: 2021年3月在江北新区揭牌",
    ),
    OrganisationSeed(
        name="国家健康医疗大数据（东部）中心",
        name_en="National Health and Medical Big Data Center (East)",
        kind="lab",
        subkind="innovation_centre",
        city="南京",
        park="江北新区",
        founded_year=2016,
        industries=("big-data", "smart-healthcare"),
        source_note=f"{policy('六')}; public record: 2016年获国家卫生主管部门批复，"
        "由江北新区生物医药公共服务平台承建运营",
    ),
    OrganisationSeed(
        name="下一代互联网国家工程中心南京创新中心",
        name_en="Nanjing Innovation Center of the National Engineering Center for "
        "Next Generation Internet",
        kind="lab",
        subkind="innovation_centre",
        city="南京",
        industries=("future-networks",),
        source_note=f"{policy('六')}; hosting park not established from public record",
    ),
    OrganisationSeed(
        name="国家集成电路设计自动化技术创新中心",
        name_en="National Technology Innovation Center for EDA",
        kind="lab",
        subkind="innovation_centre",
        city="南京",
        park="江北新区",
        founded_year=2022,
        industries=("eda", "ic-design"),
        source_note=f"{policy('七')}（EDA技术创新中心）; public record: 2022-12-30 科技部批复，"
        "东南大学牵头，落地江北新区",
    ),
    OrganisationSeed(
        name="南京光电技术创新中心",
        name_en="Nanjing Optoelectronics Technology Innovation Center",
        kind="lab",
        subkind="innovation_centre",
        city="南京",
        park="江北新区",
        industries=("optoelectronic-chips", "optoelectronics"),
        source_note=f"{policy('七')}; public record: 江北新区光电技术创新中心(江苏省光电技术创新"
        "中心，主任为南京大学祝世宁院士)，对应关系为近似",
    ),
    OrganisationSeed(
        name="国家第三代半导体技术创新中心（南京）",
        name_en="National Third-generation Semiconductor Technology Innovation Center (Nanjing)",
        kind="lab",
        subkind="innovation_centre",
        city="南京",
        park="江宁国家高新园",
        founded_year=2021,
        industries=("third-gen-semiconductors",),
        source_note=f"{policy('七')}; public record: 2021-06-21 揭牌，落地江宁开发区",
    ),
    OrganisationSeed(
        name="中科南京信息高铁研究院",
        name_en="CAS Nanjing Institute of InforSuperBahn",
        kind="lab",
        subkind="new_rd_institution",
        city="南京",
        park="麒麟园",
        industries=("future-networks", "cloud-computing"),
        source_note=f"{policy('六')}（信息高铁综合试验基础设施）; public record: 中科院计算所与"
        "本院在麒麟科创园建设",
    ),
    OrganisationSeed(
        name="中科南京软件技术研究院",
        name_en="CAS Nanjing Institute of Software Technology",
        kind="lab",
        subkind="new_rd_institution",
        city="南京",
        park="麒麟园",
        industries=("open-source-software", "basic-software"),
        source_note=f"{policy('六')}（开源软件供应链）; public record: 与中科院软件所"
        "牵头建设开源软件供应链重大基础设施; hosting park approximate",
    ),
    OrganisationSeed(
        name="南智先进光电集成技术研究院",
        name_en="Nanzhi Institute of Advanced Optoelectronic Integration Technology",
        kind="lab",
        subkind="new_rd_institution",
        city="南京",
        park="江北新区",
        founded_year=2018,
        industries=("optoelectronic-chips",),
        source_note="public record: 2018年由南京大学祝世宁团队在江北新区产业技术研创园创建，"
        "光电技术创新中心主要参建单位",
    ),
    OrganisationSeed(
        name="北京大学分子医学南京转化研究院",
        name_en="Nanjing Translational Medicine Institute, Peking University",
        kind="lab",
        subkind="new_rd_institution",
        city="南京",
        park="江北新区",
        industries=("translational-medicine", "brain-inspired-intelligence"),
        source_note="public record: 江北新区南京生物医药谷的新型研发机构，牵头江苏省类脑智能技术"
        "创新中心",
    ),
)


def _key_lab(
    name: str, name_en: str, university: str, industries: tuple[str, ...]
) -> OrganisationSeed:
    return OrganisationSeed(
        name=name,
        name_en=name_en,
        kind="lab",
        subkind="national_key_lab",
        city="南京",
        industries=industries,
        source_note=f"public record: 依托{university}的国家重点实验室（2022年重组前名称）",
    )


# National key labs of the universities, each AFFILIATED_WITH its university (relations.py).
KEY_LABS_BY_UNIVERSITY: tuple[tuple[str, OrganisationSeed], ...] = (
    (
        "南京大学",
        _key_lab(
            "计算机软件新技术国家重点实验室",
            "State Key Laboratory for Novel Software Technology",
            "南京大学",
            ("basic-software", "intelligent-software"),
        ),
    ),
    (
        "南京大学",
        _key_lab(
            "医药生物技术国家重点实验室",
            "State Key Laboratory of Pharmaceutical Biotechnology",
            "南京大学",
            ("innovative-drugs",),
        ),
    ),
    (
        "南京大学",
        _key_lab(
            "固体微结构物理国家重点实验室",
            "National Laboratory of Solid State Microstructures",
            "南京大学",
            ("new-materials", "optoelectronics"),
        ),
    ),
    (
        "南京大学",
        _key_lab(
            "污染控制与资源化研究国家重点实验室",
            "State Key Laboratory of Pollution Control and Resource Reuse",
            "南京大学",
            ("water-treatment", "solid-waste-treatment"),
        ),
    ),
    (
        "东南大学",
        _key_lab(
            "移动通信国家重点实验室",
            "National Mobile Communications Research Laboratory",
            "东南大学",
            ("future-networks",),
        ),
    ),
    (
        "东南大学",
        _key_lab(
            "毫米波国家重点实验室",
            "State Key Laboratory of Millimeter Waves",
            "东南大学",
            ("future-networks", "ic-design"),
        ),
    ),
    (
        "东南大学",
        _key_lab(
            "生物电子学国家重点实验室",
            "State Key Laboratory of Bioelectronics",
            "东南大学",
            ("medical-devices",),
        ),
    ),
    (
        "南京航空航天大学",
        _key_lab(
            "机械结构力学及控制国家重点实验室",
            "State Key Laboratory of Mechanics and Control of Mechanical Structures",
            "南京航空航天大学",
            ("aerospace",),
        ),
    ),
    (
        "河海大学",
        _key_lab(
            "水文水资源与水利工程科学国家重点实验室",
            "State Key Laboratory of Hydrology-Water Resources and Hydraulic Engineering",
            "河海大学",
            ("water-treatment",),
        ),
    ),
    (
        "中国药科大学",
        _key_lab(
            "天然药物活性组分与药效国家重点实验室",
            "State Key Laboratory of Natural Medicines",
            "中国药科大学",
            ("innovative-drugs",),
        ),
    ),
    (
        "南京农业大学",
        _key_lab(
            "作物遗传与种质创新国家重点实验室",
            "State Key Laboratory of Crop Genetics and Germplasm Enhancement",
            "南京农业大学",
            ("gene-technology",),
        ),
    ),
    (
        "南京工业大学",
        _key_lab(
            "材料化学工程国家重点实验室",
            "State Key Laboratory of Materials-Oriented Chemical Engineering",
            "南京工业大学",
            ("new-materials",),
        ),
    ),
    (
        "南京医科大学",
        _key_lab(
            "生殖医学国家重点实验室",
            "State Key Laboratory of Reproductive Medicine",
            "南京医科大学",
            ("translational-medicine",),
        ),
    ),
)

INCUBATORS: tuple[OrganisationSeed, ...] = (
    OrganisationSeed(
        name="南京大学国家大学科技园",
        name_en="Nanjing University National University Science Park",
        kind="incubator",
        subkind="university_science_park",
        city="南京",
        park="鼓楼园",
        industries=("incubation-services", "tech-transfer"),
        source_note=f"{policy('十')}（大学科技园）; public record: 国家大学科技园; "
        "hosting park approximate",
    ),
    OrganisationSeed(
        name="东南大学国家大学科技园",
        name_en="Southeast University National University Science Park",
        kind="incubator",
        subkind="university_science_park",
        city="南京",
        park="玄武园",
        industries=("incubation-services", "tech-transfer"),
        source_note=f"{policy('十')}（大学科技园）; public record: 国家大学科技园; "
        "hosting park approximate",
    ),
    OrganisationSeed(
        name="南京理工大学国家大学科技园",
        name_en="Nanjing University of Science and Technology National University Science Park",
        kind="incubator",
        subkind="university_science_park",
        city="南京",
        park="玄武园",
        industries=("incubation-services", "tech-transfer"),
        source_note=f"{policy('十')}（大学科技园）; public record: 国家大学科技园; "
        "hosting park approximate",
    ),
)

FINANCIERS: tuple[OrganisationSeed, ...] = (
    OrganisationSeed(
        name="南京市紫金投资集团有限责任公司",
        name_en="Nanjing Zijin Investment Group",
        kind="financier",
        subkind="fund",
        city="南京",
        industries=("sci-tech-finance",),
        source_note=f"{policy('十八')}（紫投集团）; public record",
    ),
    OrganisationSeed(
        name="南京市创新投资集团有限责任公司",
        name_en="Nanjing Innovation Investment Group",
        kind="financier",
        subkind="fund",
        city="南京",
        industries=("sci-tech-finance",),
        source_note=f"{policy('十八')}（市级科创基金）; public record: 市属创投平台",
    ),
    OrganisationSeed(
        name="南京银行股份有限公司",
        name_en="Bank of Nanjing",
        kind="financier",
        subkind="bank",
        city="南京",
        industries=("sci-tech-finance",),
        source_note=f"{policy('十八')}（科技金融）; public record: 总部在南京的上市银行",
    ),
)

ORGANISATIONS: tuple[OrganisationSeed, ...] = (
    UNIVERSITIES
    + POLICY_LABS
    + tuple(lab for _, lab in KEY_LABS_BY_UNIVERSITY)
    + INCUBATORS
    + FINANCIERS
)
