"""`report.html`: one self-contained page (inline CSS and JS, no network, no tables).

Conflicts come first, then compatible and superseded groups, then agreement and single
sources; then findings, unreadable input, and the rules used. Every piece of article
text is HTML-escaped; article URLs become links only when they are http(s). The filters
(verdict, kind, source) are a few lines of inline JS toggling `hidden`, so they work on
a page opened from disk; without JS every group is shown and the filters stay hidden.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

from extract.models import ArticleInfo
from extract.reconcile import (
    VERDICT_ORDER,
    Finding,
    Group,
    Member,
    Reconciliation,
    format_interval,
    format_value,
    normalise_name,
)

VERDICT_LABELS = {
    "conflict": "Conflict",
    "compatible": "Compatible",
    "superseded": "Superseded",
    "agree": "Agree",
    "single_source": "Single source",
    "set_aside": "Set aside",
}
QUALIFIER_WORDS = {
    "exact": "exact",
    "approx": "approximately",
    "at_least": "at least / more than",
    "at_most": "at most / less than",
}

CSS = """
:root{--fg:#1b1d21;--muted:#5b616b;--bg:#f6f7f9;--card:#fff;--line:#dde1e6;
--conflict:#b3261e;--compatible:#8a5a00;--superseded:#5b4bb7;--agree:#1e7a3c;
--single_source:#4a5566;--set_aside:#6b6f76;--mark:#ffe08a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
.wrap{max-width:56rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0 .4rem}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem}
h3{font-size:1.05rem;margin:0;line-height:1.3}
.summary{color:var(--muted);margin:.2rem 0}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:.6rem 0;list-style:none}
.counts li{background:var(--card);border:1px solid var(--line);border-radius:99px;
padding:.1rem .7rem;font-size:.9rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;
background:var(--card);
border:1px solid var(--line);border-radius:.6rem;padding:.6rem .8rem;margin:.8rem 0;
position:sticky;top:0;z-index:1}
.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);
flex:1 1 8rem;min-width:0}
.filters select{font:inherit;font-size:1rem;padding:.3rem;max-width:100%;
border:1px solid var(--line);border-radius:.4rem;background:#fff;color:var(--fg)}
.shown{font-size:.85rem;color:var(--muted);flex:1 1 100%}
.group{background:var(--card);border:1px solid var(--line);border-left:6px solid
var(--single_source);border-radius:.6rem;padding:.8rem .9rem;margin:0 0 .9rem}
.group.conflict{border-left-color:var(--conflict)}
.group.compatible{border-left-color:var(--compatible)}
.group.superseded{border-left-color:var(--superseded)}
.group.agree{border-left-color:var(--agree)}
.group.set_aside{border-left-color:var(--set_aside)}
.badge{display:inline-block;font-size:.75rem;font-weight:700;letter-spacing:.03em;
text-transform:uppercase;color:#fff;background:var(--single_source);border-radius:.3rem;
padding:.05rem .45rem;vertical-align:middle}
.badge.conflict{background:var(--conflict)}.badge.compatible{background:var(--compatible)}
.badge.superseded{background:var(--superseded)}.badge.agree{background:var(--agree)}
.badge.set_aside{background:var(--set_aside)}
.contest{color:var(--muted);font-size:.85rem;margin:.2rem 0}
.reason{margin:.5rem 0 .7rem}
.members{list-style:none;margin:0;padding:0;display:grid;gap:.6rem;
grid-template-columns:repeat(auto-fit,minmax(15rem,1fr))}
.member{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .7rem;
background:#fbfbfc;min-width:0}
.member.in-conflict{border-color:var(--conflict);
box-shadow:inset 3px 0 0 var(--conflict)}
.member.superseded,.member.set_aside{opacity:.85;background:#f3f3f5}
.value{font-size:1.6rem;font-weight:700;line-height:1.1}
.value small{font-size:.9rem;font-weight:400;color:var(--muted)}
.role{font-size:.75rem;font-weight:600;color:var(--muted);text-transform:uppercase}
.facts{margin:.4rem 0;font-size:.88rem}
.facts div{display:flex;gap:.4rem}
.facts dt{color:var(--muted);flex:0 0 4.6rem}
.facts dd{margin:0;min-width:0}
.note{font-size:.85rem;color:var(--superseded);margin:.2rem 0}
blockquote{margin:.4rem 0 0;padding:.3rem .6rem;border-left:3px solid var(--line);
font-size:.9rem;color:#2d3138;background:#fff}
mark{background:var(--mark);padding:0 .1em;border-radius:.2em;font-weight:700}
.finding{background:var(--card);border:1px solid var(--line);border-radius:.6rem;
padding:.6rem .8rem;margin:0 0 .6rem}
.rules dt{font-weight:600;margin-top:.5rem}.rules dd{margin:0 0 .3rem}
code{font-size:.9em}
a{color:#0b57d0}
@media (max-width:30rem){.wrap{padding:.6rem}.value{font-size:1.4rem}
.members{grid-template-columns:1fr}}
"""

JS = """
(function(){
  var nav=document.getElementById('filters');
  if(!nav){return;}
  nav.hidden=false;
  var sel={verdict:document.getElementById('f-verdict'),
           kind:document.getElementById('f-kind'),
           source:document.getElementById('f-source')};
  var groups=document.querySelectorAll('.group');
  var shown=document.getElementById('shown');
  function apply(){
    var v=sel.verdict.value,k=sel.kind.value,s=sel.source.value,n=0;
    for(var i=0;i<groups.length;i++){
      var g=groups[i];
      var ok=(!v||g.getAttribute('data-verdict')===v)
        &&(!k||g.getAttribute('data-kind')===k)
        &&(!s||(' '+g.getAttribute('data-sources')+' ').indexOf(' '+s+' ')>=0);
      g.hidden=!ok; if(ok){n++;}
    }
    shown.textContent=n+' of '+groups.length+' groups shown';
  }
  for(var key in sel){sel[key].addEventListener('change',apply);}
  apply();
})();
"""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def source_slug(name_or_id: str) -> str:
    """A filter value for a source: lower-case letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", name_or_id.lower()).strip("-") or "unattributed"


def _member_sources(m: Member) -> list[tuple[str, str]]:
    """(slug, name) for the originator and each relay."""
    out = []
    if m.claim.sources:
        for s in m.claim.sources:
            out.append((source_slug(s.id or normalise_name(s.name)), s.name))
    else:
        out.append(("unattributed", "unattributed"))
    return out


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no javascript:, data:, file: links)."""
    if url and re.match(r"^\s*https?://", url, re.IGNORECASE):
        return url.strip()
    return None


def highlighted_sentence(m: Member) -> str:
    """The sentence, escaped, with the figure in <mark> when it could be located."""
    sentence = m.claim.sentence
    if m.highlight is None:
        return _e(sentence)
    a, b = m.highlight
    return f"{_e(sentence[:a])}<mark>{_e(sentence[a:b])}</mark>{_e(sentence[b:])}"


def _article_html(m: Member, infos: dict[str, ArticleInfo]) -> str:
    info = infos.get(m.claim.article)
    label = _e(m.claim.article)
    url = safe_url(info.url if info else None)
    if url:
        label = f'<a href="{_e(url)}" rel="noopener noreferrer">{label}</a>'
    if info and info.title:
        label += f" \u2014 <i>{_e(info.title)}</i>"
    if m.article_date:
        label += f" ({_e(m.article_date)})"
    return label


def _member_html(m: Member, infos: dict[str, ArticleInfo]) -> str:
    c = m.claim
    classes = ["member", m.role] + (["in-conflict"] if m.in_conflict else [])
    value = format_value(c)
    total = ""
    if " of " in value:
        value, total = value.split(" of ", 1)
        total = f" <small>of {_e(total)}</small>"
    role = {"counted": "", "superseded": "superseded", "set_aside": "set aside"}[m.role]
    relays = ", ".join(_e(r) for r in m.relays)
    source = f"<b>{_e(m.originator.name)}</b>" + (f" via {relays}" if relays else "")
    rows = [
        ("source", source),
        ("range", _e(format_interval(m.interval))),
        ("qualifier", _e(QUALIFIER_WORDS[c.qualifier])),
        ("status", _e(c.status)),
        ("round", _e(c.round) if c.round else "unknown"),
        ("subject", _e(c.subject or "\u2014")),
        ("article", _article_html(m, infos)),
    ]
    facts = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in rows)
    note = f'<p class="note">{_e(m.note)}</p>' if m.note else ""
    return (
        f'<li class="{" ".join(classes)}">'
        f'<div class="value">{_e(value)}{total}</div>'
        + (f'<div class="role">{role}</div>' if role else "")
        + f'<dl class="facts">{facts}</dl>{note}'
        f"<blockquote>{highlighted_sentence(m)}</blockquote></li>"
    )


def _group_html(g: Group, infos: dict[str, ArticleInfo]) -> str:
    slugs = sorted({slug for m in g.members for slug, _ in _member_sources(m)})
    key = g.key
    title = f"{g.label} \u2014 {key.kind.replace('_', ' ')}"
    if key.unit not in (key.kind, "seats") or key.kind == "turnout":
        title += f" ({key.unit})"
    members = "".join(_member_html(m, infos) for m in g.members)
    return (
        f'<article class="group {g.verdict}" id="{_e(g.id)}" '
        f'data-verdict="{g.verdict}" data-kind="{_e(key.kind)}" '
        f'data-sources="{_e(" ".join(slugs))}">'
        f'<span class="badge {g.verdict}">{VERDICT_LABELS[g.verdict]}</span> '
        f"<h3>{_e(title)}</h3>"
        f'<p class="contest">{_e(key.contest.label())} \u00b7 '
        f"{len(g.members)} figure{'s' if len(g.members) != 1 else ''}, "
        f"{g.originators} source{'s' if g.originators != 1 else ''}</p>"
        f'<p class="reason">{_e(g.reason)}</p>'
        f'<ol class="members">{members}</ol></article>'
    )


def _finding_html(f: Finding) -> str:
    sentences = []
    for c in f.claims:
        if c.sentence not in sentences:
            sentences.append(c.sentence)
    quotes = "".join(f"<blockquote>{_e(s)}</blockquote>" for s in sentences)
    return (
        f'<div class="finding"><b>{_e(f.check.replace("_", " "))}</b> in '
        f"<code>{_e(f.article)}</code>: {_e(f.message)}{quotes}</div>"
    )


def _options(name: str, values: list[tuple[str, str]]) -> str:
    opts = '<option value="">all</option>' + "".join(
        f'<option value="{_e(v)}">{_e(label)}</option>' for v, label in values
    )
    return f'<label>{name}<select id="f-{name}">{opts}</select></label>'


def render_html(rec: Reconciliation) -> str:
    """The whole report page."""
    infos = {a.article: a for a in rec.articles}
    counts = rec.counts()
    claims = sum(len(g.members) for g in rec.groups)
    articles = {m.claim.article for g in rec.groups for m in g.members}
    sources: Counter[str] = Counter()
    names: dict[str, str] = {}
    for g in rec.groups:
        for m in g.members:
            for slug, name in _member_sources(m):
                sources[slug] += 1
                names.setdefault(slug, name)
    kinds = sorted({g.key.kind for g in rec.groups})

    count_items = "".join(
        f"<li>{VERDICT_LABELS[v]}: <b>{counts[v]}</b></li>"
        for v in VERDICT_ORDER
        if counts[v]
    )
    filters = (
        '<nav class="filters" id="filters" hidden aria-label="Filters">'
        + _options(
            "verdict", [(v, VERDICT_LABELS[v]) for v in VERDICT_ORDER if counts[v]]
        )
        + _options("kind", [(k, k.replace("_", " ")) for k in kinds])
        + _options(
            "source",
            [(s, names[s]) for s in sorted(sources, key=lambda s: names[s].lower())],
        )
        + '<span class="shown" id="shown"></span></nav>'
    )
    body = "".join(_group_html(g, infos) for g in rec.groups) or "<p>No claims.</p>"
    findings = "".join(_finding_html(f) for f in rec.findings) or "<p>None.</p>"
    problems = (
        "<ul>"
        + "".join(f"<li><code>{_e(p)}</code></li>" for p in rec.problems)
        + "</ul>"
        if rec.problems
        else "<p>None.</p>"
    )
    rules = rec.rules
    verdicts = "".join(
        f"<dt>{VERDICT_LABELS[v]}</dt><dd>{_e(rules.verdicts.get(v, ''))}</dd>"
        for v in VERDICT_ORDER
    )
    checks = "".join(
        f"<dt>{_e(k.replace('_', ' '))}</dt><dd>{_e(v)}</dd>"
        for k, v in rules.checks.items()
    )
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        "<title>Election figures: reconciliation report</title>"
        f'<style>{CSS}</style></head><body><div class="wrap">'
        "<header><h1>Election figures: reconciliation</h1>"
        f'<p class="summary">{_plural(claims, "claim")} from '
        f"{_plural(len(articles), 'article')} in "
        f"{_plural(len(rec.groups), 'group')}; "
        f"{_plural(len(rec.findings), 'finding')}; "
        f"{_plural(len(rec.problems), 'input problem')}.</p>"
        f'<ul class="counts">{count_items}</ul></header>'
        f"{filters}"
        f'<main><h2 id="groups">Groups</h2>{body}'
        f'<h2 id="findings">Findings</h2>{findings}'
        f'<h2 id="problems">Input problems</h2>{problems}'
        '<h2 id="rules">How figures are compared</h2><dl class="rules">'
        f"<dt>Ranges (strategy: {_e(rules.strategy)})</dt><dd>{_e(rules.interval)}</dd>"
        f"<dt>Grouping</dt><dd>{_e(rules.grouping)}</dd>{verdicts}{checks}</dl>"
        f"</main></div><script>{JS}</script></body></html>\n"
    )
