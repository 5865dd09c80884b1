"""The OSRM client against a real local server speaking ``/table/v1``."""

from __future__ import annotations

import math
import random
import time

import pytest

from app.travel import GreatCircleProvider, OsrmProvider, Place, TravelError, WithFallback
from tests.travel.osrm_server import expected_seconds, osrm_server


def _places(n: int, seed: int = 7) -> list[Place]:
    rng = random.Random(seed)
    return [
        Place(f"S{i:03d}", 38.9 + rng.uniform(-0.4, 0.4), 100.4 + rng.uniform(-0.5, 0.5))
        for i in range(n)
    ]


def test_matrix_matches_the_server_and_is_chunked() -> None:
    places = _places(23)
    with osrm_server() as (url, state):
        matrix = OsrmProvider(url, block_size=10).minutes(places)
    # 23 places in blocks of 10 → 3 × 3 block requests, none wider than two blocks.
    assert len(state.requests) == 9
    assert state.max_coordinates <= 20
    for i, a in enumerate(places):
        for j, b in enumerate(places):
            want = 0 if i == j else math.ceil(expected_seconds((a.lon, a.lat), (b.lon, b.lat)) / 60)
            assert matrix[i][j] == want


def test_a_server_that_never_answers_fails_fast_with_a_reason() -> None:
    with osrm_server("slow") as (url, state):
        state.delay_seconds = 3.0
        began = time.monotonic()
        with pytest.raises(TravelError) as err:
            OsrmProvider(url, timeout_seconds=0.3, retries=1).minutes(_places(3))
        took = time.monotonic() - began
    assert took < 2.5  # two attempts of 0.3 s, not the server's 3 s each
    assert "2 attempts" in err.value.message_en
    assert "无响应" in err.value.message


@pytest.mark.parametrize(
    ("mode", "needle"),
    [("garbage", "invalid JSON"), ("error", "TooBig"), ("unreachable", "no road")],
)
def test_bad_answers_are_reported_not_trusted(mode: str, needle: str) -> None:
    with osrm_server(mode) as (url, _), pytest.raises(TravelError) as err:
        OsrmProvider(url).minutes(_places(4))
    assert needle in err.value.message_en


def test_fallback_gives_the_estimate_when_the_server_fails() -> None:
    places = _places(5)
    estimate = GreatCircleProvider(detour_factor=1.4, speed_kmh=40)
    with osrm_server("garbage") as (url, _):
        matrix = WithFallback(OsrmProvider(url), estimate).minutes(places)
    assert matrix == estimate.minutes(places)


def test_nothing_listening_is_a_clear_error() -> None:
    with osrm_server() as (url, _):
        pass  # the server is gone once the block ends
    with pytest.raises(TravelError) as err:
        OsrmProvider(url, timeout_seconds=0.5, retries=0).minutes(_places(2))
    assert "cannot reach" in err.value.message_en or "failed after" in err.value.message_en
