"""kill -9 in the middle of a large ingest, then a re-run: every article stored exactly once.

    .venv/bin/python bench/kill9.py [--after SECONDS] [--workers N]

Takes the 1,044 real articles at hand (PolNeAR train and dev texts, and the MEANTIME texts written by
../shared/eval/meantime_to_gold.py into a temp folder), starts `nonpaper ingest` on them, SIGKILLs
its whole process group after --after seconds, runs the same command again to the end, then checks
the SQLite store: integrity, one row per input text, no duplicate content hash, no article lost.
Prints one table. A script, not a test (tests/test_corpus.py does the same on a small scale).
"""
from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NONPAPER_SHARED", ROOT.parent / "shared"))
NONPAPER = [sys.executable, "-m", "nonpaper"]


def gather(folder: Path) -> int:
    """Link every available real article into `folder`; returns how many distinct texts."""
    n = 0
    for split in ("train", "dev"):
        for src in sorted((SHARED / "datasets" / "polnear" / split / "text").glob("*.txt")):
            (folder / f"polnear-{split}-{src.name}").symlink_to(src)
            n += 1
    mt = folder.parent / "meantime"
    subprocess.run([sys.executable, str(SHARED / "eval" / "meantime_to_gold.py"),
                    str(SHARED / "datasets" / "meantime_english" / "intra-doc_annotation"), str(mt)],
                   check=True, capture_output=True)
    for src in sorted(mt.glob("*.txt")):
        (folder / f"meantime-{src.name}").symlink_to(src)
        n += 1
    return n


def distinct_texts(folder: Path) -> int:
    from nonpaper.ingest.layout import content_hash
    return len({content_hash(p.read_text(encoding="utf-8", errors="replace")) for p in folder.iterdir()})


def ingest(folder: Path, db: Path, workers: int) -> subprocess.Popen:
    return subprocess.Popen(NONPAPER + ["ingest", str(folder), "--db", str(db), "--workers", str(workers),
                                        "--no-progress"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def count(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        return {
            "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": con.execute("SELECT COUNT(*) FROM articles WHERE status = 'ok'").fetchone()[0],
            "failed": con.execute("SELECT COUNT(*) FROM articles WHERE status != 'ok'").fetchone()[0],
            "duplicate_hashes": con.execute("SELECT COUNT(*) FROM (SELECT content_hash FROM articles "
                                            "GROUP BY content_hash HAVING COUNT(*) > 1)").fetchone()[0],
        }
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--after", type=float, default=45.0, help="seconds before the kill -9")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        files = gather(folder)
        texts = distinct_texts(folder)
        db = Path(tmp) / "corpus.db"
        started = time.monotonic()
        first = ingest(folder, db, args.workers)
        time.sleep(args.after)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        killed_at = count(db)
        second = ingest(folder, db, args.workers)
        out, err = second.communicate()
        final = count(db)
        rows = [("input files", files), ("distinct texts", texts),
                ("stored when killed (kill -9 after %.0f s)" % args.after, killed_at["articles"]),
                ("integrity after the kill", killed_at["integrity"]),
                ("re-run summary", next((ln for ln in (out + err).splitlines() if " ingested, " in ln), "?")),
                ("re-run exit code", second.returncode),
                ("stored at the end", final["articles"]), ("failed at the end", final["failed"]),
                ("duplicate content hashes", final["duplicate_hashes"]),
                ("integrity at the end", final["integrity"]),
                ("every distinct text stored exactly once", final["articles"] + final["failed"] == texts
                 and final["duplicate_hashes"] == 0),
                ("wall time, both runs", f"{time.monotonic() - started:.0f} s")]
        width = max(len(k) for k, _ in rows)
        print(f"kill -9 mid-ingest, then a re-run ({args.workers} workers)\n")
        for key, value in rows:
            print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
