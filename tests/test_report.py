"""Reports: order, escaping of hostile text, self-contained HTML, Markdown, PNGs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.models import ArticleInfo
from extract.reconcile import INTERVAL_RULE, Reconciliation, reconcile
from extract.report import write_reports
from extract.report.html import render_html, safe_url
from extract.report.markdown import md_escape, render_markdown

try:  # tests as a package, or as a folder on sys.path
    from tests.test_reconcile import AFP, FARS, TASNIM, claim, seed_claims
except ImportError:  # pragma: no cover
    from test_reconcile import AFP, FARS, TASNIM, claim, seed_claims

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (
    'He said "<script>alert(1)</script></textarea><img src=x onerror=alert(2)>" '
    "& the bloc won 33 seats ' \" --> <!--"
)


def hostile_reconciliation() -> Reconciliation:
    claims = [
        claim(33, sources=[("<b>Fars</b>", None)], sentence=HOSTILE, article="x<y>.txt",
              subject="<i>bloc</i>"),
        claim(35, sources=[TASNIM], sentence="Tasnim: 35 <script>x</script>",
              article="x<y>.txt", subject="<i>bloc</i>", start=99),
    ]  # fmt: skip
    arts = [
        ArticleInfo(article="x<y>.txt", url="javascript:alert(1)", title="<script>t"),
    ]
    return reconcile(claims, arts)


def test_html_escapes_hostile_text():
    page = render_html(hostile_reconciliation())
    # the only script element is ours, at the end
    assert page.count("<script>") == 1
    assert page.index("<script>") > page.index("How figures are compared")
    assert "<textarea" not in page.lower().replace("&lt;/textarea", "")
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Fars&lt;/b&gt;" in page
    assert "javascript:" not in page
    assert "&lt;!--" in page and "<!--" not in page


def test_html_links_only_http_urls():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " data:text/html,x", "file:///etc/passwd", None):
        assert safe_url(bad) is None
    rec = reconcile(
        [claim(33, article="a")],
        [ArticleInfo(article="a", url='https://e.org/"onmouseover="x')],
    )
    page = render_html(rec)
    assert 'href="https://e.org/&quot;onmouseover=&quot;x"' in page


def test_html_is_self_contained():
    page = render_html(reconcile(*seed_claims()))
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//""", page.replace('href="https://', "")
    )
    assert "<link" not in page and "@import" not in page
    assert 'name="viewport"' in page
    assert "<table" not in page  # no wide tables on a phone
    assert "Content-Security-Policy" in page
    # the interval rule is shown
    assert INTERVAL_RULE.split(".")[0].replace('"', "&quot;") in page


def test_html_order_conflicts_first_and_highlight():
    claims = [
        claim(10, subject="solo", sources=[FARS]),
        claim(33, subject="clash", sources=[FARS], sentence="Fars says 33 seats."),
        claim(35, subject="clash", sources=[TASNIM], start=9),
        claim(30, subject="loose", sources=[FARS], qualifier="at_least"),
        claim(31, subject="loose", sources=[AFP]),
        claim(20, subject="twice", sources=[FARS]),
        claim(20, subject="twice", sources=[AFP], start=7),
    ]
    page = render_html(reconcile(claims))
    order = re.findall(r'data-verdict="(\w+)"', page)
    assert order == ["conflict", "compatible", "agree", "single_source"]
    assert "Fars says <mark>33</mark> seats." in page


def test_filters_cover_kinds_verdicts_and_sources():
    page = render_html(reconcile(*seed_claims()))
    for select in ("f-verdict", "f-kind", "f-source"):
        assert f'id="{select}"' in page
    assert '<option value="fars">Fars news agency</option>' in page
    assert '<option value="votes">votes</option>' in page
    assert 'data-sources="afp fars' in page
    assert "hidden" in page  # filters hidden until the script runs


def test_markdown_report():
    rec = reconcile(*seed_claims())
    md = render_markdown(rec)
    assert md.index("## Conflict") < md.index("## Single source")
    assert "**33**" in md  # the figure in bold inside its sentence
    assert "Fars news agency via Agence France-Presse (AFP)" in md
    hostile = render_markdown(hostile_reconciliation())
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile
    assert "javascript:" not in hostile
    assert md_escape("a *b* [c](d) <e>") == r"a \*b\* \[c\](d) &lt;e&gt;"


def test_write_reports(tmp_path):
    rec = reconcile(*seed_claims())
    paths = write_reports(rec, tmp_path / "out")
    assert sorted(p.name for p in paths) == [
        "groups.json", "groups.schema.json", "report.html", "report.md",
    ]  # fmt: skip
    data = json.loads((tmp_path / "out" / "groups.json").read_text())
    assert Reconciliation.model_validate(data) == rec
    schema = json.loads((tmp_path / "out" / "groups.schema.json").read_text())
    assert schema["title"] == "Reconciliation"
    assert not list((tmp_path / "out").glob(".*.tmp"))  # no leftovers
    only = write_reports(rec, tmp_path / "md", formats=["md"])
    assert [p.name for p in only] == ["report.md"]


CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (/usr/bin/chromium)"
)
def test_screenshot_script(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshot_report.py"),
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for name in ("report-phone.png", "report-desktop.png"):
        data = (tmp_path / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert width == (414 if "phone" in name else 1280)
