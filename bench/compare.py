#!/usr/bin/env python3
"""Puts tuning steps side by side: the API's req/s, p99 and ratio to its reference per scenario, one column per step.

usage: python3 bench/compare.py bench/results/steps/s1-before.json bench/results/steps/s1-after.json ...
Each file is a run written with `bench/run.sh --label NAME` (or a results/scale-N.json); the label names its column.
"""
import json
import os
import sys

SCENARIOS = [("status", "plan status", "pgb"), ("agency", "agency item page", "raw"), ("search", "item search q=", "raw"),
             ("changes", "change-feed page", "raw"), ("notmodified", "304 revalidation", "bare"), ("post", "POST report", "pgbw")]


def cell(run, scen, ref):
    s = run["scenarios"].get(scen, {})
    api = s.get("api", {})
    if "median" not in api:
        return "—"
    r = s.get(ref, {}).get("median") or (run.get("bare", {}).get("median") if ref == "bare" else None)
    ratio = f", {api['median'] / r:.2f}× {ref}" if r else ""
    p99 = f", p99 {api['p99']:.0f} ms" if api.get("p99") is not None else ""
    return f"{api['median']:,.0f}{p99}{ratio}"


def main():
    runs = [(os.path.splitext(os.path.basename(p))[0], json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:]]
    print("| scenario | " + " | ".join(f"{name} ({run['meta'].get('commit', '?')})" for name, run in runs) + " |")
    print("|---|" + "---|" * len(runs))
    for scen, title, ref in SCENARIOS:
        print(f"| {title} | " + " | ".join(cell(run, scen, ref) for _, run in runs) + " |")
    print("| API peak RSS | " + " | ".join(f"{run['meta']['api_vmhwm_kb'] / 1024:.0f} MB" for _, run in runs) + " |")


if __name__ == "__main__":
    main()
