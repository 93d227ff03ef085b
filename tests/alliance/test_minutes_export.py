"""Minutes export: the DOCX opens in python-docx and the PDF's text extracts with pypdf, both
with the Chinese intact."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.alliance import exports
from backend.network.models import Park
from tests.alliance.conftest import API, ok
from tests.alliance.flows import live_meeting, transition

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


@pytest.fixture
def published(client_for: Client, alice: User, bob: User, members: list[Park]) -> dict:
    sec = client_for(alice)
    meeting, items = live_meeting(sec, client_for(bob), [p.pk for p in members], items=1)
    deadline = (timezone.localdate() + timedelta(days=20)).isoformat()
    ok(
        sec.post(
            f"{API}/items/{items[0]['id']}/decisions",
            {
                "text": "同意共建飞地园区，联合招商收益按约定分享。",
                "actions": [
                    {"text": "拟定共建协议", "deadline": deadline, "owner_unit": "市发改委"}
                ],
            },
            format="json",
        ),
        201,
    )
    transition(sec, meeting["id"], "close")
    draft = ok(sec.post(f"{API}/meetings/{meeting['id']}/minutes"), 201)
    return ok(sec.post(f"{API}/minutes/{draft['id']}/publish"))


def test_the_minutes_export_as_a_docx_that_opens_with_chinese_text_intact(
    client_for: Client, bob: User, published: dict
) -> None:
    response = client_for(bob).get(f"{API}/minutes/{published['id']}/export.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2027年第一次联席会议 会议纪要" in text
    assert "同意共建飞地园区，联合招商收益按约定分享。" in text
    assert "市发改委" in text and "江宁园" in text


@pytest.mark.parametrize("font", ["embedded", "cid"])
def test_the_minutes_export_as_a_pdf_whose_chinese_text_extracts(
    client_for: Client,
    bob: User,
    published: dict,
    font: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    if font == "cid":  # no WenQuanYi installed: reportlab's built-in STSong-Light
        monkeypatch.setattr(exports, "WQY_FONT_FILE", tmp_path / "missing.ttc")
        monkeypatch.setattr(exports, "EMBEDDED_FONT", "NotRegisteredHere")
    elif not exports.WQY_FONT_FILE.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    response = client_for(bob).get(f"{API}/minutes/{published['id']}/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page_fonts = reader.pages[0]["/Resources"]["/Font"].get_object()
    fonts = " ".join(str(f.get_object()["/BaseFont"]) for f in page_fonts.values())
    assert ("STSong" in fonts) == (font == "cid")
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert "会议纪要" in text
    assert "同意共建飞地园区" in text
    assert "市发改委" in text


def test_outsiders_cannot_download_the_minutes(
    client_for: Client, olga: User, rita: User, published: dict
) -> None:
    for user in (olga, rita):
        assert (
            client_for(user).get(f"{API}/minutes/{published['id']}/export.pdf").status_code == 403
        )
