"""Files on agenda items: an allow-list checked by the bytes (not the name), a size limit,
downloads only for who may see the item, uploads only for who may edit it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.alliance import uploads
from backend.alliance.models import ItemFile
from backend.network.models import Park
from tests.alliance.conftest import API, later, ok
from tests.alliance.flows import accept, call_meeting, submit, transition, triage

Client = Callable[[User], APIClient]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def ooxml(folder: str, *, macros: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/main.xml", "<x/>")
        if macros:
            archive.writestr(f"{folder}/vbaProject.bin", b"\x00")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return buffer.getvalue()


# --- the sniffing helper ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (JPEG, "jpeg"),
        (ooxml("word"), "docx"),
        (ooxml("xl"), "xlsx"),
        (ooxml("ppt"), "pptx"),
        (ooxml("word", macros=True), None),
        (plain_zip(), None),
        (b"PK\x03\x04 not really a zip", None),
        (b"MZ\x90\x00 windows executable", None),
        (b"<html><script>alert(1)</script>", None),
        (b"", None),
    ],
)
def test_it_tells_the_type_from_the_bytes(content: bytes, expected: str | None) -> None:
    stream = io.BytesIO(content)
    found = uploads.sniff(stream)
    assert (found.key if found else None) == expected
    assert stream.tell() == 0


def test_it_keeps_a_display_name_without_paths_or_control_characters() -> None:
    assert uploads.clean_name("../../etc/passwd\x00.pdf") == "passwd.pdf"
    assert uploads.clean_name("C:\\Users\\李\\议题说明.docx") == "议题说明.docx"
    assert uploads.clean_name("") == "file"
    long = uploads.clean_name("很" * 300 + ".pdf")
    assert len(long) == 200 and long.endswith(".pdf")


# --- through the API ----------------------------------------------------------------------------


def upload(client: APIClient, item_id: int, name: str, content: bytes) -> Any:
    return client.post(
        f"{API}/items/{item_id}/files",
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


@pytest.mark.django_db
def test_a_park_attaches_files_to_its_item_and_links_keep_working(
    client_for: Client, alice: User, bob: User, members: list[Park], media: Path
) -> None:
    meeting = call_meeting(client_for(alice))
    link = {"name": "政策原文", "url": "https://www.nanjing.gov.cn/policy.html"}
    item = submit(client_for(bob), meeting["id"], attachments=[link])
    assert item["attachments"] == [link] and item["files"] == []
    b = client_for(bob)
    for name, content, content_type in (
        ("说明.pdf", PDF, "application/pdf"),
        ("照片.JPG", JPEG, "image/jpeg"),
        (
            "测算表.xlsx",
            ooxml("xl"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ):
        row = ok(upload(b, item["id"], name, content), 201)
        assert (row["name"], row["content_type"]) == (name, content_type)
        assert row["size"] == len(content)
    shown = ok(b.get(f"{API}/items/{item['id']}"))
    assert [f["name"] for f in shown["files"]] == ["说明.pdf", "照片.JPG", "测算表.xlsx"]
    assert shown["attachments"] == [link]
    stored = ItemFile.objects.get(pk=shown["files"][0]["id"])
    # The stored name is ours, not the uploader's.
    assert "说明" not in stored.file.name and stored.file.name.endswith(".pdf")
    assert Path(stored.file.path).is_relative_to(media)

    download = b.get(shown["files"][0]["url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("程序.exe", b"MZ\x90\x00 windows executable"),
        ("伪装.pdf", b"MZ\x90\x00 windows executable"),
        ("图片.pdf", PNG),  # a real PNG, named as something else
        ("宏.docx", ooxml("word", macros=True)),
        ("压缩包.docx", plain_zip()),
        ("网页.png", b"<html><script>alert(1)</script>"),
        ("空.pdf", b""),
    ],
)
def test_it_refuses_files_that_are_not_what_the_allow_list_holds(
    client_for: Client,
    alice: User,
    bob: User,
    members: list[Park],
    media: Path,
    name: str,
    content: bytes,
) -> None:
    meeting = call_meeting(client_for(alice))
    item = submit(client_for(bob), meeting["id"])
    b = client_for(bob)
    b.credentials(HTTP_ACCEPT_LANGUAGE="en")
    response = upload(b, item["id"], name, content)
    assert response.status_code == 400
    message = response.json()["message"]
    assert message.startswith("Unsupported file type") or message.startswith("The file is empty")
    assert not ItemFile.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_file_over_the_limit_in_the_users_language(
    client_for: Client,
    alice: User,
    bob: User,
    members: list[Park],
    media: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting = call_meeting(client_for(alice))
    item = submit(client_for(bob), meeting["id"])
    monkeypatch.setattr(uploads, "MAX_BYTES", 1024)
    response = upload(client_for(bob), item["id"], "大文件.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400
    assert response.json()["message"].startswith("文件过大")
    assert response.json()["detail"] == {
        "field": "file",
        "max_bytes": 1024,
        "size": 2048 + len(PDF),
    }
    # A body declared far over the limit is refused before it is read.
    monkeypatch.setattr(uploads, "MAX_BYTES", 20 * 1024 * 1024)
    huge = client_for(bob).post(
        f"{API}/items/{item['id']}/files",
        b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(21 * 1024 * 1024 + 128 * 1024),
    )
    assert huge.status_code == 400
    assert huge.json()["message"] == "文件过大：单个附件不能超过 20 MB。"


@pytest.mark.django_db
def test_only_who_may_see_the_item_downloads_and_only_who_may_edit_it_uploads(
    client_for: Client,
    alice: User,
    bob: User,
    dana: User,
    olga: User,
    rita: User,
    charlie: User,
    members: list[Park],
    media: Path,
) -> None:
    sec, b, d = client_for(alice), client_for(bob), client_for(dana)
    meeting = call_meeting(sec)
    item = submit(b, meeting["id"])
    row = ok(upload(b, item["id"], "说明.pdf", PDF), 201)
    # Another member park: may not add to or remove from bob's item, nor see it unscreened.
    assert upload(d, item["id"], "x.pdf", PDF).status_code == 403
    assert d.delete(row["url"]).status_code == 403
    assert d.get(row["url"]).status_code == 404
    # Outsiders, researchers and accounts without a role: nothing.
    for outsider in (olga, rita, charlie):
        assert client_for(outsider).get(row["url"]).status_code == 403
        assert upload(client_for(outsider), item["id"], "x.pdf", PDF).status_code == 403
    # Once accepted onto an announced agenda every member park may read it; bob can no longer
    # change it, the secretariat can.
    accept(sec, item["id"])
    transition(sec, meeting["id"], "announce")
    assert d.get(row["url"]).status_code == 200
    assert upload(b, item["id"], "补充.pdf", PDF).status_code == 409
    ok(upload(sec, item["id"], "秘书处补充.png", PNG), 201)
    # A file id of another item is not found through this one.
    other = submit(d, meeting["id"])
    theirs = ok(upload(d, other["id"], "江北.pdf", PDF), 201)
    assert b.get(f"{API}/items/{item['id']}/files/{theirs['id']}").status_code == 404


@pytest.mark.django_db
def test_a_park_removes_its_file_and_a_deferred_copy_keeps_the_shared_one(
    client_for: Client,
    alice: User,
    bob: User,
    members: list[Park],
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    sec, b = client_for(alice), client_for(bob)
    meeting = call_meeting(sec)
    next_meeting = call_meeting(sec, title="第二次联席会议", starts_at=later(30).isoformat())
    item = submit(b, meeting["id"])
    gone = ok(upload(b, item["id"], "删除.pdf", PDF), 201)
    kept = ok(upload(b, item["id"], "保留.pdf", PDF), 201)
    gone_path = Path(ItemFile.objects.get(pk=gone["id"]).file.path)
    with django_capture_on_commit_callbacks(execute=True):
        assert b.delete(gone["url"]).status_code == 204
    assert not gone_path.exists()  # the stored file goes once the removal commits
    ok(triage(sec, item["id"], "defer", to_meeting_id=next_meeting["id"]))
    copy = ok(b.get(f"{API}/meetings/{next_meeting['id']}/items"))[0]
    assert [f["name"] for f in copy["files"]] == ["保留.pdf"]
    kept_path = Path(ItemFile.objects.get(pk=kept["id"]).file.path)
    with django_capture_on_commit_callbacks(execute=True):
        assert b.delete(copy["files"][0]["url"]).status_code == 204
    assert kept_path.exists()  # the deferred original still names it
    assert b.get(kept["url"]).status_code == 200
