"""Preparing a joint meeting in the browser: a member park replies for itself, names its
delegates, submits an item and attaches a file; the secretariat sees the file on its triage
board and the park's reply in the attendance list."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Browser, expect

from backend.accounts.models import User
from backend.alliance.models import AllianceMember, Attendance, ItemFile
from backend.alliance.services import alliance_default
from backend.network.models import Park
from tests.alliance.flows import call_meeting, transition
from tests.e2e.test_alliance_live import api_as, signed_in_context

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def members(jiangning: Park, jiangbei: Park) -> list[Park]:
    alliance = alliance_default()
    for park in (jiangning, jiangbei):
        AllianceMember.objects.create(alliance=alliance, park=park)
    return [jiangning, jiangbei]


def eventually(check: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not callable(check) or not check():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def test_a_member_park_replies_submits_and_attaches_and_the_secretariat_sees_it(
    browser: Browser, live_url: str, alice: User, bob: User, members: list[Park]
) -> None:
    jiangning = members[0]
    meeting = call_meeting(api_as(alice))
    transition(api_as(alice), meeting["id"], "announce")
    url = f"{live_url}/alliance/meetings/{meeting['id']}"
    member = signed_in_context(browser, live_url, bob)
    secretariat = signed_in_context(browser, live_url, alice)
    try:
        page = member.new_page()
        page.goto(url)

        # RSVP and delegates, for its own park.
        page.get_by_role("tab", name="出席").click()
        page.get_by_test_id(f"rsvp-{jiangning.pk}").click()
        page.locator('.ant-select-item-option[title="出席"]').click()
        page.get_by_role("textbox", name="江宁园的参会代表").fill("李园、周主任")
        page.get_by_test_id(f"save-delegates-{jiangning.pk}").click()
        eventually(
            lambda: Attendance.objects.filter(
                meeting_id=meeting["id"], park=jiangning, rsvp="accepted", delegates="李园、周主任"
            ).exists()
        )
        expect(page.get_by_role("combobox", name="江北新区的回复")).to_have_count(0)

        # Submit an item, then attach a file to it.
        page.get_by_role("tab", name="本园区议题").click()
        page.get_by_label("议题标题").fill("飞地园区共建方案")
        page.get_by_role("button", name=re.compile(r"^提\s*交$")).click()
        expect(page.get_by_role("cell", name=re.compile("飞地园区共建方案"))).to_be_visible()
        page.locator("input[type=file]").set_input_files(
            files=[{"name": "共建方案.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        link = page.get_by_role("link", name=re.compile(r"共建方案\.pdf"))
        expect(link).to_be_visible(timeout=10_000)
        download = page.request.get(live_url + str(link.get_attribute("href")))
        assert download.status == 200 and download.body() == PDF

        # The secretariat finds it on the triage board.
        board = secretariat.new_page()
        board.goto(url)
        board.get_by_role("tab", name="议题审核").click()
        expect(board.get_by_role("link", name=re.compile(r"共建方案\.pdf"))).to_be_visible()
    finally:
        member.close()
        secretariat.close()
        for row in ItemFile.objects.all():
            row.file.delete(save=False)
