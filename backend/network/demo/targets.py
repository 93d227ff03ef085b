"""The 2025 targets of policy section 三 (发展目标), as data.

The platform's indicators (policy 二十一: 评价指标体系与统计监测) compare park figures with these;
the indicators app reads this module. Values are the policy's own, in its units.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from backend.network.demo.seeds import policy


@dataclass(frozen=True)
class PolicyTarget:
    code: str
    name: str
    name_en: str
    value: Decimal
    unit: str
    comparison: str  # ">=": at least, ">": more than, "~": about ("近")
    year: int = 2025
    source_note: str = policy("三")


POLICY_TARGETS_2025: tuple[PolicyTarget, ...] = (
    PolicyTarget(
        "rd_intensity",
        "企业研发投入占营收比例",
        "Enterprise R&D spending / revenue",
        Decimal("4.5"),
        "%",
        ">=",
    ),
    PolicyTarget(
        "high_tech_enterprise_share",
        "高新技术企业占全市比例",
        "Share of the city's high-tech enterprises",
        Decimal(85),
        "%",
        ">",
    ),
    PolicyTarget(
        "tech_sme_share",
        "科技型中小企业占全市比例",
        "Share of the city's technology SMEs",
        Decimal(85),
        "%",
        ">",
    ),
    PolicyTarget(
        "high_tech_share_of_industrial",
        "规上工业企业中高新技术企业占比",
        "High-tech share of industrial enterprises above designated size",
        Decimal(50),
        "%",
        ">",
    ),
    PolicyTarget(
        "listed_enterprises", "上市企业数量", "Listed enterprises", Decimal(130), "家", ">="
    ),
    PolicyTarget(
        "high_value_patents_per_10k",
        "每万人口高价值发明专利拥有量",
        "High-value invention patents per 10,000 people",
        Decimal(50),
        "件",
        ">=",
    ),
    PolicyTarget(
        "high_tech_manufacturing_output",
        "园区高技术制造业产值",
        "High-tech manufacturing output of the parks",
        Decimal(5500),
        "亿元",
        ">",
    ),
    PolicyTarget(
        "high_tech_services_revenue",
        "高技术服务业营业收入",
        "High-tech services revenue",
        Decimal(3000),
        "亿元",
        ">",
    ),
    PolicyTarget(
        "torch_enterprise_revenue",
        "火炬企业营业收入",
        "Torch-programme enterprise revenue",
        Decimal(18000),
        "亿元",
        "~",
    ),
)
