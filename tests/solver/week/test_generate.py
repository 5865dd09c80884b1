from solver.week.generate import CountySpec, generate_county
from solver.week.instance import SchoolKind


def test_a_seed_names_a_county() -> None:
    spec = CountySpec(schools=40, squads=4, psychology_teachers=2, cases=10, studios=2)
    assert generate_county(spec, 3) == generate_county(spec, 3)
    assert generate_county(spec, 3) != generate_county(spec, 4)


def test_county_has_the_asked_sizes_and_teaching_points() -> None:
    spec = CountySpec(schools=60, squads=6, psychology_teachers=3, cases=20, studios=2)
    week = generate_county(spec, 1)
    assert len(week.schools) == 60 and len(week.cases) == 20
    assert len(week.staff) == 6 + 3 + 2
    assert any(s.kind == SchoolKind.TEACHING_POINT for s in week.schools)
    assert {c.teacher for c in week.cases} <= {s.id for s in week.staff}
