#!/usr/bin/env python3
"""Puts tuning steps side by side: per scenario, the API's req/s median [min–max], p50/p99, ratio to its reference and
CPU per request (the API's and PostgreSQL's), one column per step.

usage: python3 bench/compare.py bench/results/steps/s1-before.json bench/results/steps/s1-after.json ...
Each file is a run written with `bench/run.sh --label NAME` (or a results/scale-N.json); the label names its column.
"""
import json
import os
import sys

SCENARIOS = [("item", "item by key", "raw"), ("status", "plan status", "pgb"), ("agency", "agency item page", "raw"),
             ("search", "item search q=", "raw"), ("changes", "change-feed page", "raw"),
             ("notmodified", "304 revalidation", "bare"), ("post", "POST report", "pgbw")]


def cell(run, scen, ref):
    s = run["scenarios"].get(scen, {})
    api = s.get("api", {})
    if "median" not in api:
        return "—"
    r = s.get(ref, {}).get("median") or (run.get("bare", {}).get("median") if ref == "bare" else None)
    text = f"{api['median']:,.0f} [{api['min']:,.0f}–{api['max']:,.0f}]"
    if api.get("p99") is not None:
        text += f", p50 {api['p50']:.1f} / p99 {api['p99']:.0f} ms"
    if r:
        text += f", {api['median'] / r:.2f}× {ref}"
    if api.get("cpu_app_us") is not None:
        text += f"; CPU {api['cpu_app_us']:,.0f} API + {api['cpu_pg_us']:,.0f} PG µs"
    return text


def main():
    runs = [(os.path.splitext(os.path.basename(p))[0], json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:]]
    # With two or more steps, a last column: the last step's API req/s over the first's.
    last = len(runs) > 1
    print("| scenario | " + " | ".join(f"{name} ({run['meta'].get('commit', '?')})" for name, run in runs)
          + (" | last ÷ first |" if last else " |"))
    print("|---|" + "---|" * (len(runs) + last))
    for scen, title, ref in SCENARIOS:
        row = f"| {title} | " + " | ".join(cell(run, scen, ref) for _, run in runs) + " |"
        if last:
            a, b = (r["scenarios"].get(scen, {}).get("api", {}).get("median") for r in (runs[0][1], runs[-1][1]))
            row += f" {b / a:.2f}× |" if a and b else " — |"
        print(row)
    print("| API peak RSS | " + " | ".join(f"{run['meta']['api_vmhwm_kb'] / 1024:.0f} MB" for _, run in runs) + " |" + (" |" if last else ""))
    print("| load average start → end | " + " | ".join(f"{run['meta'].get('load_start', '?')} → {run['meta'].get('load_end', '?')}"
                                                       for _, run in runs) + " |" + (" |" if last else ""))


if __name__ == "__main__":
    main()
