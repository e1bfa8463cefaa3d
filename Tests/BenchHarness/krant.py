"""krant (Swift) plugged into the harness: same slots as readers/newsboat.py.

krant imports the generated RSS files directly (`krant import FILES`), so no
HTTP server is involved.  Its TUI shows a headline list of everything on
start; "open a feed" is the chooser (c), the biggest feed, Enter.  Every
predicate reads the status bar ("U unread of T", "N results"), which krant
draws last, plus the rows of the list.
"""
import os
import re
import shutil
import sqlite3

from lib.harness import child_env, run_measured

NAME = "krant"
BIN = os.environ.get("KRANT_BIN") or shutil.which("krant") or "krant"


def _db(ctx):
    return os.path.join(ctx["reader_dir"], "krant.db")


def _env(ctx, db=None):
    return child_env({"KRANT_DB": db or _db(ctx), "HOME": os.path.join(ctx["reader_dir"], "home")})


def _remove_db(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def _copy_db(source, target):
    _remove_db(target)
    for suffix in ("", "-wal"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)


def krant_prepare(ctx):
    os.makedirs(os.path.join(ctx["reader_dir"], "home"), exist_ok=True)


def krant_reset(ctx):
    _remove_db(_db(ctx))


def krant_import_cmd(ctx):
    return [BIN, "import"] + list(ctx["feed_files"])


def krant_import(ctx):
    krant_reset(ctx)
    r = run_measured(krant_import_cmd(ctx), _env(ctx), ctx["reader_dir"],
                     os.path.join(ctx["reader_dir"], "time-import.txt"))
    r["items_in_store"] = krant_count_items(ctx)
    return r


def krant_count_items(ctx):
    if not os.path.exists(_db(ctx)):
        return None
    with sqlite3.connect(f"file:{_db(ctx)}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def krant_cache_load_cmd(ctx):
    return [BIN, "list", "--unread", "--count"]


def krant_cache_load(ctx):
    r = run_measured(krant_cache_load_cmd(ctx), _env(ctx), ctx["reader_dir"],
                     os.path.join(ctx["reader_dir"], "time-load.txt"))
    try:
        r["reported_unread"] = int(r["stdout"].strip())
    except ValueError:
        r["reported_unread"] = None
    return r


def krant_snapshot(ctx):
    _copy_db(_db(ctx), _db(ctx) + ".golden")


def krant_reimport(ctx):
    work = _db(ctx) + ".re"
    _copy_db(_db(ctx) + ".golden", work)
    r = run_measured(krant_import_cmd(ctx), _env(ctx, work), ctx["reader_dir"],
                     os.path.join(ctx["reader_dir"], "time-reimport.txt"))
    _remove_db(work)
    return r


def krant_tui_cmd(ctx):
    return [BIN]


def _tui_db(ctx):
    return _db(ctx) + ".tui"


# ---------- screen predicates ----------

STATUS = re.compile(r"(\d+) unread of (\d+)")
RESULTS = re.compile(r"(\d+) results?, (\d+) unread")


def _lines(screen):
    return screen.split("\n")


def _status(screen):
    ls = [l for l in _lines(screen) if l.strip()]
    return ls[-1] if ls else ""


def _divider(screen):
    for k, l in enumerate(_lines(screen)):
        if l.startswith("────") or l.startswith("━━━━"):
            return k
    return None


def _rows_filled(screen, total):
    d = _divider(screen)
    if d is None:
        return False
    rows = [l for l in _lines(screen)[:d] if l.strip()]
    return len(rows) >= min(total, d)


def list_ready(ctx, screen, total, unread=None, view=None):
    m = STATUS.search(_status(screen))
    if not m or int(m.group(2)) != total or (unread is not None and int(m.group(1)) != unread):
        return False
    if view is not None and not _status(screen).lstrip().startswith(view):
        return False
    return _rows_filled(screen, total)


def article_ready(ctx, screen, unread):
    ls = _lines(screen)
    d = _divider(screen)
    if d is None or not ls[d].startswith("━"):
        return False
    body = [l for l in ls[d + 1:-1] if l.strip()]
    m = STATUS.search(_status(screen))
    return len(body) >= 10 and m is not None and int(m.group(1)) == unread


def focus_on_list(ctx, screen):
    d = _divider(screen)
    return d is not None and _lines(screen)[d].startswith("─") and STATUS.search(_status(screen)) is not None


# ---------- TUI slots ----------

def krant_start_tui(ctx, tui):
    _copy_db(_db(ctx) + ".golden", _tui_db(ctx))
    env = {"KRANT_DB": _tui_db(ctx), "HOME": os.path.join(ctx["reader_dir"], "home"),
           "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    tui.prepare(ctx.get("tui_wrapper", []) + krant_tui_cmd(ctx), env, ctx["reader_dir"])
    total = sum(ctx["feed_sizes"])
    t0 = tui.launch()
    return tui.wait_for(lambda s: list_ready(ctx, s, total, total, view="all"), t0, "headline list")


def krant_open_feed(ctx, tui):
    """c, down to the first (biggest) feed, Enter: only the Enter is timed."""
    t0 = tui.send("c")
    tui.wait_for(lambda s: "Categories and feeds" in s and "Bench feed 1 " in s, t0, "chooser", timeout=30)
    # Alle, 7 categories, then the feeds by title ("Bench feed 1" first).
    tui.send(*(["j"] * (1 + 7)))
    tui.wait_for(lambda s: "Bench feed 1 " in s, t0, "chooser moved", timeout=30)
    big = ctx["big_feed_items"]
    t0 = tui.send("Enter")
    return tui.wait_for(lambda s: list_ready(ctx, s, big, big, view="Bench feed 1"), t0, "feed list")


def krant_open_article(ctx, tui):
    big = ctx["big_feed_items"]
    t0 = tui.send("Enter")
    return tui.wait_for(lambda s: article_ready(ctx, s, big - 1), t0, "article text")


def krant_back_to_articles(ctx, tui):
    t0 = tui.send("q")
    return tui.wait_for(lambda s: focus_on_list(ctx, s), t0, "article list (back)")


def krant_mark_all_read(ctx, tui):
    """A, then y for the confirmation (the view is longer than a screen)."""
    big = ctx["big_feed_items"]
    t0 = tui.send("A")
    tui.wait_for(lambda s: "read? (y/n)" in _status(s), t0, "confirmation", timeout=30)
    t0 = tui.send("y")
    return tui.wait_for(lambda s: list_ready(ctx, s, big, 0), t0, "all read")


def krant_back_to_feeds(ctx, tui):
    """Back to everything: c, g (Alle), Enter."""
    total = sum(ctx["feed_sizes"])
    t0 = tui.send("c")
    tui.wait_for(lambda s: "Categories and feeds" in s, t0, "chooser", timeout=30)
    tui.send("g")
    t0 = tui.send("Enter")
    return tui.wait_for(lambda s: list_ready(ctx, s, total, view="all"), t0, "all articles")


def krant_search(ctx, tui, term, expected):
    t0 = tui.send("/")
    tui.wait_for(lambda s: _status(s).startswith("Search:"), t0, "search prompt", timeout=30)
    t0 = tui.send(term, literal=True)
    tui.wait_for(lambda s: _status(s).startswith("Search: " + term), t0, "typed term", timeout=30)
    t0 = tui.send("Enter")

    def ready(s):
        m = RESULTS.search(_status(s))
        return m is not None and (expected is None or int(m.group(1)) == expected) and _rows_filled(s, int(m.group(1)))
    return tui.wait_for(ready, t0, "search results")


def krant_quit(ctx, tui):
    t0 = tui.send("q")
    return tui.wait_exit(t0)


READER = {
    "name": NAME,
    "version_cmd": [BIN, "--version"],
    "prepare": krant_prepare,
    "reset": krant_reset,
    "import": krant_import,
    "import_cmd": krant_import_cmd,
    "cache_load": krant_cache_load,
    "cache_load_cmd": krant_cache_load_cmd,
    "count_items": krant_count_items,
    "snapshot": krant_snapshot,
    "reimport": krant_reimport,
    "tui_cmd": krant_tui_cmd,
    "start_tui": krant_start_tui,
    "open_feed": krant_open_feed,
    "open_article": krant_open_article,
    "back_to_articles": krant_back_to_articles,
    "mark_all_read": krant_mark_all_read,
    "back_to_feeds": krant_back_to_feeds,
    "search": krant_search,
    "quit": krant_quit,
    "needs_http": False,
    "keys": {"open_feed": "c j… Enter", "open_article": "Enter", "back": "q",
             "mark_all_read": "A y", "search": "/ TERM Enter", "quit": "q"},
}
