from dataclasses import replace

from solver.week.index import WeekIndex
from solver.week.instance import PairingMode, Pin, PreviousVisit, SchoolKind, Week
from solver.week.model import WeekModel, build_model, previous_routes
from tests.solver.week.builders import need, school, staff, week


def model_of(w: Week, days: tuple[int, ...] = (0, 1)) -> WeekModel:
    index = WeekIndex(w)
    wanted = {d.id: d.sessions for d in index.demands}
    return build_model(index, days, wanted, previous_routes(w))


def test_one_stop_per_open_day_grouped_when_days_exceed_sessions() -> None:
    w = week(
        [school("S1", 10), school("S2", 10, closed_days=frozenset({1}))],
        [staff("A", {"choir"})],
        [need("N1", "S1", sessions=1), need("N2", "S2", sessions=1)],
    )
    m = model_of(w)
    assert sorted(m.stop_keys) == [("N1", 0), ("N1", 1), ("N2", 0)]
    (group,) = m.problem.groups
    assert group.max_visits == 1 and [m.stop_keys[s][0] for s in group.stops] == ["N1", "N1"]


def test_hard_pairing_keeps_unpaired_squads_out_soft_pairing_charges_them() -> None:
    squads = [
        staff("Paired", {"choir"}, townships=frozenset({"T1"})),
        staff("Elsewhere", {"choir"}, townships=frozenset({"T2"})),
    ]
    base = week([school("S1", 10, township="T1")], squads, [need("N1", "S1")], days=1)
    hard = model_of(replace(base, pairing=PairingMode.HARD), days=(0,))
    assert hard.problem.stops[0].allowed_vehicles == frozenset({0})
    soft = model_of(base, days=(0,))
    assert soft.problem.stops[0].allowed_vehicles == frozenset({0, 1})
    assert dict(soft.problem.stops[0].vehicle_costs) == {1: base.weights.unpaired_visit_cost}


def test_teaching_points_left_behind_and_carry_over_raise_the_prize() -> None:
    w = week(
        [
            school("V", 10),
            school("P", 10, kind=SchoolKind.TEACHING_POINT),
            school("L", 10, pupils=10, left_behind=10),
        ],
        [staff("A", {"choir"})],
        [need("NV", "V"), need("NP", "P"), need("NL", "L"), need("NC", "V", carry_over=2)],
        days=1,
    )
    m = model_of(w, days=(0,))
    prize = {key[0]: stop.prize for key, stop in zip(m.stop_keys, m.problem.stops, strict=True)}
    assert prize["NV"] < prize["NL"] and prize["NV"] < prize["NP"] < prize["NC"]
    # Coverage dominates driving: the cheapest session outweighs a full day's travel cap.
    assert min(prize.values()) > w.staff[0].max_travel_minutes


def test_preferred_days_cost_less_than_other_days() -> None:
    w = week(
        [school("S1", 10)],
        [staff("A", {"choir"})],
        [need("N1", "S1", preferred_days=frozenset({1}))],
    )
    m = model_of(w)
    costs = {
        key: dict(stop.vehicle_costs)
        for key, stop in zip(m.stop_keys, m.problem.stops, strict=True)
    }
    assert costs[("N1", 1)] == {}
    assert costs[("N1", 0)] == {0: w.weights.preferred_day_bonus}


def test_pins_fix_the_stop_to_its_staff_day_and_previous_visits_become_the_hint() -> None:
    base = week(
        [school("S1", 10), school("S2", 20)],
        [staff("A", {"choir"}), staff("B", {"choir"})],
        [need("N1", "S1"), need("N2", "S2")],
    )
    w = replace(base, pins=(Pin("N1", "B", 1),), previous=(PreviousVisit("N2", "A", 0, 600),))
    m = model_of(w)
    vehicle = m.vehicle_index()[("B", 1)]
    stop = m.stop_index()[("N1", 1)]
    assert m.problem.vehicles[vehicle].pinned == (stop,)
    assert m.problem.stops[stop].allowed_vehicles == frozenset({vehicle})
    assert m.problem.hint is not None
    assert m.problem.hint[m.vehicle_index()[("A", 0)]] == (m.stop_index()[("N2", 0)],)
    # Moving N2 off A's Monday costs the change penalty.
    moved = m.problem.stops[m.stop_index()[("N2", 1)]]
    assert set(dict(moved.vehicle_costs).values()) == {w.weights.change_cost}
