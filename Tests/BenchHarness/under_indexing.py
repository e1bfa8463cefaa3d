#!/usr/bin/env python3
"""Open articles in the real reader while the background indexer works.

usage: under_indexing.py KRANT_BIN FEED_DIR WORKDIR [--opens N]
(copy it, with krant.py, into a copy of ../shared/bench: it uses that
harness's tmux driver and krant's screen predicates)
Imports FEED_DIR/*.xml into a fresh store (krant import returns once stored
and leaves a background `krant index`), then at once starts the reader in
tmux and opens N articles one after another (Enter, wait for the pane and
the unread count, q, j), timing each open; then times `krant mark` and runs
`krant index` while the indexer still works, reporting its exit status.
"""
import glob
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib.harness import TmuxTUI, child_env  # noqa: E402
from readers.krant import STATUS, _status, article_ready, focus_on_list  # noqa: E402


def indexer_running():
    out = subprocess.run(["pgrep", "-f", "index --background"], capture_output=True, text=True).stdout
    return bool(out.strip())


def main():
    krant, feed_dir, work = sys.argv[1], sys.argv[2], sys.argv[3]
    opens = int(sys.argv[sys.argv.index("--opens") + 1]) if "--opens" in sys.argv else 30
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "krant.db")
    for suffix in ("", "-wal", "-shm", "-index.lock"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    files = sorted(glob.glob(os.path.join(feed_dir, "*.xml")))
    t = time.perf_counter()
    imp = subprocess.run([krant, "--db", db, "import"] + files, capture_output=True, text=True, env=child_env())
    print(f"import: {time.perf_counter() - t:.1f} s, exit {imp.returncode}: {imp.stdout.strip()}", flush=True)

    tui = TmuxTUI(work, width=120, height=40)
    tui.prepare([krant, "--db", db], {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}, work)
    t0 = tui.launch()
    first = tui.wait_for(lambda s: STATUS.search(_status(s)) is not None, t0, "first screen", timeout=60)
    m = STATUS.search(_status(first["screen"]))
    unread = int(m.group(1))
    print(f"first screen: {first['latency_s'] * 1000:.0f} ms, indexer running: {indexer_running()}", flush=True)

    times, during = [], []
    for _ in range(opens):
        running = indexer_running()
        t0 = tui.send("Enter")
        r = tui.wait_for(lambda s: article_ready({}, s, unread - 1), t0, "article", timeout=60)
        unread -= 1
        times.append(r["latency_s"] * 1000)
        during.append(running)
        t0 = tui.send("q")
        tui.wait_for(lambda s: focus_on_list({}, s), t0, "back", timeout=60)
        tui.send("j")
        time.sleep(0.05)
    tui.send("q")
    time.sleep(0.3)
    tui.close()
    under = [ms for ms, running in zip(times, during) if running]
    print("open article (ms): " + ", ".join(f"{ms:.0f}" for ms in times))
    if under:
        print(f"while indexing: {len(under)} opens, median {statistics.median(under):.1f} ms, max {max(under):.0f} ms")

    ids = subprocess.run([krant, "--db", db, "list", "--limit", "5", "--json"], capture_output=True, text=True,
                         env=child_env()).stdout
    first_ids = [str(a["id"]) for a in json.loads(ids)][:5]
    running = indexer_running()
    t = time.perf_counter()
    mk = subprocess.run([krant, "--db", db, "mark"] + first_ids + ["--read"], capture_output=True, text=True,
                        env=child_env())
    print(f"krant mark (indexer running: {running}): {(time.perf_counter() - t) * 1000:.0f} ms, exit {mk.returncode}")
    running = indexer_running()
    t = time.perf_counter()
    ix = subprocess.run([krant, "--db", db, "index"], capture_output=True, text=True, env=child_env())
    print(f"krant index (indexer running: {running}): {time.perf_counter() - t:.1f} s, exit {ix.returncode}: "
          f"{ix.stdout.strip()} {ix.stderr.strip()}")


if __name__ == "__main__":
    main()
