"""Signals other features listen to, so the network app needs to know none of them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after outbox events reached Neo4j (kwargs: delivered, the number of events). Matching
# re-ranks open projects on it.
graph_changed = Signal()
