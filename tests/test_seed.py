"""The demo county generator: deterministic, pure, sized as the issue asks, consistent."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

from seed.demo import ARTS, generate
from seed.geo import distance_km

COUNTY = generate()


def test_same_seed_same_county_other_seed_other_county() -> None:
    assert generate() == COUNTY
    assert generate(7) != COUNTY


def test_generator_imports_nothing_from_the_app() -> None:
    code = "import sys, seed.demo; sys.exit(any(m.split('.')[0] == 'app' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_sizes_meet_the_brief() -> None:
    kinds = Counter(s.kind for s in COUNTY.schools)
    roles = Counter(t.role for t in COUNTY.teachers)
    assert len(COUNTY.townships) >= 16  # the county seat plus 15+ rural townships
    assert len(COUNTY.schools) >= 150 and set(kinds) == {
        "教学点",
        "村小",
        "中心校",
        "初中",
        "城区学校",
    }
    assert len(COUNTY.squads) >= 20
    assert roles["psychology"] >= 15 and len(COUNTY.cases) >= 200
    assert roles["studio"] + roles["backbone"] >= 10
    assert len(COUNTY.posts) >= 30 and len(COUNTY.vice_principals) > len(COUNTY.posts)


def test_geography_is_a_hexi_corridor_county() -> None:
    seat = (COUNTY.townships[0].latitude, COUNTY.townships[0].longitude)
    assert distance_km(seat, (38.9, 100.4)) < 10
    points = [(t.latitude, t.longitude) for t in COUNTY.townships]
    gaps = [distance_km(a, b) for i, a in enumerate(points) for b in points[i + 1 :]]
    assert min(gaps) >= 10
    assert all(10 <= distance_km(seat, p) <= 80 for p in points[1:])
    assert {s.kind for s in COUNTY.schools if s.township_code == "T00"} == {"城区学校"}


def test_references_and_vocabulary_are_consistent() -> None:
    schools = {s.code for s in COUNTY.schools}
    teachers = {t.code: t for t in COUNTY.teachers}
    assert len(schools) == len(COUNTY.schools)
    assert {n.school_code for n in COUNTY.needs} <= schools
    assert {n.skill for n in COUNTY.needs} <= set(COUNTY.skills)
    assert all(set(s.skills) <= set(COUNTY.skills) for s in COUNTY.squads)
    assert all(teachers[c.teacher_code].role == "psychology" for c in COUNTY.cases)
    assert len({c.code for c in COUNTY.cases}) == len(COUNTY.cases)
    paired = {code for s in COUNTY.squads for code in s.paired_township_codes}
    assert paired == {t.code for t in COUNTY.townships[1:]}  # every rural township has a squad


def test_village_demand_exceeds_squad_capacity_but_mostly_fits_the_pairing() -> None:
    art_needs = [n for n in COUNTY.needs if n.skill in ARTS]
    sessions = sum(n.sessions_per_week for n in art_needs)
    # A squad day fits about three visits once the drive out and back is counted.
    capacity = 3 * sum(len(s.availability) for s in COUNTY.squads)
    assert capacity < sessions < 1.4 * capacity
    township = {s.code: s.township_code for s in COUNTY.schools}
    offered = Counter(
        (code, skill)
        for s in COUNTY.squads
        for code in s.paired_township_codes
        for skill in s.skills
    )
    coverable = [n for n in art_needs if offered[(township[n.school_code], n.skill)]]
    assert len(coverable) >= 0.8 * len(art_needs)
    villages = {s.code for s in COUNTY.schools if s.kind in ("村小", "教学点")}
    assert villages <= {n.school_code for n in COUNTY.needs}
