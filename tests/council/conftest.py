"""Council tests: every test starts and ends with no cached catalogue snapshot."""

import pytest

from tdkt.law import catalogue as cat


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    cat.clear_cache()
    yield
    cat.clear_cache()
