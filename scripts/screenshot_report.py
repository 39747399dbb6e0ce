#!/usr/bin/env python
"""Render the reconciliation report and screenshot it in headless Chromium.

    python scripts/screenshot_report.py [-o OUTDIR] [--groups groups.json]
                                        [--claims claims.jsonl ...]

With no input it builds the report from a small built-in claim set (the 2016 Iranian
runoff as three outlets reported it, plus hostile text to show escaping). Writes
`report.html`, `report-phone.png` (414 px wide) and `report-desktop.png` (1280 px) into
OUTDIR (default `screenshots/`). Exits with status 2 and a message when Chromium is
missing (Debian: `apt-get install chromium`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.models import ArticleInfo, Claim, Source  # noqa: E402
from extract.reconcile import Reconciliation, load_claims, reconcile  # noqa: E402
from extract.report import write_reports  # noqa: E402

WIDTHS = {"phone": (414, 1400), "desktop": (1280, 1100)}
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def _claim(article: str, subject: str, value, sentence: str, **kw) -> Claim:
    sources = [Source(name=n, id=i) for n, i in kw.pop("src", [])]
    at = sentence.find(str(value))
    return Claim(
        article=article,
        kind=kw.pop("kind", "seats"),
        subject=subject,
        value=value,
        unit=kw.pop("unit", "seats"),
        sources=sources,
        sentence=sentence,
        start=max(at, 0),
        end=max(at, 0) + len(str(value)),
        **kw,
    )


def demo_reconciliation() -> Reconciliation:
    """The 2016 runoff as reported by two articles, and a 2024 presidential figure."""
    a, b, c = "iran-2016-runoff-a.txt", "iran-2016-runoff-b.txt", "iran-2024-runoff.txt"
    fars, afp = ("Fars news agency", "fars"), ("Agence France-Presse (AFP)", "afp")
    s_fars = (
        "A report by Iran\u2019s Fars news agency said the coalition formed by Iranian "
        "President Hassan Rouhani won 33 of the total 68 seats contested in the second "
        "round runoff parliamentary elections, while the conservatives won 21 seats, "
        "according to Agence France-Presse (AFP)."
    )
    s_b = (
        "Of the 68 legislative seats being contested on Friday, 33 went to the "
        "pro-Rouhani List of Hope coalition and 21 to conservatives, according to the "
        "Fars news agency."
    )
    s_cond = (
        "The AFP report also noted that if confirmed, this would give reformists 128 "
        "seats in the 290-member parliament, just 18 shy of a majority but more than "
        "the 124 seats grabbed by the rivals."
    )
    claims = [
        _claim(a, "the coalition formed by President Hassan Rouhani", 33, s_fars,
               subject_id="reformists", of_total=68, src=[fars, afp], round=2),
        _claim(a, "the conservatives", 21, s_fars, subject_id="conservatives",
               src=[fars, afp], round=2),
        _claim(a, "Rouhani's allies", 35,
               "A report by conservative Tasnim news agency, also cited by AFP, said "
               "that Rouhani's allies won 35 seats in the second round.",
               subject_id="reformists", src=[("Tasnim news agency", "tasnim"), afp],
               round=2),
        _claim(a, "the moderate-reformist bloc", 30,
               "Although state-run media reported the moderate-reformist bloc won over "
               "30 of 68 seats in the runoff, it needs to win at least 40 seats.",
               subject_id="reformists", qualifier="at_least", of_total=68,
               src=[("state-run media", None)], status="preliminary", round=2),
        _claim(a, "moderate-reformist candidates", 32,
               "Among those, 32 were won by moderate-reformist candidates while the "
               "remaining seats were divided between hard-liners and independents.",
               subject_id="reformists", of_total=60,
               src=[("state TV", "state_tv"), ("Associated Press (AP)", "ap")],
               status="partial", round=2),
        _claim(a, "reformists", 128, s_cond, subject_id="reformists", of_total=290,
               src=[afp], status="conditional"),
        _claim(b, "the pro-Rouhani List of Hope coalition", 33, s_b,
               subject_id="reformists", of_total=68, src=[fars], round=2),
        _claim(b, "conservatives", 21, s_b, subject_id="conservatives", of_total=68,
               src=[fars], round=2),
        _claim(c, "Pezeshkian", 11_000_000,
               "Officials have so far counted more than 11 million ballots for "
               "Pezeshkian and around 9 million for Jalili, electoral authority "
               "spokesman Mohsen Eslami was quoted by the official IRNA news agency.",
               kind="votes", unit="votes", subject_id="pezeshkian",
               qualifier="at_least", status="partial", round=2,
               src=[("electoral authority spokesman Mohsen Eslami", None),
                    ("IRNA", "irna")]),
        _claim("hostile.html", "<script>alert('x')</script> bloc", 120,
               'Voters said "<script>alert(1)</script></textarea>" gave the bloc 120 '
               "of 100 seats & more.",
               of_total=100, src=[("<b>Evil</b> Agency", None)]),
    ]  # fmt: skip
    articles = [
        ArticleInfo(article=a, date="2016-04-30", country="ir", body="parliament",
                    title="Iran runoff elections results moderates",
                    url="https://example.org/iran-runoff"),
        ArticleInfo(article=b, country="ir", body="parliament",
                    url="javascript:alert(1)"),
        ArticleInfo(article=c, date="2024-07-06", country="ir", body="president"),
    ]  # fmt: skip
    return reconcile(claims, articles)


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def screenshot(chromium: str, html: Path, png: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            f"--user-data-dir={profile}", f"--screenshot={png}",
            f"--window-size={width},{height}", html.resolve().as_uri(),
        ]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not png.exists():
        raise RuntimeError(
            f"chromium failed ({result.returncode}): {result.stderr[-500:]}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("-o", "--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--groups", type=Path, help="a groups.json to render")
    parser.add_argument("--claims", type=Path, nargs="+", help="claim JSONL files")
    args = parser.parse_args(argv)

    chromium = find_chromium()
    if chromium is None:
        print(
            "screenshot_report: Chromium not found; install it (Debian: "
            "apt-get install chromium) or put it on PATH",
            file=sys.stderr,
        )
        return 2
    if args.groups:
        rec = Reconciliation.model_validate_json(
            args.groups.read_text(encoding="utf-8")
        )
    elif args.claims:
        claims, infos, problems = load_claims(args.claims)
        rec = reconcile(claims, infos, problems=problems)
    else:
        rec = demo_reconciliation()
    write_reports(rec, args.out, formats=["html"])
    html = args.out / "report.html"
    for label, (width, height) in WIDTHS.items():
        png = args.out / f"report-{label}.png"
        png.unlink(missing_ok=True)
        screenshot(chromium, html, png, width, height)
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
