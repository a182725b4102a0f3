#!/usr/bin/env python3
"""Solve an MPS or LP file with HiGHS (pip install highspy) under a time limit.

Usage: highs.py FILE SECONDS [GAP]   (GAP: relative MIP gap to stop at, default 0: prove optimality)
Prints one line: status objective bound seconds  (objective/bound "-" when HiGHS has none).
The seconds cover reading the file and solving, measured here.
"""
import sys, time

import highspy

path, limit = sys.argv[1], float(sys.argv[2])
gap = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
started = time.monotonic()
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", limit)
h.setOptionValue("mip_rel_gap", gap)
h.readModel(path)
h.run()
seconds = time.monotonic() - started
status = h.modelStatusToString(h.getModelStatus()).lower().replace(" ", "_")
info = h.getInfo()
has = info.primal_solution_status == 2  # a feasible solution
objective = f"{info.objective_function_value:.2f}" if has else "-"
bound = f"{info.mip_dual_bound:.2f}" if h.getLp().integrality_ else "-"
print(status, objective, bound, f"{seconds:.2f}")
