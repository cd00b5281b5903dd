"""What a person reads: the terminal brief (rich) and the same as a Markdown document.

Both are views of an `Analysis` (or a `Corpus`); they compute nothing the JSON does not hold.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..events.status import HAPPENED
from ..model import Analysis, Corpus, Dispute


def _cue(q) -> str:
    where = {"title": ", in the headline", "subtitle": ", in the subtitle"}.get(q.field, "")
    return f"{q.cue or 'no cue'}, {q.kind}{where}"


def _speaker_name(analysis: Analysis, actor_id: str | None) -> str:
    actor = analysis.actor(actor_id)
    return actor.name if actor else "(unattributed)"


def _quotes_by_speaker(analysis: Analysis) -> list[tuple[str, list]]:
    groups: dict[str, list] = defaultdict(list)
    for q in analysis.quotes:
        groups[_speaker_name(analysis, q.speaker)].append(q)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _event_label(analysis: Analysis, event_id: str) -> str:
    e = next((e for e in analysis.events if e.id == event_id), None)
    return e.text if e else event_id


def _timeline(analysis: Analysis) -> list[tuple[str, str, str]]:
    """(date, event, who says so) rows: dated events by date, then relations."""
    rows = []
    for e in sorted(analysis.events, key=lambda e: (e.date is None, e.date or "", e.start)):
        status = f" [{e.status.replace('_', ' ')}]" if e.status and e.status != HAPPENED else ""
        if e.date:
            who = _speaker_name(analysis, e.date_asserted_by) if e.date_asserted_by else "narrator"
            rows.append((e.date, e.text + status, who))
        elif e.date_precision == "disputed":
            rows.append(("disputed", e.text + status, "sources disagree"))
    for r in analysis.relations:
        if r.evidence.startswith("by date:"):
            continue  # an ordering the dated rows above already show
        who = _speaker_name(analysis, r.asserted_by) if r.asserted_by else "narrator"
        offset = f" ({r.offset})" if r.offset else ""
        rows.append(("", f"{_event_label(analysis, r.source)} {r.relation}{offset} {_event_label(analysis, r.target)}", who))
    return rows


def _dispute_lines(d: Dispute, name_of, relays: bool = False) -> list[str]:
    """One line a side: who says it, whom they cite, and (across articles) the outlets that carry it:
    "Financial Times, citing people familiar with the matter; relayed by Reuters: …"."""
    lines = []
    for c in d.claims:
        who = name_of(c.actor) + (f" (through {name_of(c.via)})" if c.via else "") \
            + (f", citing {c.origin_text}" if c.origin_text else "")
        if relays and c.relays:
            who += "; relayed by " + ", ".join(c.relays)
        lines.append(f"{who}: {c.text}")
    return lines


def brief(obj: Analysis | Corpus, console=None) -> None:
    """Print the brief to a rich console (stdout by default)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    analyses = obj.articles if isinstance(obj, Corpus) else [obj]
    for analysis in analyses:
        art = analysis.article
        console.rule(Text(art.title or "(untitled)", style="bold"))
        facts = [x for x in (art.outlet, art.published, f"by {art.author}" if art.author else None) if x]
        if facts:
            console.print(" · ".join(facts), style="dim")
        if art.subtitle:
            console.print(art.subtitle, style="italic")
        if analysis.actors:
            cast = Table(title="Cast", title_justify="left", show_edge=False, pad_edge=False)
            cast.add_column("actor", style="bold")
            cast.add_column("kind")
            cast.add_column("titles / aliases")
            for a in analysis.actors:
                cast.add_row(a.name, a.kind, _also_called(a))
            console.print(cast)
        if analysis.quotes:
            console.print(Text("Quotes", style="bold underline"))
            for name, quotes in _quotes_by_speaker(analysis):
                console.print(Text(f"{name} ({len(quotes)})", style="bold cyan"))
                for q in quotes:
                    console.print(Text("  • ", style="dim") + Text(q.text) + Text(f"  ({_cue(q)})", style="dim"))
        rows = _timeline(analysis)
        if rows:
            table = Table(title="Timeline", title_justify="left", show_edge=False, pad_edge=False)
            for col in ("date", "event", "according to"):
                table.add_column(col)
            for row in rows:
                table.add_row(*row)
            console.print(table)
        if analysis.disputes:
            _print_disputes(console, analysis.disputes, lambda a: _speaker_name(analysis, a))
        for w in analysis.warnings:
            console.print(f"warning: {w}", style="yellow")
        if not (analysis.quotes or analysis.events or analysis.disputes):
            console.print("No quotes, events or disputes found.", style="dim")
    if isinstance(obj, Corpus) and obj.disputes:
        names = {a.id: a.name for a in obj.actors}
        console.rule(Text("Across articles", style="bold"))
        _print_disputes(console, obj.disputes, lambda a: names.get(a, a or "narrator"), relays=True)


def _print_disputes(console, disputes: list[Dispute], name_of, relays: bool = False) -> None:
    from rich.text import Text

    console.print(Text("Disputed", style="bold red underline"))
    for d in disputes:
        console.print(Text(f"[{d.kind}] ", style="red") + Text(d.summary))
        for line in _dispute_lines(d, name_of, relays):
            console.print(f"   • {line}")


def markdown(obj: Analysis | Corpus) -> str:
    """The brief as a Markdown document."""
    out: list[str] = []
    analyses = obj.articles if isinstance(obj, Corpus) else [obj]
    for analysis in analyses:
        art = analysis.article
        out.append(f"# {_md(art.title or '(untitled)')}\n")
        if art.subtitle:
            out.append(f"*{_md(art.subtitle)}*\n")
        facts = [x for x in (art.outlet, art.published, f"by {art.author}" if art.author else None) if x]
        if facts:
            out.append(" · ".join(_md(f) for f in facts) + "\n")
        if analysis.actors:
            out.append("## Cast\n\n| actor | kind | titles / aliases |\n|---|---|---|")
            for a in analysis.actors:
                out.append(f"| {_md(a.name)} | {a.kind} | {_md(_also_called(a))} |")
            out.append("")
        if analysis.quotes:
            out.append("## Quotes\n")
            for name, quotes in _quotes_by_speaker(analysis):
                out.append(f"### {_md(name)}\n")
                for q in quotes:
                    out.append(f"- {_md(q.text)} *({_md(_cue(q))})*")
                out.append("")
        rows = _timeline(analysis)
        if rows:
            out.append("## Timeline\n\n| date | event | according to |\n|---|---|---|")
            out.extend(f"| {d} | {_md(e)} | {_md(w)} |" for d, e, w in rows)
            out.append("")
        if analysis.disputes:
            out.extend(_md_disputes(analysis.disputes, lambda a: _speaker_name(analysis, a)))
    if isinstance(obj, Corpus) and obj.disputes:
        names = {a.id: a.name for a in obj.actors}
        out.append("# Across articles\n")
        out.extend(_md_disputes(obj.disputes, lambda a: names.get(a, a or "narrator"), relays=True))
    return "\n".join(out).rstrip() + "\n"


def _md_disputes(disputes: list[Dispute], name_of, relays: bool = False) -> list[str]:
    out = ["## Disputed\n"]
    for d in disputes:
        out.append(f"- **{d.kind}**: {_md(d.summary)}")
        out.extend(f"  - {_md(line)}" for line in _dispute_lines(d, name_of, relays))
    out.append("")
    return out


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


_LEADING_DET = re.compile(r"^(the|its|his|her|their|a|an) ")


def _also_called(actor) -> str:
    """Titles, then the other names a reader would not guess: not the name itself, not a title joined
    to the name ("Union secretary Tomas Feld"), not a surname alone, and each title once."""
    seen: set[str] = set()
    out = []
    name = actor.name.lower()
    surname = name.split()[-1] if name.split() else ""
    seen.add(_LEADING_DET.sub("", name))
    for t in list(actor.titles) + list(actor.aliases):
        low = " ".join(t.lower().split())
        bare = _LEADING_DET.sub("", low)
        if not low or bare in seen or low == surname or low.endswith(" " + name):
            continue
        seen.add(bare)
        out.append(t)
    return ", ".join(out[:5])
