"""Benchmarks: each prints its figures and a ratio against the peer measured in the same run."""
