"""The industry taxonomy and its chain order.

Leading industries follow the policy's industry lists (十一: 数字经济、生物医药、高新智造;
十二: 未来产业; 十三: 节能环保、智能电网; 七: EDA、光电、第三代半导体; 十: 高技术服务;
十八: 科技金融). A few sectors the circle's other zones are known for (marine equipment,
rail transit equipment, photovoltaics, new materials) come from public record. Chain links
follow common industry knowledge and are approximate.
"""

from __future__ import annotations

from backend.network.demo.seeds import ChainLinkSeed, IndustrySeed, policy

_PUBLIC = "public record (主导产业 of circle zones)"

INDUSTRIES: tuple[IndustrySeed, ...] = (
    # 新一代信息技术 / 数字经济 (十一: 基础软件、云计算、大数据、人工智能; 七: EDA、光电)
    IndustrySeed(
        "next-gen-it", "新一代信息技术", "Next-generation information technology", policy("十一")
    ),
    IndustrySeed(
        "basic-software", "基础软件", "Basic software", policy("十一"), parent="next-gen-it"
    ),
    IndustrySeed(
        "open-source-software",
        "开源软件",
        "Open-source software",
        policy("六"),
        parent="next-gen-it",
    ),
    IndustrySeed(
        "cloud-computing", "云计算", "Cloud computing", policy("十一"), parent="next-gen-it"
    ),
    IndustrySeed("big-data", "大数据", "Big data", policy("十一"), parent="next-gen-it"),
    IndustrySeed(
        "ic", "集成电路", "Integrated circuits", policy("七", "十一"), parent="next-gen-it"
    ),
    IndustrySeed(
        "eda",
        "集成电路设计自动化（EDA）",
        "Electronic design automation (EDA)",
        policy("七"),
        parent="ic",
    ),
    IndustrySeed(
        "ic-design", "集成电路芯片设计", "IC chip design", policy("七", "十一"), parent="ic"
    ),
    IndustrySeed(
        "ic-manufacturing", "集成电路制造", "IC manufacturing", policy("十一"), parent="ic"
    ),
    IndustrySeed(
        "ic-packaging-testing",
        "集成电路封装测试",
        "IC packaging and testing",
        policy("十一"),
        parent="ic",
    ),
    IndustrySeed(
        "third-gen-semiconductors",
        "第三代半导体",
        "Third-generation semiconductors",
        policy("七"),
        parent="ic",
    ),
    IndustrySeed(
        "optoelectronics", "光电子", "Optoelectronics", policy("七"), parent="next-gen-it"
    ),
    IndustrySeed(
        "optoelectronic-chips",
        "光电子芯片",
        "Optoelectronic chips",
        policy("七"),
        parent="optoelectronics",
    ),
    # 人工智能 (十一; 新一代人工智能 is also a frontier field of 十二)
    IndustrySeed(
        "ai", "人工智能", "Artificial intelligence", policy("十一", "十二"), is_future_industry=True
    ),
    IndustrySeed("ai-chips", "人工智能芯片", "AI chips", policy("十一"), parent="ai"),
    IndustrySeed(
        "intelligent-software", "智能软件", "Intelligent software", policy("十一"), parent="ai"
    ),
    IndustrySeed(
        "open-source-frameworks",
        "开源框架",
        "Open-source AI frameworks",
        policy("十一"),
        parent="ai",
    ),
    # 生物医药 (十一)
    IndustrySeed("biomed", "生物医药", "Biomedicine", policy("十一")),
    IndustrySeed(
        "innovative-drugs", "创新药物", "Innovative drugs", policy("十一"), parent="biomed"
    ),
    IndustrySeed(
        "medical-devices",
        "高端医疗器械",
        "High-end medical devices",
        policy("十一"),
        parent="biomed",
    ),
    IndustrySeed(
        "translational-medicine",
        "转化医学",
        "Translational medicine",
        policy("十一"),
        parent="biomed",
    ),
    IndustrySeed(
        "smart-healthcare", "智慧医疗", "Smart healthcare", policy("十一"), parent="biomed"
    ),
    IndustrySeed(
        "gene-cell-technology",
        "基因与细胞技术",
        "Gene and cell technology",
        policy("十一"),
        parent="biomed",
    ),
    # 高新智造 (十一: 新能源汽车、集成电路、智能制造装备（环保）) and sectors of the circle
    IndustrySeed("high-tech-manufacturing", "高新智造", "High-tech manufacturing", policy("十一")),
    IndustrySeed(
        "new-energy-vehicles",
        "新能源汽车",
        "New-energy vehicles",
        policy("十一", "十三"),
        parent="high-tech-manufacturing",
    ),
    IndustrySeed(
        "intelligent-equipment",
        "智能制造装备",
        "Intelligent manufacturing equipment",
        policy("十一"),
        parent="high-tech-manufacturing",
    ),
    IndustrySeed(
        "smart-grid", "智能电网", "Smart grid", policy("十三"), parent="high-tech-manufacturing"
    ),
    IndustrySeed(
        "rail-transit-equipment",
        "轨道交通装备",
        "Rail transit equipment",
        _PUBLIC,
        parent="high-tech-manufacturing",
    ),
    IndustrySeed(
        "marine-equipment",
        "船舶与海洋工程装备",
        "Marine and offshore equipment",
        _PUBLIC,
        parent="high-tech-manufacturing",
    ),
    IndustrySeed(
        "photovoltaics",
        "先进光伏",
        "Advanced photovoltaics",
        _PUBLIC,
        parent="high-tech-manufacturing",
    ),
    IndustrySeed(
        "new-materials", "新材料", "New materials", _PUBLIC, parent="high-tech-manufacturing"
    ),
    # 节能环保 (十三)
    IndustrySeed(
        "energy-saving-environmental",
        "节能环保",
        "Energy saving and environmental protection",
        policy("十三"),
    ),
    IndustrySeed(
        "water-treatment",
        "水处理",
        "Water treatment",
        policy("七", "十三"),
        parent="energy-saving-environmental",
    ),
    IndustrySeed(
        "air-pollution-control",
        "大气治理",
        "Air pollution control",
        policy("十三"),
        parent="energy-saving-environmental",
    ),
    IndustrySeed(
        "solid-waste-treatment",
        "固废处理",
        "Solid waste treatment",
        policy("十三"),
        parent="energy-saving-environmental",
    ),
    # 高技术服务业 (三, 十, 十五, 十八)
    IndustrySeed("high-tech-services", "高技术服务业", "High-tech services", policy("三", "十五")),
    IndustrySeed(
        "rd-services",
        "研究开发",
        "Research and development services",
        policy("十"),
        parent="high-tech-services",
    ),
    IndustrySeed(
        "tech-transfer",
        "技术转移",
        "Technology transfer",
        policy("十"),
        parent="high-tech-services",
    ),
    IndustrySeed(
        "testing-certification",
        "检验检测",
        "Testing and certification",
        policy("十"),
        parent="high-tech-services",
    ),
    IndustrySeed(
        "incubation-services",
        "创业孵化",
        "Start-up incubation",
        policy("十"),
        parent="high-tech-services",
    ),
    IndustrySeed(
        "ip-services",
        "知识产权",
        "Intellectual property services",
        policy("十"),
        parent="high-tech-services",
    ),
    IndustrySeed(
        "tech-consulting",
        "科技咨询",
        "Technology consulting",
        policy("十"),
        parent="high-tech-services",
    ),
    IndustrySeed(
        "sci-tech-finance",
        "科技金融",
        "Science and technology finance",
        policy("十八"),
        parent="high-tech-services",
    ),
    # 未来产业 (十二)
    IndustrySeed(
        "future-industries",
        "未来产业",
        "Future industries",
        policy("十二"),
        is_future_industry=True,
    ),
    IndustrySeed(
        "gene-technology",
        "基因技术",
        "Gene technology",
        policy("十二"),
        parent="future-industries",
        is_future_industry=True,
    ),
    IndustrySeed(
        "brain-inspired-intelligence",
        "类脑智能",
        "Brain-inspired intelligence",
        policy("十二"),
        parent="future-industries",
        is_future_industry=True,
    ),
    IndustrySeed(
        "blockchain",
        "区块链",
        "Blockchain",
        policy("十二"),
        parent="future-industries",
        is_future_industry=True,
    ),
    IndustrySeed(
        "metaverse",
        "元宇宙",
        "Metaverse",
        policy("十二"),
        parent="future-industries",
        is_future_industry=True,
    ),
    IndustrySeed(
        "future-networks",
        "未来网络",
        "Future networks",
        policy("十二"),
        parent="future-industries",
        is_future_industry=True,
    ),
    IndustrySeed(
        "aerospace",
        "航空航天",
        "Aerospace",
        policy("十二"),
        parent="future-industries",
        is_future_industry=True,
    ),
    IndustrySeed(
        "energy-storage-hydrogen",
        "储能与氢能",
        "Energy storage and hydrogen",
        policy("十二"),
        parent="future-industries",
        is_future_industry=True,
    ),
)

# Upstream -> downstream ((:Industry)-[:SUPPLIES]->(:Industry)); approximate industry knowledge.
INDUSTRY_LINKS: tuple[ChainLinkSeed, ...] = tuple(
    ChainLinkSeed(upstream, downstream)
    for upstream, downstream in (
        # the chip chain: design tools -> design -> fab -> packaging -> products
        ("eda", "ic-design"),
        ("ic-design", "ic-manufacturing"),
        ("ic-manufacturing", "ic-packaging-testing"),
        ("ic-packaging-testing", "new-energy-vehicles"),
        ("ic-packaging-testing", "intelligent-equipment"),
        ("ic-packaging-testing", "medical-devices"),
        ("new-materials", "third-gen-semiconductors"),
        ("third-gen-semiconductors", "new-energy-vehicles"),
        ("third-gen-semiconductors", "smart-grid"),
        ("third-gen-semiconductors", "photovoltaics"),
        ("ai-chips", "cloud-computing"),
        ("ai-chips", "new-energy-vehicles"),
        ("brain-inspired-intelligence", "ai-chips"),
        ("optoelectronic-chips", "future-networks"),
        ("optoelectronic-chips", "cloud-computing"),
        # software and data
        ("open-source-software", "basic-software"),
        ("basic-software", "cloud-computing"),
        ("cloud-computing", "big-data"),
        ("big-data", "intelligent-software"),
        ("open-source-frameworks", "intelligent-software"),
        ("big-data", "smart-healthcare"),
        ("future-networks", "metaverse"),
        ("cloud-computing", "metaverse"),
        ("blockchain", "sci-tech-finance"),
        # life sciences
        ("gene-technology", "gene-cell-technology"),
        ("gene-cell-technology", "innovative-drugs"),
        ("translational-medicine", "innovative-drugs"),
        ("rd-services", "innovative-drugs"),
        ("medical-devices", "smart-healthcare"),
        ("testing-certification", "medical-devices"),
        # energy and equipment
        ("new-materials", "energy-storage-hydrogen"),
        ("energy-storage-hydrogen", "new-energy-vehicles"),
        ("energy-storage-hydrogen", "smart-grid"),
        ("photovoltaics", "smart-grid"),
        ("intelligent-equipment", "new-energy-vehicles"),
        ("intelligent-equipment", "aerospace"),
        ("intelligent-equipment", "rail-transit-equipment"),
        ("intelligent-equipment", "marine-equipment"),
        ("testing-certification", "new-energy-vehicles"),
    )
)
