"""Test configuration shared by every suite."""

import os

from hypothesis import HealthCheck, settings

# Property tests run without per-example deadlines: CI machines have 2 cores and timing varies.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
