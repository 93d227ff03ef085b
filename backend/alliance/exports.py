"""Minutes as DOCX (python-docx) and PDF (reportlab).

The PDF embeds WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) when it is installed, so it
reads the same everywhere; without it, reportlab's built-in CID font STSong-Light, which needs
no font file but relies on the reader's Chinese fonts."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from xml.sax.saxutils import escape

from backend.alliance.models import Minutes

logger = logging.getLogger(__name__)

WQY_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
EMBEDDED_FONT = "WenQuanYiMicroHei"
CID_FONT = "STSong-Light"


def _blocks(minutes: Minutes) -> tuple[str, list[tuple[str, str]]]:
    lines = minutes.body.splitlines()
    title = lines[0] if lines else minutes.meeting.title
    blocks = []
    for line in lines[1:]:
        if line.startswith("## "):
            blocks.append(("heading", line[3:]))
        elif line.strip():
            blocks.append(("text", line))
    return title, blocks


def _footer(minutes: Minutes) -> str:
    state = "已发布" if minutes.status == "published" else "草稿"
    return f"第 {minutes.version} 版 · {state}"


def minutes_docx(minutes: Minutes) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    # East Asian text needs the eastAsia font set explicitly, or Word falls back to Latin.
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    title, blocks = _blocks(minutes)
    document.add_heading(title, level=0)
    for kind, text in blocks:
        if kind == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.add_paragraph(_footer(minutes))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def minutes_pdf(minutes: Minutes) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = _pdf_font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, fontSize=14, leading=22, spaceBefore=8)
    title_style = ParagraphStyle("title", parent=body, fontSize=18, leading=28, alignment=1)
    title, blocks = _blocks(minutes)
    story = [Paragraph(escape(title), title_style), Spacer(1, 12)]
    for kind, text in blocks:
        story.append(Paragraph(escape(text), heading if kind == "heading" else body))
    story += [Spacer(1, 12), Paragraph(escape(_footer(minutes)), body)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=title, author="宁聚 NingJu").build(story)
    return out.getvalue()


def _pdf_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    registered = pdfmetrics.getRegisteredFontNames()
    if EMBEDDED_FONT in registered:
        return EMBEDDED_FONT
    if WQY_FONT_FILE.exists():
        try:
            pdfmetrics.registerFont(TTFont(EMBEDDED_FONT, str(WQY_FONT_FILE), subfontIndex=0))
            return EMBEDDED_FONT
        except Exception:
            # An unreadable font file costs the embedding, not the export.
            logger.warning("could not load %s; minutes PDF uses %s", WQY_FONT_FILE, CID_FONT)
    if CID_FONT not in registered:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT
