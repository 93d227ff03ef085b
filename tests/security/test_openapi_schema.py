"""The OpenAPI schema the fuzzing and the authorisation matrix read is itself clean: valid
OpenAPI, and drf-spectacular has nothing to warn about (unresolved fields, colliding enum
names), so every client generated from it gets stable, distinct types."""

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command


@pytest.mark.django_db
def test_the_schema_generates_without_warnings_and_validates(tmp_path: Path) -> None:
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text(encoding="utf-8"))
    enums = [name for name in schema["components"]["schemas"] if name.endswith("Enum")]
    assert "DockingSideEnum" in enums and "MeetingStatusEnum" in enums
    assert len(enums) == len(set(enums))
