"""Hypothesis profiles for the whole suite.

``ci`` (the default, used by ``pytest`` and .ci/run) is reproducible and
bounded: a fixed number of examples, derandomised (the same examples every
run, on every machine), no deadline (two shared cores make timings noise) and
no example database.  ``dev`` explores new random examples and remembers
failures; ``deep`` is for an occasional long fuzzing session.  Choose one with
``HYPOTHESIS_PROFILE=dev pytest``.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=300,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep",
    max_examples=5000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
