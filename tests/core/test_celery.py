"""Background work runs on a real worker over the Redis broker."""

from __future__ import annotations

import pytest

from backend.core.tasks import ping

pytestmark = pytest.mark.usefixtures("celery_worker")


def test_a_task_sent_to_the_worker_runs_and_its_result_comes_back() -> None:
    from backend.config.celery import app

    assert app.conf.task_always_eager is False
    result = ping.delay("你好，联盟")
    assert result.get(timeout=30) == "你好，联盟"
    assert result.successful()
