"""How `analyze` grows with the length of one article: CPU and peak memory per stage, one table.

    .venv/bin/python bench/scale_article.py [--sizes 2000,20000,200000,900000] [--texts DIR]

Each size is one article built by joining real news texts (PolNeAR train, read from ../shared, never
copied into the repo) with blank lines, cut at the paragraph before the size. Each size runs in a fresh
process, so peak memory is its own. Per stage: CPU seconds (process time) and the peak resident memory
while the stage ran (sampled every 5 ms; the spaCy model, loaded before the clock starts, is in every
figure). The parse is split into spaCy's components, run as `analyze` runs them (a text over
`text.parse.CHUNK_CHARS` in pieces, one at a time, then joined); "json" is the nonpaper/1 output as `nonpaper analyze
--format json` renders it (`to_json()`, indented, in one string). The last rows are the targets of issues 18
and 19: 900k characters within 5x the CPU of 200k, and peak memory within 1 GB.

`--profile DIR` also writes DIR/stages-<size>.prof: cProfile of the analysis stages (entities to json, not
the parse), to find what grows faster than the text (`python -m pstats DIR/stages-900000.prof`, then
`sort cumulative` and `stats 40`); the profiler slows the stages about threefold, so its run's table is
not the one to quote.

`bench/scale.py` calls `run(sizes)` and prints `table(rows)`.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "datasets" / "polnear" / "train" / "text"
SIZES = (2_000, 20_000, 200_000, 900_000)
PUBLISHED = "2016-10-01"


def article_text(chars: int, texts: Path = DEFAULT_TEXTS) -> str:
    """Real news paragraphs, article after article, up to `chars` characters (cut at a blank line)."""
    parts: list[str] = []
    size = 0
    for path in sorted(texts.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            para = para.strip()
            if not para:
                continue
            if size + len(para) + 2 > chars:
                return "\n\n".join(parts)
            parts.append(para)
            size += len(para) + 2
    if size < chars * 0.9:
        sys.exit(f"scale_article: only {size:,} characters of text in {texts}; need {chars:,}")
    return "\n\n".join(parts)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Sampler:
    """The peak resident memory since the last `reset`, sampled in a thread."""

    def __init__(self, every: float = 0.005) -> None:
        self.peak = _rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.peak = max(self.peak, _rss_mb())

    def reset(self) -> None:
        self.peak = _rss_mb()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def measure(chars: int, texts: Path = DEFAULT_TEXTS, profile: Path | None = None) -> dict:
    """One size in this process: {stage: (cpu s, peak MB)} and the totals; with `profile`, cProfile of the
    analysis stages written to profile/stages-<chars>.prof."""
    from nonpaper import actors, claims, disputes, events, quotes
    from nonpaper import time as timex
    from nonpaper.ingest import article_from_string
    from nonpaper.model import Analysis
    from nonpaper.text import parse as nlp
    from spacy.tokens import Doc

    text = article_text(chars, texts)
    article = article_from_string(text, published=PUBLISHED, id="scale")
    text = article.text
    model = nlp.load()
    loaded = _rss_mb()  # the model (and whatever importing spaCy imports: torch, when installed, ~600 MB)
    sampler = Sampler()
    stages: dict[str, tuple[float, float]] = {}
    start_wall = time.perf_counter()

    @contextmanager
    def stage(name: str, add: bool = False):
        sampler.reset()
        cpu = time.process_time()
        yield
        was = stages.get(name, (0.0, 0.0)) if add else (0.0, 0.0)
        stages[name] = (was[0] + time.process_time() - cpu, max(was[1], sampler.peak, _rss_mb()))

    # the parse as `text.parse.parse_text` does it (a long text in pieces, one at a time), each component
    # timed over all the pieces; its peak is the largest over the pieces
    ends = nlp.chunk_ends(text, nlp.CHUNK_CHARS) if len(text) > nlp.CHUNK_CHARS else [len(text)]
    pieces = []
    for start, end in zip([0] + ends, ends):
        with stage("tokenizer", add=True):
            doc = model.make_doc(text[start:end])
        for name, proc in model.pipeline:
            with stage(name, add=True):
                doc = proc(doc)
        pieces.append(doc)
    with stage("join pieces"):
        doc = pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)
        del pieces
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    with stage("entities"):
        parsed = nlp.Parsed(article, doc)
    assert doc.text == article.text
    with stage("actors"):
        registry = actors.find_actors(parsed)
    with stage("quotes"):
        found_quotes = quotes.extract_quotes(parsed, registry)
    with stage("time"):
        timexes = timex.extract_timexes(parsed, found_quotes)
    with stage("events"):
        found_events, relations = events.extract_events(parsed, registry, found_quotes, timexes)
    analysis = Analysis(article=article, actors=registry.actors(), quotes=found_quotes, timexes=timexes,
                        events=found_events, relations=relations)
    with stage("claims"):
        analysis.claims = claims.extract_claims(parsed, analysis)
    with stage("disputes"):
        analysis.disputes = disputes.find_disputes(analysis)
    with stage("title time"):
        analysis.timexes += timex.extract_title_timexes(parsed, len(timexes) + 1)
    with stage("json"):
        out = analysis.to_json() + "\n"  # as `nonpaper analyze --format json` renders it (cli/common.py)
    if profiler is not None:
        profiler.disable()
        profile.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(str(profile / f"stages-{chars}.prof"))
    sampler.stop()
    return {"chars": len(text), "tokens": len(doc), "quotes": len(found_quotes), "claims": len(analysis.claims),
            "json_mb": len(out) / 2**20, "loaded_mb": loaded, "wall": time.perf_counter() - start_wall, "stages": stages}


def run(sizes=SIZES, texts: Path = DEFAULT_TEXTS, profile: Path | None = None) -> list[dict]:
    """Each size in a fresh process (so its peak memory is its own)."""
    rows = []
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    extra = ["--profile", str(profile)] if profile is not None else []
    for chars in sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(chars), "--texts", str(texts), *extra], env=env,
                              capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"scale_article: {chars:,} characters failed:\n{done.stderr[-2000:]}")
        rows.append(json.loads(done.stdout.splitlines()[-1]))
    return rows


def table(rows: list[dict]) -> str:
    names = list(rows[0]["stages"])
    head = ["stage"] + [f"{r['chars'] // 1000:,}k cpu s" for r in rows] + [f"{r['chars'] // 1000:,}k peak MB" for r in rows]
    lines = [head]
    for name in names:
        lines.append([name] + [f"{r['stages'][name][0]:.2f}" for r in rows]
                     + [f"{r['stages'][name][1]:.0f}" for r in rows])
    lines.append(["total"] + [f"{sum(c for c, _ in r['stages'].values()):.2f}" for r in rows]
                 + [f"{max(m for _, m in r['stages'].values()):.0f}" for r in rows])
    lines.append(["model loaded"] + [""] * len(rows) + [f"{r['loaded_mb']:.0f}" for r in rows])
    lines.append(["tokens"] + [f"{r['tokens']:,}" for r in rows] + [""] * len(rows))
    lines.append(["quotes / claims"] + [f"{r['quotes']} / {r['claims']}" for r in rows] + [""] * len(rows))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = "\n".join("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(line, widths)))
                     for line in lines)
    return text + "\n" + _targets(rows)


def _targets(rows: list[dict]) -> str:
    total = {r["chars"] // 1000: sum(c for c, _ in r["stages"].values()) for r in rows}
    peak = max(max(m for _, m in r["stages"].values()) for r in rows)
    out = [f"peak memory {peak:.0f} MB (target <= 1024 MB)"]
    small = [k for k in total if 150 <= k <= 250]
    big = [k for k in total if k >= 800]
    if small and big:
        ratio = total[big[-1]] / total[small[0]]
        out.append(f"CPU {big[-1]}k / {small[0]}k = {ratio:.1f}x for {big[-1] / small[0]:.1f}x the text (target <= 5x)")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="characters, comma-separated")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="a folder of .txt news articles")
    ap.add_argument("--profile", type=Path, metavar="DIR", help="also write cProfile of the stages, per size, into DIR")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process, as JSON
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.texts, args.profile)))
        return
    print(table(run([int(s) for s in args.sizes.split(",")], args.texts, args.profile)))


if __name__ == "__main__":
    main()
