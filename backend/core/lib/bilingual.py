"""Messages that exist in Chinese and English, chosen by the active request language.

Django's gettext catalogues need compiled .mo files; our own user-facing messages are few and
short, so each is written as a pair next to the code that raises it and chosen at render time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def format(self, **values: object) -> Bilingual:
        return Bilingual(zh=self.zh.format(**values), en=self.en.format(**values))

    def resolve(self, language: str | None = None) -> str:
        language = (language or translation.get_language() or "zh-hans").lower()
        return self.en if language.startswith("en") else self.zh

    def __str__(self) -> str:
        return self.resolve()
