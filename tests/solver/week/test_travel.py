import pytest

from solver.week.instance import Base, Day, Week
from solver.week.travel import Roads, great_circle_km, matrix_from_coordinates


def test_great_circle_one_degree_of_latitude_is_111_km() -> None:
    assert great_circle_km(38.0, 100.0, 39.0, 100.0) == pytest.approx(111.2, abs=0.2)


def test_matrix_from_coordinates_applies_detour_and_speed() -> None:
    m = matrix_from_coordinates(
        {"a": (38.0, 100.0), "b": (38.0 + 45 / 111.2, 100.0)}, detour=1.0, speed_kmh=45.0
    )
    assert m.locations == ("a", "b")
    assert m.minutes[0][0] == 0
    assert m.minutes[0][1] == pytest.approx(60, abs=1) == m.minutes[1][0]


def test_roads_estimate_from_coordinates_without_a_matrix() -> None:
    week = Week((Day("mon"),), (Base("x", 38.9, 100.4), Base("y", 39.0, 100.4)), (), ())
    roads = Roads(week)
    assert roads.minutes("x", "y") > 0
    assert roads.minutes("x", "x") == 0
