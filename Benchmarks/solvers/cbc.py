#!/usr/bin/env python3
"""Solve an MPS or LP file with CBC (Debian's coinor-cbc) under a time limit.

Usage: cbc.py FILE SECONDS [GAP]   (GAP: relative MIP gap to stop at, default 0: prove optimality)
Prints one line: status objective bound seconds  (objective/bound "-" when CBC has none).
The seconds cover CBC's whole run (reading the file and solving), measured here.
"""
import re, subprocess, sys, time

path, limit = sys.argv[1], float(sys.argv[2])
gap = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
started = time.monotonic()
run = subprocess.run(["cbc", path, "-sec", str(limit), "-ratio", str(gap), "-solve", "-quit"],
                     capture_output=True, text=True)
seconds = time.monotonic() - started
out = run.stdout

def number(label):
    m = re.search(label + r":\s+([-0-9.e+]+)", out)
    return float(m.group(1)) if m else None

result = re.search(r"Result - (.*)", out)
text = result.group(1).lower() if result else "error"
if "optimal" in text:
    status = "optimal"
elif "infeasible" in text:
    status = "infeasible"
elif "time" in text or "stopped" in text:
    status = "time_limit"
else:
    status = "error"
objective = number("Objective value")
if status == "time_limit" and "No feasible solution" in out:
    objective = None
bound = number("Lower bound") if status != "optimal" else objective
fmt = lambda v: f"{v:.2f}" if v is not None else "-"
print(status, fmt(objective), fmt(bound), f"{seconds:.2f}")
