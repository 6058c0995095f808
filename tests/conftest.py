"""Hypothesis profiles for the whole suite.

``ci`` (the default, used by ``pytest`` and .ci/run) is reproducible and
bounded: a fixed number of examples, derandomised (the same examples every
run, on every machine), no deadline (two shared cores make timings noise) and
no example database.  ``dev`` explores new random examples and remembers
failures; ``deep`` is for an occasional long fuzzing session.  Choose one with
``HYPOTHESIS_PROFILE=dev pytest``.  ``HYPOTHESIS_MAX_EXAMPLES=N`` bounds a
``dev`` or ``deep`` session to N examples per test (a session that must end
in a given time; SECURITY.md records the one the leak suite was run with).
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
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_bound = os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "").strip()
if _bound and PROFILE != "ci":  # ci stays what it is, so CI runs stay reproducible
    settings.register_profile(f"{PROFILE}-bounded", settings.get_profile(PROFILE), max_examples=int(_bound))
    PROFILE = f"{PROFILE}-bounded"
settings.load_profile(PROFILE)
