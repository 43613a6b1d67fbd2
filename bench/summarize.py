#!/usr/bin/env python3
"""Summarises one bench/run.sh run into bench/results/scale-N.json and rebuilds bench/RESULTS.md from every
results/scale-*.json (so runs at two sizes give one report with a growth section). bench/NOTES.md, when present, is
appended: the hand-written reading of the figures.

usage: summarize.py RUN_DIR RESULT_JSON RESULTS_MD
       summarize.py --step RUN_DIR STEP_JSON   (a tuning step: its own JSON, tables printed, RESULTS.md untouched)
"""
import glob
import json
import os
import re
import statistics
import sys

SCENARIOS = [
    ("item", "One item by plan and ordinal", "GET /api/v1/plans/{plan}/items/{ordinal}"),
    ("status", "Plan status summary (largest plan)", "GET /api/v1/plans/{plan}/status"),
    ("agency", "An agency's item list, first page", "GET /api/v1/agencies/{agency}/items"),
    ("search", "Item search with q=", "GET /api/v1/plans/{plan}/items?q={q}"),
    ("changes", "A change-feed page", "GET /api/v1/changes?after={after}"),
    ("notmodified", "GET with a matching If-None-Match (304)", "GET /api/v1/plans/{plan}/status + If-None-Match"),
    ("post", "POST a progress report with an Idempotency-Key", "POST /api/v1/plans/{plan}/items/{n}/progress-reports"),
]
TARGET_NAMES = {
    "api": "PlanApi (Release, default config)",
    "raw": "raw Npgsql, same SQL (RawApp)",
    "pgb": "pgbench, same SQL (-M prepared)",
    "pgbw": "pgbench, the INSERTs/UPDATE only",
    "bare": "bare Kestrel JSON (HTTP ceiling)",
}
READS = ["item", "status", "agency", "search", "changes", "notmodified"]


def parse_wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"BENCH_RESULT (.*)", text)
    if not m:
        return {"ok": False, "error": "no result: " + text.strip()[-300:].replace("\n", " ")}
    kv = dict(p.split("=") for p in m.group(1).split())
    kv = {k: int(v) for k, v in kv.items()}
    errors = kv["status_errors"] + kv["connect_errors"] + kv["read_errors"] + kv["write_errors"] + kv["timeouts"]
    r = {
        "ok": True,
        "rps": kv["requests"] / (kv["duration_us"] / 1e6),
        "p50": kv["p50_us"] / 1000, "p99": kv["p99_us"] / 1000,
        "requests": kv["requests"], "errors": errors,
    }
    if kv["requests"] == 0:
        # Nothing completed within the run (wrk's timeout is 10 s): latencies are unknown, and longer than the run.
        r["p50"] = r["p99"] = None
    e = re.search(r"BENCH_ETAG before=(\S*) after=(\S*)", text)
    if e:
        r["etag_stable"] = bool(e.group(1)) and e.group(1) == e.group(2)
        if not r["etag_stable"]:
            r["errors"] += 1
    return r


def parse_pgbench(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", text)
    if not m:
        errors = [line for line in text.splitlines() if "error:" in line]
        return {"ok": False, "error": "no tps: " + (errors[0] if errors else text.strip()[-300:].replace("\n", " "))}
    failed = re.search(r"number of failed transactions: (\d+)", text)
    lat = []
    for f in glob.glob(path[:-4] + ".log.d/tx*"):
        for line in open(f):
            parts = line.split()
            if len(parts) >= 3 and parts[2].isdigit():
                lat.append(int(parts[2]))
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p))] / 1000 if lat else float("nan")
    return {
        "ok": True, "rps": float(m.group(1)), "p50": pct(0.50), "p99": pct(0.99),
        "requests": len(lat), "errors": int(failed.group(1)) if failed else 0,
    }


def add_cpu(r, path):
    """CPU per request from run.sh's <name>.cpu (clock ticks of the serving process and of PostgreSQL over the run)."""
    r["cpu_app_us"] = r["cpu_pg_us"] = r["load_start"] = r["load_end"] = None
    if not os.path.exists(path):
        return
    app, pg, tck, l0, l1 = open(path).read().split()
    r["load_start"], r["load_end"] = float(l0), float(l1)
    if r.get("ok") and r.get("requests"):
        per = 1e6 / int(tck) / r["requests"]
        r["cpu_app_us"] = None if app == "-" else int(app) * per
        r["cpu_pg_us"] = int(pg) * per


def summarise_run(run_dir):
    meta = json.load(open(os.path.join(run_dir, "meta.json"), encoding="utf-8"))
    same = {}
    if os.path.exists(os.path.join(run_dir, "same-bytes.tsv")):
        for line in open(os.path.join(run_dir, "same-bytes.tsv")):
            k, v = line.split()
            same[k] = v
    samples = {}
    for line in open(os.path.join(run_dir, "runs.tsv")):
        rnd, scen, target, name = line.split()
        path = os.path.join(run_dir, name + ".txt")
        r = parse_pgbench(path) if target in ("pgb", "pgbw") else parse_wrk(path)
        add_cpu(r, os.path.join(run_dir, name + ".cpu"))
        r["round"] = int(rnd)
        samples.setdefault(scen, {}).setdefault(target, []).append(r)
    result = {"meta": meta, "same_bytes": same, "scenarios": {}}
    bare_all = [x for x in samples.get("bare", {}).get("bare", []) if x["ok"]]
    for scen, targets in samples.items():
        out = {}
        for target, runs in targets.items():
            good = [x for x in runs if x["ok"]]
            if not good:
                out[target] = {"runs": runs}
                continue
            rps = [x["rps"] for x in good]
            timed = [x for x in good if x["p50"] is not None]
            med = lambda k: (statistics.median([x[k] for x in good if x.get(k) is not None])
                             if any(x.get(k) is not None for x in good) else None)
            out[target] = {
                "median": statistics.median(rps), "min": min(rps), "max": max(rps),
                "p50": statistics.median([x["p50"] for x in timed]) if len(timed) == len(good) else None,
                "p99": statistics.median([x["p99"] for x in timed]) if len(timed) == len(good) else None,
                "p99_max": max(x["p99"] for x in timed) if len(timed) == len(good) else None,
                "p99_min": min(x["p99"] for x in timed) if len(timed) == len(good) else None,
                "cpu_app_us": med("cpu_app_us"), "cpu_pg_us": med("cpu_pg_us"),
                "errors": sum(x["errors"] for x in good), "n": len(good), "runs": runs,
            }
        result["scenarios"][scen] = out
    if bare_all:
        rps = [x["rps"] for x in bare_all]
        result["bare"] = {"median": statistics.median(rps), "min": min(rps), "max": max(rps)}
        cpu = [x["cpu_app_us"] for x in bare_all if x.get("cpu_app_us") is not None]
        if cpu:
            result["bare"]["cpu_app_us"] = statistics.median(cpu)
    return result


def fmt_rps(t):
    return f"{t['median']:,.0f} [{t['min']:,.0f}–{t['max']:,.0f}]"


def ratio(a, b):
    return a / b if b else float("nan")


def ms(v):
    return f"{v:.2f}" if v is not None else "> run"


def us(v):
    return f"{v:,.0f}" if v is not None else "—"


def fmt_ratio(r):
    return f"{r:.2f}×" if r == r else "—"


def targets_table(res):
    s = res["scenarios"]
    g = lambda scen, t: s.get(scen, {}).get(t, {}).get("median", float("nan"))
    rows = []

    def row(name, value, goal, ok, note=""):
        rows.append(f"| {name} | {value} | {goal} | {'**met**' if ok else '**missed**'} | {note} |")

    r = ratio(g("status", "api"), g("status", "pgb"))
    if "status" in s:
        row("status vs pgbench computing it from scratch", fmt_ratio(r), "≥ 1.0×", r >= 1.0)
    for scen, label in (("item", "item by key"), ("agency", "agency item page"), ("search", "item search q=")):
        if scen not in s:
            continue
        r = ratio(g(scen, "api"), g(scen, "raw"))
        row(f"{label} vs raw Npgsql, same SQL", fmt_ratio(r) + (" (neither completed a request within a run)" if r != r else ""), "≥ 0.75×", r >= 0.75)
    r = ratio(g("notmodified", "api"), g("notmodified", "bare"))
    if "notmodified" in s:
        row("304 vs bare Kestrel", fmt_ratio(r), "≥ 0.5×", r >= 0.5)
    r = ratio(g("post", "api"), g("post", "pgbw"))
    r2 = ratio(g("post", "api"), g("post", "pgb"))
    if "post" in s:
        row("POST report vs pgbench, the same INSERTs", f"{fmt_ratio(r)} ({fmt_ratio(r2)} vs every statement of the transaction)", "≥ 0.5×", r >= 0.5)
    for scen in READS:
        api = s.get(scen, {}).get("api")
        if api and "p99" in api:
            if api["p99"] is None:
                row(f"p99 of {scen} at {res['meta']['connections']} connections", "no request completed within a run", "< 50 ms", False)
            else:
                row(f"p99 of {scen} at {res['meta']['connections']} connections", f"{api['p99']:.1f} ms (worst run {api['p99_max']:.1f})",
                    "< 50 ms", api["p99"] < 50)
    mb = res["meta"]["api_vmhwm_kb"] / 1024
    row("API peak RSS (VmHWM)", f"{mb:.0f} MB", "< 400 MB", mb < 400)
    return rows


def section(res):
    m = res["meta"]
    lines = [f"## Scale ×{m['scale']}", ""]
    lines += [
        f"- Command: `{m['command']}` ({m['date']})",
        f"- Store: {m['counts']}; database {m['database_size']}; generated in {m['generate_seconds']} s (`{m['store']}`)",
        f"- Machine: {m['cpu']}, {m['memory']} RAM, Linux {m['kernel']}, .NET SDK {m['dotnet']}, PostgreSQL {m['postgres']}, {m['wrk']}; "
        f"load average {m['load_start']} at the start, {m['load_end']} at the end (the benchmark's own wrk, API, raw app and PostgreSQL included)",
        f"- wrk: {m['connections']} connections, {m['threads']} threads, {m['duration']} per run, {m['runs']} runs per target, "
        f"targets of a scenario back to back and their order rotated each round; pgbench: -M prepared, -c {m['pool']} "
        f"(the connections the API's pool opened under {m['connections']} HTTP connections), -j {m['threads']}",
        f"- Targets: plan `{m['plan']}` (Cần Thơ's city plan, 60 items), agency `{m['agency']}`, q=`{m['query']}`, "
        f"change feed after={m['after']} (limit 100), POST on {m['post_targets']} items of {m['post_plans']} plans with {m['post_plans']} reporter keys",
        f"- API peak RSS (VmHWM): **{m['api_vmhwm_kb'] / 1024:.0f} MB**",
        "- CPU µs/req: CPU time (user + system) over the run ÷ its requests (pgbench: transactions), median of the rounds; "
        "app = the process that answered (the API; RawApp for raw Npgsql and bare Kestrel; none for pgbench), "
        "PostgreSQL = the bench cluster's postmaster and all its backends",
        f"- Same bytes from the API and the raw SQL app: " + ", ".join(f"{k} {v}" for k, v in res.get("same_bytes", {}).items()),
        "",
    ]
    for scen, title, path in SCENARIOS:
        targets = res["scenarios"].get(scen)
        if not targets:
            continue
        api = targets.get("api", {}).get("median")
        lines += [f"### {title}", "", f"`{path}`", "",
                  "| target | req/s median [min–max] | p50 ms | p99 ms | API ÷ target | errors | CPU µs/req: app | PostgreSQL |",
                  "|---|---|---|---|---|---|---|---|"]
        for t in ("api", "raw", "pgb", "pgbw", "bare"):
            x = targets.get(t)
            if not x:
                continue
            if "median" not in x:
                lines.append(f"| {TARGET_NAMES[t]} | failed | | | | {x['runs'][0].get('error', '')[:120].replace('|', '/')} | | |")
                continue
            rr = "—" if t == "api" else fmt_ratio(ratio(api, x['median']))
            lines.append(f"| {TARGET_NAMES[t]} | {fmt_rps(x)} | {ms(x['p50'])} | {ms(x['p99'])} | {rr} | {x['errors']} | "
                         f"{us(x.get('cpu_app_us'))} | {us(x.get('cpu_pg_us'))} |")
        if scen != "notmodified" and "bare" in res and api is not None:
            lines.append(f"| {TARGET_NAMES['bare']} (every round) | {fmt_rps(res['bare'])} | | | {fmt_ratio(ratio(api, res['bare']['median']))} | | "
                         f"{us(res['bare'].get('cpu_app_us'))} | |")
        lines.append("")
    lines += ["### Targets", "", "| target | measured | goal | | |", "|---|---|---|---|---|"] + targets_table(res) + [""]
    return lines


def growth(results):
    if len(results) < 2:
        return []
    base, top = results[0], results[-1]
    b, t = base["meta"]["scale"], top["meta"]["scale"]
    lines = [f"## Growth: ×{b} → ×{t}", "",
             f"Store: {base['meta']['counts']} ({base['meta']['database_size']}) → {top['meta']['counts']} ({top['meta']['database_size']}).", "",
             f"| scenario | API req/s ×{b} | API req/s ×{t} | change | raw Npgsql change | pgbench change | p99 ×{b} → ×{t} | goal (reads): drop < 20% |",
             "|---|---|---|---|---|---|---|---|"]
    for scen, title, _ in SCENARIOS:
        sb, st = base["scenarios"].get(scen, {}), top["scenarios"].get(scen, {})
        if "median" not in sb.get("api", {}) or "median" not in st.get("api", {}):
            continue
        ch = lambda k: (f"{(st[k]['median'] / sb[k]['median'] - 1) * 100:+.0f}%"
                        if sb.get(k, {}).get("median") and "median" in st.get(k, {}) else "—")
        d = st["api"]["median"] / sb["api"]["median"] - 1
        goal = ("**met**" if d > -0.20 else "**missed**") if scen in READS else "—"
        lines.append(f"| {title} | {sb['api']['median']:,.0f} | {st['api']['median']:,.0f} | {d * 100:+.0f}% | {ch('raw')} | "
                     f"{ch('pgbw' if scen == 'post' else 'pgb')} | {ms(sb['api']['p99'])} → {ms(st['api']['p99'])} ms | {goal} |")
    lines += ["", f"API peak RSS: {base['meta']['api_vmhwm_kb'] / 1024:.0f} MB → {top['meta']['api_vmhwm_kb'] / 1024:.0f} MB.", ""]
    return lines


def write_report(results_md):
    """RESULTS.md from every results/scale-*.json, with NOTES.md (the reading of the figures) at the end."""
    bench = os.path.dirname(os.path.abspath(results_md))
    results = sorted((json.load(open(f, encoding="utf-8")) for f in glob.glob(os.path.join(bench, "results", "scale-*.json"))),
                     key=lambda r: r["meta"]["scale"])
    md = ["# PlanApi benchmark results", "",
          "Generated by `bench/run.sh` (see bench/README.md); the reading of the figures is at the end (bench/NOTES.md).",
          "req/s are medians over the runs with [min–max]; p50/p99 are the medians of the runs' percentiles; "
          "\"API ÷ target\" is the API's median over the target's.", ""]
    for r in results:
        md += section(r)
    md += growth(results)
    notes = os.path.join(bench, "NOTES.md")
    if os.path.exists(notes):
        md += [open(notes, encoding="utf-8").read().rstrip(), ""]
    open(results_md, "w", encoding="utf-8").write("\n".join(md))


def main():
    # summarize.py RUN_DIR RESULT_JSON RESULTS_MD | --step RUN_DIR STEP_JSON | --report RESULTS_MD (after editing NOTES.md)
    if len(sys.argv) == 3 and sys.argv[1] == "--report":
        write_report(sys.argv[2])
        return
    if sys.argv[1] == "--step":
        run_dir, step_json = sys.argv[2:4]
        res = summarise_run(run_dir)
        json.dump(res, open(step_json, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        print("\n".join(section(res)))
        return
    run_dir, result_json, results_md = sys.argv[1:4]
    res = summarise_run(run_dir)
    json.dump(res, open(result_json, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    write_report(results_md)
    print("\n".join(section(res)))


if __name__ == "__main__":
    main()
