"""Benchmarks: start-up, memory, CPU, timing, cue latency and history at scale, against a bare PySide6 window.

Run them all with `python -m benchmarks` (add `--quick` for a seconds-long smoke run); see docs/benchmarks.md.
"""
