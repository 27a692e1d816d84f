#!/usr/bin/env python3
"""Writes bench/report.md and bench/report.svg from the outputs bench/run-all keeps.

    python3 bench/report.py [outputs-folder] [report.md] [report.svg]
    (defaults: bench/out/run-all bench/report.md bench/report.svg)

Standard library only. A figure an output lacks (a benchmark skipped, Varnish not installed)
is reported as "not measured"; nothing here fails because of a missing figure.
"""
import html
import math
import os
import re
import sys

NOT_MEASURED = "not measured"


# ---------------------------------------------------------------------------------------------
# Reading the outputs


def read(folder, name):
    try:
        with open(os.path.join(folder, name + ".txt"), encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def ms(text):
    """wrk's latency ("850.00us", "1.23ms", "1.02s", "1.5m") in milliseconds."""
    m = re.fullmatch(r"\s*([\d.]+)\s*(us|ms|s|m)\s*", text or "")
    if not m:
        return None
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[m.group(2)]


def num(text):
    try:
        return float(text.replace(",", ""))
    except (AttributeError, ValueError):
        return None


def wrk_line(text, label):
    """'<label>: N req/s, p99 X' → (req/s, p99 ms) or (None, None)."""
    m = re.search(r"^" + re.escape(label) + r":\s+([\d.]+) req/s, p99 (\S+)\s*$", text, re.M)
    if not m:
        return None, None
    return num(m.group(1)), ms(m.group(2))


def machine(texts):
    for text in texts:
        m = re.search(r"^== machine\n((?:(?!==).*\n)+)", text, re.M)
        if m:
            return [re.sub(r"\s*Copyright.*", "", line.strip()) for line in m.group(1).splitlines() if line.strip()]
    return []


def run_info(folder):
    info = {}
    for line in read(folder, "run").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            info[k] = v
    return info


def figures(folder):
    """Everything the report shows, parsed from the outputs: a dict of named figures."""
    f = {}
    page = read(folder, "article-page")
    for key, label in [
        ("nginx", "nginx"),
        ("anon", "pressroom"),
        ("first", "pressroom, first visits"),
        ("varnish", "varnish in front"),
        ("nginx_signed", "nginx, signed-in page bytes"),
        ("signed", "signed-in"),
    ]:
        f[key + "_rps"], f[key + "_p99"] = wrk_line(page, label)
    m = re.search(r"^article: \S+ \((\d+) bytes(?:, Comments \((\d*)\))?", page, re.M)
    f["anon_bytes"] = int(m.group(1)) if m else None
    f["anon_comments"] = int(m.group(2)) if m and m.group(2) else None
    m = re.search(r"^signed-in article: \S+ \((\d+) bytes", page, re.M)
    f["signed_bytes"] = int(m.group(1)) if m else None
    m = re.search(r"^== nginx, static file: \d+ threads, (\d+) connections, (\d+)s", page, re.M)
    f["connections"], f["page_seconds"] = (int(m.group(1)), int(m.group(2))) if m else (None, None)

    com = read(folder, "comments")
    for key, label in [("posts_fast", r"as fast as possible"), ("posts_paced", r"paced at about (\d+)/s")]:
        m = re.search(r"^" + label + r": ([\d.]+) posts/s, median (\S+), p99 (\S+)", com, re.M)
        if m:
            f[key + "_rate"] = num(m.group(m.lastindex - 2))
            f[key + "_p50"], f[key + "_p99"] = ms(m.group(m.lastindex - 1)), ms(m.group(m.lastindex))
        else:
            f[key + "_rate"] = f[key + "_p50"] = f[key + "_p99"] = None
    for key, label in [("big", "big thread"), ("small", "small thread")]:
        m = re.search(r"^" + label + r" \(([^)]*)\)?\)?: median (\S+), p99 (\S+)", com, re.M)
        if m:
            count = re.search(r"\d+", m.group(1))
            f[key + "_comments"] = int(count.group()) if count else None
            f[key + "_p50"], f[key + "_p99"] = ms(m.group(2)), ms(m.group(3))
        else:
            f[key + "_comments"] = f[key + "_p50"] = f[key + "_p99"] = None
    m = re.search(r"^== posting comments to \S+: (\d+) connections", com, re.M)
    f["comment_connections"] = int(m.group(1)) if m else None

    for key, name in [("import", "import"), ("import_pg", "import-pg")]:
        text = read(folder, name)
        m = re.search(
            r"^Imported \d+ files .*?: (\d+) new, (\d+) updated, (\d+) withdrawn, (\d+) unchanged.* in ([\d.]+) s \(([\d.]+) items/s\)",
            text,
            re.M,
        )
        f[key + "_items"] = sum(int(m.group(i)) for i in range(1, 5)) if m else None
        f[key + "_rate"] = num(m.group(6)) if m else None
        m = re.search(r"^COPY in pressroom import: (.*)$", text, re.M)
        f[key + "_copy"] = m.group(1).strip() if m else None
        m = re.search(r"driver settings: ([^)]*)\)", text)
        f[key + "_driver"] = m.group(1).strip() if m and m.group(1).strip() != "none" else None

    s = read(folder, "search")
    m = re.search(r"^(\d+) queries over ([\d,]+) articles", s, re.M)
    f["search_queries"], f["search_articles"] = (int(m.group(1)), int(m.group(2).replace(",", ""))) if m else (None, None)
    m = re.search(r"^all: p50 ([\d.]+) ms, p90 ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms", s, re.M)
    f["search_p99"], f["search_max"] = (num(m.group(3)), num(m.group(4))) if m else (None, None)
    f["search_kinds"] = [
        (k.strip(), num(p50), num(p99), int(n))
        # wall time per kind (each kind's max, when the bench prints it, is not needed here)
        for k, p50, p99, n in re.findall(
            r"^  (.+?)\s+p50 ([\d.]+) ms, p99 ([\d.]+) ms(?:, max [\d.]+ ms)? \((\d+) queries\)", s, re.M)
    ]

    c = read(folder, "cold-start")
    m = re.search(r"^== generating \d+ files x \d+ items \((\d+) articles\)", c, re.M)
    f["cold_articles"] = int(m.group(1)) if m else None
    for key, label in [("cold_plain", "as run"), ("cold_cds", "class-data archive"), ("cold_aot", "AOT cache")]:
        m = re.search(r"^start to first article page, " + label + r" \(ms\):([\d ]+); median (\d+) ms", c, re.M)
        f[key] = int(m.group(2)) if m else None
        f[key + "_all"] = m.group(1).split() if m else []
    m = re.search(r"^resident memory under page load: max (\d+) MB", c, re.M)
    f["rss_max"] = int(m.group(1)) if m else None
    m = re.search(r"^page mix under load: ([\d.]+) req/s, p99 (\S+)", c, re.M)
    f["mix_rps"], f["mix_p99"] = (num(m.group(1)), ms(m.group(2))) if m else (None, None)
    m = re.search(r"^JVM flags: (.*)$", c, re.M)
    f["cold_jvm"] = m.group(1) if m else None
    return f


# ---------------------------------------------------------------------------------------------
# Formatting


def fmt_rate(v, unit="req/s"):
    return NOT_MEASURED if v is None else f"{v:,.0f} {unit}"


def fmt_ms(v):
    if v is None:
        return NOT_MEASURED
    return f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms" if v < 100 else f"{v:,.0f} ms"


def fmt_kb(b):
    return f"{b / 1024:.0f} KB" if b else "? KB"


def check(conditions):
    """[(name, measured, '>=' or '<=', goal)] → 'yes (…)' / 'no (…)' / 'not measured'."""
    if any(m is None for _, m, _, _ in conditions):
        return NOT_MEASURED
    ok = True
    parts = []
    for name, m, op, g in conditions:
        if op == ">=":
            good = m >= g
            margin = (m / g - 1) * 100 if g else 0
            parts.append(f"{name}{'+' if good else ''}{margin:.0f}%" if good else f"{name}{-margin:.0f}% short")
        else:
            good = m <= g
            margin = (g - m) / g * 100 if g else 0
            times = m / g if g else 0
            if good:
                parts.append(f"{name}{margin:.0f}% under")
            elif times < 2:
                parts.append(f"{name}{(times - 1) * 100:.0f}% over")
            else:
                parts.append(f"{name}{times:.1f}× the limit" if times < 10 else f"{name}{times:.0f}× the limit")
        ok = ok and good
    return ("**yes**" if ok else "**no**") + " (" + "; ".join(parts) + ")"


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def fmt_ratio(r, suffix=""):
    if r is None:
        return "—"
    return f"{r:.2f}{suffix}" if r >= 0.1 else f"{r:.2g}{suffix}"


def rows(f):
    """The table: (figure, measured, reference, ratio, goal, met)."""
    out = []
    conns = f["connections"] or 64
    nginx = f"{fmt_rate(f['nginx_rps'])}, p99 {fmt_ms(f['nginx_p99'])}" if f["nginx_rps"] else NOT_MEASURED

    def page_row(title, key, ref_rps, ref_text, goal_ratio, goal_p99):
        rps, p99 = f[key + "_rps"], f[key + "_p99"]
        r = ratio(rps, ref_rps)
        measured = f"{fmt_rate(rps)}, p99 {fmt_ms(p99)}" if rps is not None else NOT_MEASURED
        conds = [("ratio ", r, ">=", goal_ratio)] if goal_ratio else []
        if goal_p99:
            conds.append(("p99 ", p99, "<=", goal_p99))
        goal = ", ".join(
            ([f"≥ {goal_ratio:.1f}"] if goal_ratio else []) + ([f"p99 ≤ {goal_p99:g} ms"] if goal_p99 else [])
        )
        out.append((title, measured, ref_text, fmt_ratio(r), goal or "— (shown for comparison)", check(conds) if conds else "—"))

    page_row(
        f"Anonymous article page ({fmt_kb(f['anon_bytes'])}, {f['anon_comments'] if f['anon_comments'] is not None else '?'} comments), {conns} connections",
        "anon", f["nginx_rps"], nginx, 0.8, 5,
    )
    page_row("First visit (no cookie)", "first", f["nginx_rps"], nginx, 0.8, None)
    page_row("Through Varnish (deploy/varnish)", "varnish", f["nginx_rps"], nginx, None, None)
    nginx_signed = (
        f"{fmt_rate(f['nginx_signed_rps'])}, p99 {fmt_ms(f['nginx_signed_p99'])}" if f["nginx_signed_rps"] else NOT_MEASURED
    )
    page_row(
        f"Signed-in reader's article page ({fmt_kb(f['signed_bytes'])})",
        "signed", f["nginx_signed_rps"], nginx_signed, 0.5, 10,
    )

    for key, title, goal_rate, goal_p99 in [
        ("posts_paced", "Comment posts, durable, offered about 2,000/s", 2000, 20),
        ("posts_fast", "Comment posts, as fast as possible", 3000, 50),
    ]:
        rate, p99 = f[key + "_rate"], f[key + "_p99"]
        conns_c = f" ({f['comment_connections']} posters)" if f["comment_connections"] else ""
        out.append((
            title + conns_c,
            f"{fmt_rate(rate, 'posts/s')}, p99 {fmt_ms(p99)}" if rate is not None else NOT_MEASURED,
            "—", "—",
            f"≥ {goal_rate:,}/s, p99 ≤ {goal_p99} ms",
            check([("rate ", rate, ">=", goal_rate), ("p99 ", p99, "<=", goal_p99)]),
        ))

    big_c = f"{f['big_comments']:,}" if f["big_comments"] else "?"
    small_c = f"{f['small_comments']:,}" if f["small_comments"] else "?"
    r = ratio(f["big_p50"], f["small_p50"])
    out.append((
        f"First page of a thread of {big_c} comments vs one of {small_c} (median, signed in)",
        f"{fmt_ms(f['big_p50'])} (p99 {fmt_ms(f['big_p99'])})" if f["big_p50"] is not None else NOT_MEASURED,
        f"small thread: {fmt_ms(f['small_p50'])} (p99 {fmt_ms(f['small_p99'])})" if f["small_p50"] is not None else NOT_MEASURED,
        fmt_ratio(r, "×"),
        "≤ 2×",
        check([("", r, "<=", 2.0)]),
    ))

    for key, title, goal in [("import", "Import (`pressroom import`), SQLite", 10000), ("import_pg", "Import, PostgreSQL", 20000)]:
        items = f"{f[key + '_items']:,} items" if f[key + "_items"] else "items"
        t = f"{title}, {items}"
        goal_text = f"≥ {goal:,}/s"
        if key == "import_pg":
            copy = f["import_pg_copy"]
            goal_text += " with COPY"
            if copy:
                t += f" (COPY: {copy})"
            if f["import_pg_driver"]:
                t += f", driver settings `{f['import_pg_driver']}`"
        out.append((t, fmt_rate(f[key + "_rate"], "items/s"), "—", "—", goal_text, check([("", f[key + "_rate"], ">=", goal)])))

    arts = f"{f['search_articles']:,}" if f["search_articles"] else "?"
    qs = f"{f['search_queries']:,}" if f["search_queries"] else "?"
    if f["search_kinds"]:
        for kind, p50, p99, n in f["search_kinds"]:
            out.append((
                f"Search over {arts} articles, {qs} queries: {kind} ({n})",
                f"p99 {fmt_ms(p99)} (p50 {fmt_ms(p50)})", "—", "—", "p99 ≤ 15 ms", check([("", p99, "<=", 15)]),
            ))
    else:
        out.append((f"Search over {arts} articles, every query kind", NOT_MEASURED, "—", "—", "p99 ≤ 15 ms", NOT_MEASURED))
    out.append((f"Search, slowest of all {qs} queries", f"max {fmt_ms(f['search_max'])}" if f["search_max"] is not None else NOT_MEASURED,
                "—", "—", "max ≤ 50 ms", check([("", f["search_max"], "<=", 50)])))

    arts = f"{f['cold_articles']:,}" if f["cold_articles"] else "?"
    for key, how in [("cold_plain", "as run (java -jar)"), ("cold_cds", "with a class-data archive"), ("cold_aot", "with an AOT cache")]:
        v = f[key]
        all_ms = f" (starts: {', '.join(f[key + '_all'])} ms)" if f[key + "_all"] else ""
        out.append((
            f"Cold start to first article page, {arts} articles, {how}",
            (f"median {v / 1000:.2f} s" + all_ms) if v is not None else NOT_MEASURED,
            "—", "—", "≤ 1.5 s", check([("", v, "<=", 1500)]),
        ))
    jvm = f" (JVM flags: {f['cold_jvm']})" if f["cold_jvm"] else ""
    out.append((
        f"Resident memory (VmRSS) under a page mix{jvm}",
        f"max {f['rss_max']} MB" if f["rss_max"] is not None else NOT_MEASURED,
        "—", "—", "≤ 400 MB", check([("", f["rss_max"], "<=", 400)]),
    ))
    return out


def markdown(f, info, mach, table):
    quick = info.get("quick") == "1"
    lines = []
    if quick:
        lines += ["**QUICK smoke run — not a measurement.** Tiny sizes and a few seconds per benchmark, to prove the",
                  "scripts work; run `bench/run-all` on a quiet machine for the figures.", ""]
    lines += ["# Performance report", ""]
    lines += [f"Measured {info.get('date', '?')} at commit `{info.get('commit', '?')}`, by `{info.get('rerun', 'bench/run-all')}`.", ""]
    lines += ["Every ratio is against a reference measured in the same run on the same machine (nginx serving",
              "the very bytes Pressroom served, or the small thread); every other figure is absolute and holds",
              "for this machine only.", ""]
    lines += ["## Machine", ""]
    lines += [f"- {m}" for m in mach] or ["- not recorded"]
    if info.get("load_before"):
        lines.append(f"- load average before the run: {info['load_before']}; after: {info.get('load_after', '?')}")
    if info.get("java_opts"):
        lines.append(f"- BENCH_JAVA_OPTS: `{info['java_opts']}`")
    lines += ["", "## Figures", "", "![Requests per second and p99 latency per page kind, beside nginx](report.svg)", ""]
    lines += ["| figure | measured | reference (nginx) | ratio | goal | met? |", "| --- | --- | --- | --- | --- | --- |"]
    for row in table:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
    lines += ["", "Margins: for a minimum, how far above (+) or short of it; for a maximum, how far under or over it",
              "(or how many times it). \"not measured\": the run has no such figure (benchmark skipped or failed,",
              "Varnish or PostgreSQL not installed).", ""]
    lines += ["How each figure is taken:", "",
              "- Pages: wrk, 2 threads, for the seconds and connections the run names; Pressroom and nginx on the same",
              "  machine at the same time of the run, nginx serving a file of the bytes Pressroom served (for the",
              "  signed-in page, the bytes that reader got). First visits send no cookie; the others a CSRF cookie, as",
              "  a returning reader's browser does; the signed-in reader sends their session cookie (`bench/article-page.sh`).",
              "- Comments: signed-in readers post through the real form, per-reader rate limits off, SQLite with",
              "  synchronous=FULL; the thread pages are rendered for a signed-in moderator (`bench/comments.sh`).",
              "- Import: the rate `pressroom import` prints (its own time, not the JVM's start) (`bench/import.sh`,",
              "  `PG=1 bench/import.sh` into a throwaway PostgreSQL cluster).",
              "- Search: the site's own index, queries one at a time in one JVM (`bench/search.sh`).",
              "- Cold start: process start to the first 200 from an article page, polled every ~10 ms; memory is the",
              "  largest VmRSS sampled each second while wrk loads a mix of pages (`bench/cold-start.sh`).", ""]
    lines += ["## Rerun", "", "Everything (outputs in `bench/out/run-all/`, then this report):", "", "```sh",
              "mvn -o -q package -DskipTests", info.get("rerun", "bench/run-all"), "```", "",
              "One benchmark at a time, as this run called them:", "", "```sh"]
    lines += [v for k, v in info.items() if k.startswith("command.")]
    lines += ["python3 bench/report.py   # bench/out/run-all → bench/report.md, bench/report.svg", "```", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The chart


def nice_ticks(top, count=4):
    if top <= 0:
        return [0, 1]
    raw = top / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    ticks = [0]
    while ticks[-1] < top:
        ticks.append(ticks[-1] + step)
    return ticks


def tick(v):
    return f"{v / 1000:g}k" if v >= 1000 else f"{v:g}"


def short(v, unit=""):
    if v is None:
        return ""
    if v >= 10000:
        return f"{v / 1000:.0f}k{unit}"
    if v >= 1000:
        return f"{v / 1000:.1f}k{unit}"
    if v >= 100:
        return f"{v:.0f}{unit}"
    if v >= 10:
        return f"{v:.1f}{unit}"
    return f"{v:.2f}{unit}"


def panel(x0, y0, w, h, title, axis_label, groups, unit, goals=None):
    """One bar panel. groups: [(label, pressroom value or None, nginx value or None)]."""
    e = html.escape
    values = [v for _, a, b in groups for v in (a, b) if v is not None and v > 0]
    values += [g for g in (goals or {}).values() if g]  # the goal markers stay on the axis
    top = max(values) if values else 1
    low = min(values) if values else 1
    log = top / low > 60  # a linear axis would hide the small bars: use a log one and say so
    plot_top, plot_bottom = y0 + 52, y0 + h - 46
    plot_h = plot_bottom - plot_top
    out = [f'<text x="{x0}" y="{y0 + 18}" class="h">{e(title)}</text>',
           f'<text x="{x0}" y="{y0 + 36}" class="s">{e(axis_label)}{" (log scale)" if log else ""}</text>']
    axis_x = x0 + 44
    if log:
        lo_exp = math.floor(math.log10(low))
        if low < 2 * 10 ** lo_exp:  # room for the smallest bar to show
            lo_exp -= 1
        hi_exp = max(math.log10(top) + 0.1, lo_exp + 1)  # the tallest bar, a little headroom for its label
        ticks = [10 ** p for p in range(lo_exp, math.floor(hi_exp) + 1)]

        def y_of(v):
            v = max(v, 10 ** lo_exp)
            return plot_bottom - (math.log10(v) - lo_exp) / (hi_exp - lo_exp) * plot_h
    else:
        ticks = nice_ticks(top)

        def y_of(v):
            return plot_bottom - v / ticks[-1] * plot_h
    for t in ticks:
        y = y_of(t)
        out.append(f'<line x1="{axis_x}" y1="{y:.1f}" x2="{x0 + w}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{axis_x - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{e(tick(t))}</text>')
    out.append(f'<line x1="{axis_x}" y1="{plot_bottom}" x2="{x0 + w}" y2="{plot_bottom}" class="axis"/>')
    slot = (x0 + w - axis_x) / len(groups)
    bar_w = min(30, slot * 0.32)
    for i, (label, pr, ng) in enumerate(groups):
        cx = axis_x + slot * (i + 0.5)
        for j, (v, cls) in enumerate([(pr, "pr"), (ng, "ng")]):
            bx = cx - bar_w - 2 if j == 0 else cx + 2
            if v is None:
                if j == 0:
                    out.append(f'<text x="{cx:.1f}" y="{plot_bottom - 8}" class="nm" text-anchor="middle">not measured</text>')
                continue
            y = y_of(v) if v > 0 else plot_bottom
            out.append(f'<rect x="{bx:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{plot_bottom - y:.1f}" class="{cls}" rx="2"/>')
            out.append(f'<text x="{bx + bar_w / 2:.1f}" y="{y - 4:.1f}" class="v" text-anchor="middle">{e(short(v))}</text>')
        if goals and goals.get(label) is not None:
            gy = y_of(goals[label])
            out.append(f'<line x1="{cx - bar_w - 8:.1f}" y1="{gy:.1f}" x2="{cx + bar_w + 8:.1f}" y2="{gy:.1f}" class="goal"/>')
        words = label.split("\n")
        for k, word in enumerate(words):
            out.append(f'<text x="{cx:.1f}" y="{plot_bottom + 17 + 14 * k}" class="lbl" text-anchor="middle">{e(word)}</text>')
    return out


def svg(f, info):
    e = html.escape
    W, H = 800, 420
    kinds = [
        ("Anonymous\narticle", "anon", "nginx"),
        ("First visit\n(no cookie)", "first", "nginx"),
        ("Through\nVarnish", "varnish", "nginx"),
        ("Signed-in\nreader", "signed", "nginx_signed"),
    ]
    rps = [(lbl, f[k + "_rps"], f[n + "_rps"] if f[k + "_rps"] is not None else None) for lbl, k, n in kinds]
    p99 = [(lbl, f[k + "_p99"], f[n + "_p99"] if f[k + "_p99"] is not None else None) for lbl, k, n in kinds]
    goals = {"Anonymous\narticle": 5, "Signed-in\nreader": 10}
    quick = info.get("quick") == "1"
    title = "Pressroom article pages beside nginx serving the same bytes"
    desc_parts = []
    for (lbl, pr, ng), (_, pp, np_) in zip(rps, p99):
        name = lbl.replace("\n", " ")
        if pr is None:
            desc_parts.append(f"{name}: not measured")
        else:
            desc_parts.append(f"{name}: Pressroom {pr:,.0f} requests/s, p99 {pp:.2f} ms; nginx {ng:,.0f} requests/s, p99 {np_:.2f} ms")
    desc = ("QUICK smoke run, not a measurement. " if quick else "") + \
        f"Measured {info.get('date', '?')} at commit {info.get('commit', '?')}. " + "; ".join(desc_parts) + \
        ". Goal markers: p99 5 ms anonymous, 10 ms signed-in."
    sub = f"{info.get('date', '?')}, commit {info.get('commit', '?')}, {f['connections'] or '?'} connections"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-labelledby="t d">',
        f'<title id="t">{e(title)}</title>',
        f'<desc id="d">{e(desc)}</desc>',
        "<style>",
        "text{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;fill:#1f2328}",
        ".t{font-size:17px;font-weight:600}.h{font-size:14px;font-weight:600}.s{font-size:12px;fill:#59636e}",
        ".tick{font-size:11px;fill:#59636e}.lbl{font-size:12px}.v{font-size:11px;font-weight:600}",
        ".nm{font-size:11px;fill:#9a6700;font-style:italic}.q{font-size:12px;font-weight:700;fill:#cf222e}",
        ".grid{stroke:#d1d9e0;stroke-width:1}.axis{stroke:#59636e;stroke-width:1}",
        ".pr{fill:#0969da}.ng{fill:#8c959f}.goal{stroke:#cf222e;stroke-width:2;stroke-dasharray:4 3}",
        "</style>",
        f'<rect width="{W}" height="{H}" fill="#ffffff"/>',
        f'<text x="24" y="30" class="t">{e(title)}</text>',
        f'<text x="24" y="50" class="s">{e(sub)}</text>',
    ]
    if quick:
        out.append(f'<text x="{W - 24}" y="30" class="q" text-anchor="end">QUICK smoke run — not a measurement</text>')
    # Legend
    lx = W - 300
    out += [
        f'<rect x="{lx}" y="42" width="12" height="12" class="pr" rx="2"/>',
        f'<text x="{lx + 17}" y="52" class="lbl">Pressroom</text>',
        f'<rect x="{lx + 92}" y="42" width="12" height="12" class="ng" rx="2"/>',
        f'<text x="{lx + 109}" y="52" class="lbl">nginx, same bytes</text>',
        f'<line x1="{lx + 222}" y1="48" x2="{lx + 242}" y2="48" class="goal"/>',
        f'<text x="{lx + 247}" y="52" class="lbl">p99 goal</text>',
    ]
    out += panel(24, 64, 360, H - 70, "Requests per second", "higher is better", rps, "")
    out += panel(416, 64, 360, H - 70, "p99 latency, ms", "lower is better", p99, " ms", goals)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "bench/out/run-all"
    md_path = sys.argv[2] if len(sys.argv) > 2 else "bench/report.md"
    svg_path = sys.argv[3] if len(sys.argv) > 3 else "bench/report.svg"
    info = run_info(folder)
    f = figures(folder)
    mach = machine([read(folder, n) for n in ("article-page", "comments", "import", "search", "cold-start", "import-pg")])
    table = rows(f)
    with open(md_path, "w", encoding="utf-8") as out:
        out.write(markdown(f, info, mach, table))
    with open(svg_path, "w", encoding="utf-8") as out:
        out.write(svg(f, info))
    print(f"report: wrote {md_path} and {svg_path}")
    for row in table:
        print(f"  {row[0]}: {row[1]} | {row[3]} | goal {row[4]} | {row[5]}")


if __name__ == "__main__":
    main()
