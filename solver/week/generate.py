"""Synthetic counties for tests and benchmarks: a Hexi-corridor county around 38.9°N 100.4°E.

Townships 10–45 km from the county town, schools scattered around their township centre,
squads paired with townships, psychology teachers whose cases cluster in a few townships.
Everything is drawn from one ``random.Random(seed)``, so a seed names a county.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from solver.week.instance import (
    Availability,
    Base,
    Case,
    Day,
    Lunch,
    Need,
    PairingMode,
    School,
    SchoolKind,
    Staff,
    StaffKind,
    Week,
)

ARTS = ("choir", "rope_skipping", "calligraphy", "basketball", "dance")
STUDIO_SKILL = "lesson_research"  # 送培助教, 联校教研
BACKBONE_SKILL = "assist_teaching"  # 骨干教师助教
CENTRE = (38.93, 100.45)
DAY_LABELS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class CountySpec:
    schools: int = 100
    squads: int = 10
    psychology_teachers: int = 6
    cases: int = 60
    studios: int = 4
    days: int = 5
    pairing: PairingMode = PairingMode.SOFT
    # Days a week each squad can go out (they teach in their own school the rest).
    squad_days: int = 3


def _offset(origin: tuple[float, float], km: float, rng: random.Random) -> tuple[float, float]:
    angle = rng.uniform(0, 2 * math.pi)
    lat = origin[0] + km * math.cos(angle) / 111.0
    lon = origin[1] + km * math.sin(angle) / (111.0 * math.cos(math.radians(origin[0])))
    return round(lat, 5), round(lon, 5)


def generate_county(spec: CountySpec, seed: int = 0) -> Week:
    rng = random.Random(seed)
    n_townships = max(3, min(60, spec.schools // 15))
    townships = [f"T{t:02d}" for t in range(n_townships)]
    centres = {t: _offset(CENTRE, rng.uniform(10, 45), rng) for t in townships}
    schools = [_school(i, townships, centres, rng) for i in range(spec.schools)]
    days = tuple(Day(DAY_LABELS[d % 7]) for d in range(spec.days))
    bases = (Base("county_town", *CENTRE),)
    staff: list[Staff] = []
    for q in range(spec.squads):
        paired = frozenset({townships[q % n_townships]})
        skills = frozenset(rng.sample(ARTS, 2))
        staff.append(
            _staff(f"SQ{q:02d}", StaffKind.SQUAD, skills, spec.squad_days, spec, rng, paired)
        )
    for s in range(spec.studios):
        kind, skill = (
            (StaffKind.STUDIO, STUDIO_SKILL) if s % 2 == 0 else (StaffKind.BACKBONE, BACKBONE_SKILL)
        )
        staff.append(_staff(f"ST{s:02d}", kind, frozenset({skill}), 3, spec, rng))
    teachers = [
        _staff(f"PT{p:02d}", StaffKind.PSYCHOLOGY, frozenset({"psychology"}), 4, spec, rng)
        for p in range(spec.psychology_teachers)
    ]
    staff.extend(teachers)
    needs = _needs(schools, rng, spec)
    cases = _cases(schools, townships, teachers, spec.cases, rng)
    return Week(days, bases, tuple(staff), tuple(schools), needs, cases, pairing=spec.pairing)


def _school(
    i: int, townships: list[str], centres: dict[str, tuple[float, float]], rng: random.Random
) -> School:
    township = townships[i % len(townships)]
    first_in_township = i < len(townships)
    if first_in_township:
        kind, km, pupils = SchoolKind.CENTRAL, 0.5, rng.randint(300, 900)
    else:
        kind = rng.choices(
            [SchoolKind.VILLAGE, SchoolKind.TEACHING_POINT, SchoolKind.JUNIOR],
            weights=[50, 40, 10],
        )[0]
        km = rng.uniform(2, 12)
        pupils = rng.randint(8, 60) if kind == SchoolKind.TEACHING_POINT else rng.randint(80, 500)
    lat, lon = _offset(centres[township], km, rng)
    closed = frozenset({rng.randrange(5)}) if rng.random() < 0.05 else frozenset()
    return School(
        id=f"S{i:04d}",
        township=township,
        kind=kind,
        lat=lat,
        lon=lon,
        pupils=pupils,
        left_behind=round(pupils * rng.uniform(0.2, 0.7)),
        closed_days=closed,
    )


def _staff(
    staff_id: str,
    kind: StaffKind,
    skills: frozenset[str],
    days_out: int,
    spec: CountySpec,
    rng: random.Random,
    townships: frozenset[str] = frozenset(),
) -> Staff:
    days = sorted(rng.sample(range(spec.days), min(days_out, spec.days)))
    return Staff(
        id=staff_id,
        kind=kind,
        base="county_town",
        skills=skills,
        availability=tuple(Availability(d, 7 * 60 + 30, 18 * 60) for d in days),
        max_work_minutes=300,
        max_travel_minutes=240,
        lunch=Lunch(11 * 60 + 30, 13 * 60 + 30, 45),
        townships=townships,
    )


def _needs(schools: list[School], rng: random.Random, spec: CountySpec) -> tuple[Need, ...]:
    needs = []
    for school in schools:
        if school.kind in (SchoolKind.CENTRAL, SchoolKind.JUNIOR):
            skill = STUDIO_SKILL if school.kind == SchoolKind.CENTRAL else BACKBONE_SKILL
            if spec.studios and rng.random() < 0.6:
                needs.append(Need(f"N-{school.id}-{skill}", school.id, skill, 1, 90, 2))
            continue
        # A third of village schools ask for two skills: demand exceeds the squads' week.
        count = 2 if school.kind == SchoolKind.VILLAGE and rng.random() < 0.35 else 1
        for skill in rng.sample(ARTS, count):
            sessions = 2 if rng.random() < 0.25 else 1
            preferred = frozenset(rng.sample(range(spec.days), 2)) if rng.random() < 0.3 else None
            needs.append(
                Need(
                    id=f"N-{school.id}-{skill}",
                    school=school.id,
                    skill=skill,
                    sessions=sessions,
                    minutes=rng.choice((45, 60, 90)),
                    priority=rng.choice((1, 1, 2, 3)),
                    preferred_days=preferred or frozenset(),
                )
            )
    return tuple(needs)


def _cases(
    schools: list[School],
    townships: list[str],
    teachers: list[Staff],
    count: int,
    rng: random.Random,
) -> tuple[Case, ...]:
    if not teachers:
        return ()
    # Each teacher's cases sit in a few neighbouring townships, as in 定向定点.
    by_township: dict[str, list[School]] = {}
    for school in schools:
        if school.kind != SchoolKind.CENTRAL:
            by_township.setdefault(school.township, []).append(school)
    cases = []
    for c in range(count):
        teacher = teachers[c % len(teachers)]
        t = teachers.index(teacher)
        area = [townships[(t * 2 + k) % len(townships)] for k in range(2)]
        pool = [s for a in area for s in by_township.get(a, [])] or schools
        school = rng.choice(pool[: max(3, len(pool) // 2)])
        cases.append(
            Case(
                code=f"C{c:04d}",
                school=school.id,
                teacher=teacher.id,
                sessions=1 if rng.random() < 0.8 else 2,
                minutes=40,
                priority=rng.choice((2, 3)),
            )
        )
    return tuple(cases)
