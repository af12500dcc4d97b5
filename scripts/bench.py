"""Benchmark: citefacts against bare spaCy on the same texts, Prefect's overhead, re-runs, workers, memory.

``make bench`` prints, for the seed and for a corpus (the seed plus the WikiWars dev texts when
../shared/eval is there, else the test articles):
- words/s of bare spaCy (``nlp.pipe`` with the model's full default pipeline) and of citefacts' whole
  extraction, linking and checking without Prefect, each in its own process, runs interleaved, medians;
  their ratio on a line starting with ``ratio`` (citefacts over spaCy: higher is better); peak memory;
- Prefect's overhead per flow run: the flow's wall time minus the library's time inside it;
- the share of a cold run that a re-run over the unchanged corpus costs;
- corpus throughput on the Dask runner with 1 and 2 local workers;
- 1,000 small documents in one run: resident memory after every 100, and the peak, per runner.
Usage: python scripts/bench.py [--repeat N] [--eval-dir ../shared/eval] [--only seed,corpus,flow,memory]
Timings need an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console

ROOT = Path(__file__).parents[1]
SEED = ROOT / "raw" / "nagorno-karabakh-conflict.txt"
say = Console(highlight=False, soft_wrap=True).print
WORK = ROOT / ".bench"


def corpus_files(eval_dir: Path) -> list[Path]:
    """The seed, plus the WikiWars dev texts (as sources without footnotes) or else the test articles."""
    folder = WORK / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    files = [SEED]
    wikiwars = eval_dir / "dates" / "wikiwars_dev.jsonl"
    if wikiwars.exists():
        for line in wikiwars.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            path = folder / f"{record['doc_id']}.txt"
            if not path.exists() or path.read_text(encoding="utf-8") != record["text"]:
                path.write_text(record["text"], encoding="utf-8")
            files.append(path)
    else:
        tests = ROOT / "tests" / "data"
        files += [*sorted((tests / "read").glob("*.wiki")), tests / "link_small_article.txt"]
    return files


# --- one side in its own process: a tiny line protocol, so the parent can interleave the two sides ----


def serve_side(side: str, files: list[Path]) -> None:
    """Child process: load the model, then time one pass over ``files`` per line read from stdin."""
    from citefacts.nlp import MODEL_NAME, load_model
    from citefacts.pipeline import run
    from citefacts.read import read_source

    parsed = [read_source(path, require_footnotes=False) for path in files]
    texts = [b.text for p in parsed for b in p.blocks] + [n.text for p in parsed for n in p.footnotes]
    if side == "spacy":
        import spacy

        nlp = spacy.load(MODEL_NAME)
    else:
        nlp = load_model()
    for _ in sys.stdin:
        started = time.perf_counter()
        if side == "spacy":
            for doc in nlp.pipe(texts):
                len(doc.ents)
        else:
            for path in files:  # as the flow's default runner runs it: spaCy on every core for a long source
                run(read_source(path, require_footnotes=False), nlp, processes=os.cpu_count() or 1)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # spaCy's worker processes
        words = sum(len(text.split()) for text in texts)
        sys.stdout.write(json.dumps({"seconds": seconds, "peak_mb": peak, "helper_mb": helpers, "words": words}) + "\n")
        sys.stdout.flush()


def compare(files: list[Path], repeat: int) -> dict[str, Any]:
    """Both sides on the same files, runs interleaved; medians of seconds, the peak memory of each."""
    sides = {}
    for side in ("spacy", "citefacts"):
        command = [sys.executable, __file__, "--side", side, *map(str, files)]
        sides[side] = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    runs: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    for _ in range(repeat):
        for side, process in sides.items():
            assert process.stdin and process.stdout
            process.stdin.write("run\n")
            process.stdin.flush()
            runs[side].append(json.loads(process.stdout.readline()))
    for process in sides.values():
        assert process.stdin
        process.stdin.close()
        process.wait()
    summary = {}
    for side, measured in runs.items():
        seconds = statistics.median(r["seconds"] for r in measured)
        summary[side] = {
            "seconds": seconds,
            "words_per_s": measured[0]["words"] / seconds,
            "peak_mb": measured[-1]["peak_mb"],
            "helper_mb": measured[-1]["helper_mb"],
        }
    summary["words"] = runs["spacy"][0]["words"]
    summary["ratio"] = summary["citefacts"]["words_per_s"] / summary["spacy"]["words_per_s"]
    return summary


def print_compare(name: str, summary: dict[str, Any], repeat: int) -> None:
    spacy, ours = summary["spacy"], summary["citefacts"]
    say(f"\n{name}: {summary['words']:,} words, {os.cpu_count()} cores, median of {repeat} interleaved runs")
    say(
        f"  bare spaCy  {spacy['seconds']:6.2f} s  {spacy['words_per_s']:7,.0f} words/s  peak {spacy['peak_mb']:.0f} MB"
    )
    helpers = f" (+ at most {ours['helper_mb']:.0f} MB in each spaCy worker process, the model's pages shared)"
    say(
        f"  citefacts   {ours['seconds']:6.2f} s  {ours['words_per_s']:7,.0f} words/s  peak {ours['peak_mb']:.0f} MB"
        + (helpers if ours["helper_mb"] else "")
    )
    say(
        f"ratio {summary['ratio']:.2f} ({name}: citefacts words/s over bare spaCy's; memory {ours['peak_mb'] / spacy['peak_mb']:.2f}x)"
    )


# --- the flow: Prefect's overhead, re-runs, Dask workers ------------------------------------------------


def timed_flow(files: list[Path], out: Path, force: bool, runner: Any = None) -> tuple[float, float, list[Any]]:
    """Wall seconds of one flow run, and the seconds spent inside the library's extract_source."""
    from citefacts_flows import extract as flows

    import citefacts.sources as sources

    inside = [0.0]
    original = sources.extract_source

    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            inside[0] += time.perf_counter() - began

    flows.extract_source = timed  # type: ignore[assignment]
    try:
        flow = flows.extract_sources if runner is None else flows.extract_sources.with_options(task_runner=runner)
        began = time.perf_counter()
        results = flow(files, out, None, False, None, force)
        return time.perf_counter() - began, inside[0], results
    finally:
        flows.extract_source = original


def overhead(files: list[Path]) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench-flow-"))
    wall, library, _ = timed_flow([SEED], out, force=True)
    wall2, library2, _ = timed_flow([SEED], out, force=True)
    say(
        f"Prefect overhead per flow run (seed, flow wall minus library): first {wall - library:.2f} s, next {wall2 - library2:.2f} s"
    )
    cold, _, _ = timed_flow(files, out, force=True)
    again, _, results = timed_flow(files, out, force=False)
    skipped = sum(1 for r in results if r.diff is None)
    say(
        f"re-run over the unchanged corpus: {again:.2f} s against {cold:.2f} s cold = {again / cold:.1%} ({skipped} of {len(files)} sources up to date)"
    )


def dask_throughput(files: list[Path]) -> None:
    from citefacts_flows.runners import task_runner

    words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)
    for workers in (1, 2):
        out = Path(tempfile.mkdtemp(prefix=f"bench-dask{workers}-"))
        wall, _, results = timed_flow(files, out, force=True, runner=task_runner("dask", workers=workers))
        failed = sum(1 for r in results if r.failed)
        say(
            f"corpus on Dask, {workers} worker(s): {wall:.1f} s, {words / wall:,.0f} words/s ({failed} failed; includes starting the cluster)"
        )


# --- memory over 1,000 documents -------------------------------------------------------------------------

ARTICLE = """{town}
{town} had {people:,} inhabitants in {year}, and {farms} farms were counted in {month} {year2}.
The bridge over the river was built in {built} at a cost of ${cost} million.
^"Census {year}". Statistics Office. The population of {town} was {people:,} in {year}.
^Smith, Ann ({year2}). "Farms". Daily News. {farms} farms were counted in {month} {year2}.
"""


def memory(count: int, runner_kind: str) -> None:
    """``count`` small articles in one flow run: resident memory after every 100 and the peak."""
    import psutil
    from citefacts_flows.extract import extract_sources, reporting
    from citefacts_flows.runners import task_runner

    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    months = ("March", "June", "October")
    for n in range(count):
        fields = {"town": f"Town{n}", "people": 1000 + 7 * n, "year": 1900 + n % 100, "farms": 10 + n % 50,
                  "month": months[n % 3], "year2": 1950 + n % 50, "built": 1800 + n % 150, "cost": 1 + n % 9}  # fmt: skip
        (folder / f"town{n:04}.txt").write_text(ARTICLE.format(**fields), encoding="utf-8")
    me = psutil.Process()
    done, samples = [0], []

    main_samples: list[float] = []

    def resident() -> float:
        workers = sum(
            c.memory_info().rss for c in me.children(recursive=True) if "uvicorn" not in " ".join(c.cmdline())
        )
        main_samples.append(me.memory_info().rss / 2**20)
        return main_samples[-1] + workers / 2**20

    def listen(_: Any) -> None:
        done[0] += 1
        if done[0] % 100 == 0:
            samples.append(resident())

    runner = task_runner("dask", workers=2) if runner_kind == "dask" else None
    flow = extract_sources if runner is None else extract_sources.with_options(task_runner=runner)
    began = time.perf_counter()
    with reporting(listen):
        results = flow([folder], folder / "out", None, True, None, True)
    failed = sum(1 for r in results if r.failed)
    say(f"\n{count} documents, {runner_kind} runner: {time.perf_counter() - began:.0f} s, {failed} failed")
    say("  resident MB after every 100 (this process + workers): " + ", ".join(f"{mb:.0f}" for mb in samples))
    say(f"  peak {max(samples):.0f} MB; growth from the first hundred to the last: {samples[-1] - samples[0]:+.0f} MB")
    say("  of which this process: " + ", ".join(f"{mb:.0f}" for mb in main_samples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--only", default="seed,corpus,flow,memory")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runners", default="local,dask", help="runners for the memory run")
    parser.add_argument("--side", choices=["spacy", "citefacts"], help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        serve_side(args.side, args.files)
        return
    only = set(args.only.split(","))
    files = corpus_files(args.eval_dir)
    if "seed" in only:
        print_compare("seed", compare([SEED], args.repeat), args.repeat)
    if "corpus" in only:
        print_compare(f"corpus of {len(files)}", compare(files, max(1, args.repeat // 2)), max(1, args.repeat // 2))
    if "flow" in only or "memory" in only:
        from citefacts_flows import settings

        settings.apply()
        from citefacts_flows.server import prefect_api, start_private_server

        with prefect_api(start_private_server()):
            from citefacts.nlp import load_model

            load_model()
            if "flow" in only:
                overhead(files)
                dask_throughput(files)
            if "memory" in only:
                for kind in args.runners.split(","):
                    memory(args.documents, kind)


if __name__ == "__main__":
    main()
