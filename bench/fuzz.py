"""Fuzz `nonpaper analyze` with random and mutated inputs of each kind: one run, one table.

    .venv/bin/python bench/fuzz.py [--n 400] [--seed 1] [--batch 8]

Inputs are the examples (a text, a page, a feed, a JSONL dump) and short invented articles, mutated
(bytes flipped, inserted, deleted and repeated, truncation, NULs, invalid UTF-8, UTF-16 with and
without BOM and of odd length, lone surrogates and wrongly typed fields in JSON, deep nesting in HTML
and JSON, broken tags), plus purely random bytes and text. They go through `nonpaper analyze` in
batches (several files, sometimes stdin, in one command, in this process so spaCy loads once), and each
run is checked against what the README promises:

  - the exit status is 0, 1 or 2, and 2 only when nothing could be analysed;
  - no traceback, no "internal error";
  - every line on stderr starts with `nonpaper: ` and names one of the inputs;
  - nothing is lost: each input is in the output or named on stderr;
  - the output is the nonpaper/1 contract (valid JSON) whenever the exit status is 0 or 1.

The table gives, per kind, the inputs tried, how many gave a warning or an error line, and the
violations (0 is the target). Any violation is printed with the input saved under --keep.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EXAMPLES = ROOT / "examples"
INVENTED = [
    "Quay reopens after storm\n\nThe harbour master said on Friday that the quay would reopen on Monday.\n\n"
    "\"The repairs are done,\" harbour master Lena Ostrow said.",
    "Council delays vote\n\nBy Mira Tal\n\nOSKBERG, March 3 (Velmar Wire) - The council postponed its vote on the "
    "ferry budget until April, a spokesman said, while the union denied that talks had failed.",
]
EXT = {"text": ".txt", "html": ".html", "feed": ".xml", "jsonl": ".jsonl"}


def seeds() -> dict[str, list[bytes]]:
    page = (EXAMPLES / "page.html").read_bytes()
    return {
        "text": [(EXAMPLES / "harbour-strike.txt").read_bytes()] + [t.encode() for t in INVENTED],
        "html": [page] + [f"<html><head><title>{t.splitlines()[0]}</title></head><body><article><p>"
                          f"{'</p><p>'.join(t.splitlines()[2:])}</p></article></body></html>".encode() for t in INVENTED],
        "feed": [(EXAMPLES / "feed.xml").read_bytes()],
        "jsonl": [(EXAMPLES / "dump.jsonl").read_bytes(),
                  "\n".join(json.dumps({"text": t, "id": f"inv{i}"}) for i, t in enumerate(INVENTED)).encode()],
    }


# ---------------------------------------------------------------- mutations

def _flip(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _insert(data: bytes, rng: random.Random) -> bytes:
    piece = rng.choice([b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"\xc3", b"<", b"</p>", b"&#0;", b"&#xD800;",
                        b'"', b"\\", b"\\ud800", b"\n\n", b"\r", b"\x1b[31m", b"\xe2\x80\xae", b"{", b"]]>",
                        b"<!ENTITY x 'y'>", b"<![CDATA[", bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))])
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece * rng.randint(1, 3) + data[at:]


def _delete(data: bytes, rng: random.Random) -> bytes:
    if len(data) < 2:
        return data
    a = rng.randrange(len(data))
    return data[:a] + data[a + rng.randint(1, min(200, len(data) - a)):]


def _repeat(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    a = rng.randrange(len(data))
    chunk = data[a:a + rng.randint(1, 300)]
    return data[:a] + chunk * rng.randint(2, 50) + data[a:]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def _utf16(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    out = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))
    return out + (b"!" if rng.random() < 0.5 else b"")  # odd length half the time


def _latin1(data: bytes, rng: random.Random) -> bytes:
    return data.decode("utf-8", errors="replace").encode("latin-1", errors="replace")


def _nest(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([100, 300, 1000, 5000])
    tag = rng.choice([b"div", b"span", b"b", b"blockquote", b"li"])
    at = rng.randrange(len(data) + 1)
    return data[:at] + (b"<" + tag + b">") * depth + b"x" + (b"</" + tag + b">") * depth + data[at:]


MUTATIONS = [_flip, _insert, _delete, _repeat, _truncate, _utf16, _latin1, _nest]


def json_value(rng: random.Random, depth: int = 0):
    kinds = ["str", "int", "float", "bool", "null", "list", "dict", "surrogate", "nul", "huge_int"]
    kind = rng.choice(kinds if depth < 3 else kinds[:5])
    return {"str": lambda: rng.choice(INVENTED)[:rng.randint(0, 200)], "int": lambda: rng.randint(-10**6, 10**6),
            "float": lambda: rng.choice([1.5, float("1e308"), -0.0]), "bool": lambda: rng.random() < 0.5,
            "null": lambda: None, "list": lambda: [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))],
            "dict": lambda: {"k": json_value(rng, depth + 1)}, "surrogate": lambda: "\ud800 lone",
            "nul": lambda: "a\x00b", "huge_int": lambda: 10**40}[kind]()


def jsonl_line(rng: random.Random) -> str:
    """A JSONL line with fields of random types (and sometimes text that is an article)."""
    obj = {key: json_value(rng) for key in rng.sample(["title", "outlet", "author", "url", "published", "id"],
                                                       rng.randint(0, 6))}
    body = rng.choice(INVENTED + ["", "   ", "\ud800\udfff", "<p>html?</p>"]) if rng.random() < 0.8 else json_value(rng)
    obj[rng.choice(["text", "text", "html", "body"])] = body
    line = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.1:
        line = "[" * 5000 + "]" * 5000  # deeper than Python's JSON reader goes
    return line


def make_input(kind: str, rng: random.Random, pool: dict[str, list[bytes]]) -> bytes:
    roll = rng.random()
    if roll < 0.08:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
    if roll < 0.15:
        return "".join(chr(rng.choice([rng.randint(32, 0x2FF), rng.randint(0x400, 0xFFFF)]))
                       for _ in range(rng.randint(0, 2000))).encode("utf-8", errors="replace")
    if kind == "jsonl" and roll < 0.45:
        return "\n".join(jsonl_line(rng) for _ in range(rng.randint(1, 4))).encode("utf-8", errors="surrogatepass")
    data = rng.choice(pool[kind])
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(data, rng)
    return data


# ---------------------------------------------------------------- running and checking

def run_batch(files: list[Path], stdin: bytes | None, timeout: float):
    from click.testing import CliRunner

    from nonpaper.cli import cli

    args = ["analyze", *map(str, files)] + (["-"] if stdin is not None else []) + \
        ["--format", "json", "--timeout", str(timeout)]
    return CliRunner().invoke(cli, args, input=stdin, catch_exceptions=True)


def check(result, names: list[str]) -> list[str]:
    """What the run did that the README says it never does."""
    problems = []
    err = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problems.append(f"exception escaped: {type(result.exception).__name__}: {result.exception}")
    if result.exit_code not in (0, 1, 2):
        problems.append(f"exit status {result.exit_code}")
    if "Traceback" in err or "internal error" in err:
        problems.append("traceback or internal error on stderr")
    lines = [ln for ln in err.splitlines() if ln.strip()]
    for ln in lines:
        if not ln.startswith("nonpaper: ") or not any(n in ln for n in names):
            problems.append(f"stderr line names no input: {ln[:160]!r}")
    data = None
    if result.exit_code in (0, 1):
        try:
            data = json.loads(result.stdout)
        except ValueError:
            problems.append("exit 0/1 but the output is not JSON")
    analysed = set()
    if data:
        for a in data.get("articles", [data]):
            source = (a.get("article") or {}).get("source") or ""
            analysed.add(re.sub(r"(:\d+|#\d+)$", "", source))
    for name in names:
        if name not in analysed and not any(name in ln for ln in lines):
            problems.append(f"{name}: neither analysed nor named on stderr (lost)")
    if result.exit_code == 2 and analysed:
        problems.append("exit 2 although articles were analysed")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=400, help="inputs to try (spread over the four kinds)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=8, help="inputs per `nonpaper analyze` run")
    parser.add_argument("--timeout", type=float, default=30, help="--timeout per article")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "nonpaper-fuzz-failures")
    args = parser.parse_args()

    from nonpaper.text import parse as nlp
    nlp.load()
    rng = random.Random(args.seed)
    pool = seeds()
    kinds = list(EXT)
    tried, flagged, violations, exits = Counter(), Counter(), Counter(), Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        while n < args.n:
            folder = Path(tmp) / f"b{n}"
            folder.mkdir()
            files, kind_of, stdin = [], {}, None
            for i in range(min(args.batch, args.n - n)):
                kind = kinds[(n + i) % len(kinds)]
                data = make_input(kind, rng, pool)
                if i == 0 and rng.random() < 0.2:  # now and then through stdin
                    stdin, kind_of["-"] = data, kind
                    continue
                ext = EXT[kind] if rng.random() < 0.85 else rng.choice(["", ".dat", ".TXT"])
                path = folder / f"in{n + i}{ext}"
                path.write_bytes(data)
                files.append(path)
                kind_of[str(path)] = kind
            result = run_batch(files, stdin, args.timeout)
            names = list(kind_of)
            problems = check(result, names)
            exits[result.exit_code] += 1
            for name, kind in kind_of.items():
                tried[kind] += 1
                flagged[kind] += any(name in ln for ln in result.stderr.splitlines())
            if problems:
                keep = args.keep / f"batch{n}"
                keep.mkdir(parents=True, exist_ok=True)
                for path in files:
                    (keep / path.name).write_bytes(path.read_bytes())
                if stdin is not None:
                    (keep / "stdin").write_bytes(stdin)
                for p in problems:
                    print(f"VIOLATION (batch {n}, kept in {keep}): {p}", file=sys.stderr)
                for kind in set(kind_of.values()):
                    violations[kind] += 1
            n += len(kind_of)
    seconds = time.monotonic() - started
    print(f"nonpaper analyze fuzzed: {sum(tried.values())} inputs in {sum(exits.values())} runs, {seconds:.0f}s "
          f"(seed {args.seed}); exit statuses {dict(sorted(exits.items()))}")
    print(f"{'kind':<8}{'tried':>8}{'warned/refused':>16}{'violations':>12}")
    for kind in kinds:
        print(f"{kind:<8}{tried[kind]:>8}{flagged[kind]:>16}{violations[kind]:>12}")
    print(f"{'all':<8}{sum(tried.values()):>8}{sum(flagged.values()):>16}{sum(violations.values()):>12}")
    sys.exit(1 if violations else 0)


if __name__ == "__main__":
    main()
