"""A JSONField that PostgreSQL bulk inserts receive value by value.

Django 5.2 bulk-inserts into PostgreSQL with `INSERT ... SELECT * FROM UNNEST(%s::jsonb[], ...)`:
each column goes as one array parameter. psycopg sends such an array in text form and quotes
every JSON document in it character by character (a regular expression per quote), which made
2.8 s of a 10 s re-match of 200 projects whose results carry explanations with paths. A field
with its own placeholder opts its model out of UNNEST (see SQLInsertCompiler.assemble_as_sql),
so each document is one plain parameter of a VALUES list.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class BulkJSONField(models.JSONField):
    def get_placeholder(self, value: Any, compiler: Any, connection: Any) -> str:
        return "%s"
