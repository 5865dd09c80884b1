from pathlib import Path

import pytest

from solver.formats.solomon import (
    SCALE,
    parse_solomon,
    prize_unit,
    read_solomon,
    route_distance,
    scaled_distances,
    toptw_problem,
    vrptw_problem,
)

TINY = Path(__file__).parents[1] / "data" / "tiny_solomon.txt"


def test_reads_fleet_depot_and_customers() -> None:
    instance = read_solomon(TINY)
    assert (instance.name, instance.vehicles, instance.capacity) == ("TINY8", 3, 40)
    assert instance.depot.due == 400
    assert [c.id for c in instance.customers] == list(range(9))
    assert instance.customers[5].ready == 100 and instance.customers[5].demand == 20


def test_distances_are_truncated_to_one_decimal_exactly() -> None:
    instance = read_solomon(TINY)
    matrix = scaled_distances(instance)
    # (50,50) -> (70,55): sqrt(425) = 20.6155... -> 20.6 -> 206 tenths.
    assert matrix[0, 2] == 206
    # (50,50) -> (60,50) = 10 exactly: no floating-point loss below 100.
    assert matrix[0, 1] == 100
    expected = (matrix[0, 1] + matrix[1, 2] + matrix[2, 0]) / SCALE
    assert route_distance(instance, [1, 2]) == expected


def test_vrptw_reading_makes_every_customer_mandatory() -> None:
    problem = vrptw_problem(read_solomon(TINY))
    assert len(problem.stops) == 8 and len(problem.vehicles) == 3
    assert all(s.mandatory and s.prize == 0 for s in problem.stops)
    assert problem.stops[1].windows == ((20 * SCALE, 120 * SCALE),)
    assert all(v.capacity == 40 and v.shift_end == 400 * SCALE for v in problem.vehicles)


def test_toptw_reading_makes_score_dominate_distance() -> None:
    instance = read_solomon(TINY)
    problem = toptw_problem(instance, tours=2)
    unit = prize_unit(instance, 2)
    assert all(not s.mandatory for s in problem.stops)
    assert problem.stops[4].prize == 20 * unit
    assert all(v.capacity is None for v in problem.vehicles)
    # One score point outweighs the longest distance two tours can drive in the horizon.
    assert unit > 2 * instance.depot.due * SCALE


def test_rejects_a_file_without_depot_first() -> None:
    text = TINY.read_text().replace("\n    0        50", "\n    9        50", 1)
    with pytest.raises(ValueError):
        parse_solomon(text)
