"""`report.md`: the same report as Markdown (lists, no wide tables).

Article text is escaped so that it cannot open HTML tags, links or emphasis; the figure
is shown in bold inside the quoted sentence when it could be located.
"""

from __future__ import annotations

import re

from extract.reconcile import (
    VERDICT_ORDER,
    Group,
    Member,
    Reconciliation,
    format_interval,
    format_value,
)
from extract.report.html import VERDICT_LABELS, safe_url

WARN = " \u26a0"
# Inline text never starts a line (list items, quotes), so only inline syntax matters.
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md_escape(text: object) -> str:
    """Escape Markdown punctuation and HTML so article text renders as plain text."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return " ".join(text.split())  # no line breaks inside a list item


def _sentence(m: Member) -> str:
    s = m.claim.sentence
    if m.highlight is None:
        return md_escape(s)
    a, b = m.highlight
    return f"{md_escape(s[:a])} **{md_escape(s[a:b])}** {md_escape(s[b:])}".strip()


def _member(m: Member, urls: dict[str, str | None]) -> str:
    c = m.claim
    src = md_escape(m.originator.name)
    if m.relays:
        src += " via " + ", ".join(md_escape(r) for r in m.relays)
    role = {"counted": "", "superseded": " (superseded)", "set_aside": " (set aside)"}
    article = f"`{c.article.replace('`', '')}`"
    url = urls.get(c.article)
    if url:
        article = f"[{md_escape(c.article)}](<{url.replace('>', '%3E')}>)"
    date = f", {md_escape(m.article_date)}" if m.article_date else ""
    lines = [
        f"- **{md_escape(format_value(c))}**{role[m.role]}"
        f"{WARN if m.in_conflict else ''} \u2014 {src}; "
        f"range {md_escape(format_interval(m.interval))}, {c.qualifier}, "
        f"status {c.status}; {article}{date}",
    ]
    if m.note:
        lines.append(f"  - {md_escape(m.note)}")
    lines.append(f"  > {_sentence(m)}")
    return "\n".join(lines)


def _group(g: Group, urls: dict[str, str | None]) -> str:
    head = (
        f"### {VERDICT_LABELS[g.verdict]}: {md_escape(g.label)} \u2014 "
        f"{g.key.kind.replace('_', ' ')}"
        + (f" ({g.key.unit})" if g.key.unit != g.key.kind else "")
    )
    return "\n".join(
        [
            head,
            "",
            f"*{md_escape(g.key.contest.label())}* \u00b7 `{g.id.replace('`', '')}`",
            "",
            md_escape(g.reason),
            "",
            *(_member(m, urls) for m in g.members),
            "",
        ]
    )


def render_markdown(rec: Reconciliation) -> str:
    """The whole report as Markdown."""
    urls = {a.article: safe_url(a.url) for a in rec.articles}
    counts = rec.counts()
    out = [
        "# Election figures: reconciliation",
        "",
        f"{sum(len(g.members) for g in rec.groups)} claims in "
        f"{len(rec.groups)} groups: "
        + ", ".join(
            f"{counts[v]} {VERDICT_LABELS[v].lower()}"
            for v in VERDICT_ORDER
            if counts[v]
        )
        + f". {len(rec.findings)} findings, {len(rec.problems)} input problems.",
        "",
    ]
    for verdict in VERDICT_ORDER:
        groups = [g for g in rec.groups if g.verdict == verdict]
        if groups:
            out += [f"## {VERDICT_LABELS[verdict]} ({len(groups)})", ""]
            out += [_group(g, urls) for g in groups]
    out += ["## Findings", ""]
    out += [
        f"- **{f.check}** in `{f.article.replace('`', '')}`: {md_escape(f.message)}"
        for f in rec.findings
    ] or ["None."]
    out += ["", "## Input problems", ""]
    out += [f"- {md_escape(p)}" for p in rec.problems] or ["None."]
    out += [
        "",
        "## How figures are compared",
        "",
        f"**Ranges** (strategy `{rec.rules.strategy}`): "
        + md_escape(rec.rules.interval),
        "",
        f"**Grouping**: {md_escape(rec.rules.grouping)}",
        "",
        *(
            f"- **{v}**: {md_escape(rec.rules.verdicts.get(v, ''))}"
            for v in VERDICT_ORDER
        ),
        "",
        *(f"- **{k}**: {md_escape(t)}" for k, t in rec.rules.checks.items()),
        "",
    ]
    return "\n".join(out)
