"""Split accounting (经济指标分算): divide a reported figure between parks by percent shares.

Rounding rule (largest remainder, Hamilton's method), documented because totals must add up:
1. each part's exact amount is amount × percent / 100 (Decimal, no float);
2. each part is first rounded DOWN (towards zero) to the unit (0.01 万元);
3. the units left over (amount − Σ rounded parts, always fewer than the number of parts) go
   one each to the parts with the largest dropped remainder; equal remainders go to the part
   listed first (the transferring park before the receiving park).
So the parts always add up to the amount exactly, and the same input always gives the same
parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

UNIT = Decimal("0.01")
HUNDRED = Decimal(100)


def split_amount(
    amount: Decimal, percents: Sequence[Decimal], unit: Decimal = UNIT
) -> list[Decimal]:
    """Parts of `amount` (a multiple of `unit`) by `percents` (adding to 100), summing exactly."""
    if sum(percents, Decimal(0)) != HUNDRED:
        raise ValueError("percents must add up to 100")
    if any(p < 0 for p in percents):
        raise ValueError("percents must not be negative")
    amount = amount.quantize(unit)
    negative = amount < 0
    base = -amount if negative else amount
    exact = [base * p / HUNDRED for p in percents]
    floors = [e.quantize(unit, rounding=ROUND_DOWN) for e in exact]
    left = int((base - sum(floors, Decimal(0))) / unit)
    order = sorted(range(len(percents)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += unit
    return [-f for f in floors] if negative else floors
