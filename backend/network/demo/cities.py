"""The cities of the Nanjing metropolitan circle (南京都市圈).

Membership: the eight member cities plus 常州市金坛区 and 溧阳市, as in the 南京都市圈发展规划
approved in 2021 (public record) and in DESIGN.md.
"""

from __future__ import annotations

from backend.network.demo.seeds import CitySeed

_CIRCLE = "public record: 南京都市圈发展规划(2021) 成员"

CITIES: tuple[CitySeed, ...] = (
    CitySeed("南京", "Nanjing", "江苏", f"{_CIRCLE}; 都市圈中心城市", is_metro_core=True),
    CitySeed("镇江", "Zhenjiang", "江苏", _CIRCLE),
    CitySeed("扬州", "Yangzhou", "江苏", _CIRCLE),
    CitySeed("淮安", "Huai'an", "江苏", _CIRCLE),
    CitySeed("芜湖", "Wuhu", "安徽", _CIRCLE),
    CitySeed("马鞍山", "Ma'anshan", "安徽", _CIRCLE),
    CitySeed("滁州", "Chuzhou", "安徽", _CIRCLE),
    CitySeed("宣城", "Xuancheng", "安徽", _CIRCLE),
    CitySeed("常州金坛区", "Jintan District, Changzhou", "江苏", _CIRCLE),
    CitySeed("溧阳市", "Liyang", "江苏", _CIRCLE),
)
