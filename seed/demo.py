"""The demo county 祁川县: a fictional Hexi-corridor county around 38.9°N 100.4°E.

``generate(seed)`` is deterministic for a given seed and touches nothing outside this
package. Demand is sized to exceed the squads' weekly capacity somewhat (so a solve has
choices) while most of it stays coverable: needs mostly ask for skills that the squads
paired with the school's township have, and a few ask for rarer ones.
"""

from __future__ import annotations

import random
from datetime import date

from seed import names
from seed.geo import distance_km, offset
from seed.records import (
    Case,
    Closure,
    County,
    Need,
    Post,
    School,
    Slot,
    Squad,
    Teacher,
    Term,
    Township,
    VicePrincipal,
)

DEFAULT_SEED = 20260901
SEAT = (38.93, 100.45)
ARTS = ("合唱", "花样跳绳", "书法", "篮球", "舞蹈", "美术", "音乐", "足球", "剪纸", "武术")
STUDIO = ("送培助教", "联校教研", "研训课", "微讲座", "听课")
SUBJECTS = ("语文", "数学", "英语", "物理", "化学", "道德与法治")
COUNSELLING = "心理辅导"
CASE_CATEGORIES = ("留守儿童", "学业压力", "情绪困扰", "行为问题", "家庭变故", "其他")
TERM = Term("2026-2", "2026年秋季学期", date(2026, 9, 1), date(2027, 1, 15))


def generate(seed: int = DEFAULT_SEED) -> County:
    rng = random.Random(seed)
    townships = _townships(rng)
    schools = _schools(rng, townships)
    squads = _squads(rng, townships)
    psychologists = _psychology_teachers(rng, townships)
    visiting = _studio_and_backbone_teachers(rng, schools)
    posts = _posts(rng, schools)
    return County(
        code="QCX",
        name=names.COUNTY_NAME,
        skills=(*ARTS, COUNSELLING, *STUDIO, *SUBJECTS),
        pairing_mode="soft",
        detour_factor=1.35,
        road_speed_kmh=45.0,
        townships=tuple(townships),
        schools=tuple(schools),
        squads=tuple(squads),
        teachers=(*psychologists, *visiting),
        cases=tuple(_cases(rng, psychologists, schools)),
        needs=tuple(_needs(rng, schools, squads)),
        terms=(TERM,),
        posts=tuple(posts),
        vice_principals=tuple(_vice_principals(rng, schools, posts)),
        closures=(
            Closure(date(2026, 9, 25), date(2026, 9, 25), "中秋节"),
            Closure(date(2026, 10, 1), date(2026, 10, 7), "国庆节"),
            Closure(date(2027, 1, 1), date(2027, 1, 3), "元旦"),
        ),
    )


def _townships(rng: random.Random) -> list[Township]:
    """The county seat plus rural townships 10–80 km out, at least 10 km from each other."""
    placed = [Township("T00", names.SEAT_TOWN, *SEAT)]
    for index, name in enumerate(names.TOWNSHIPS, start=1):
        while True:
            point = offset(*SEAT, rng.uniform(12, 75), rng.uniform(0, 360))
            if all(distance_km(point, (t.latitude, t.longitude)) >= 10 for t in placed):
                break
        placed.append(Township(f"T{index:02d}", name, *point))
    return placed


def _school(
    rng: random.Random,
    township: Township,
    number: int,
    name: str,
    kind: str,
    km: tuple[float, float],
    pupils: tuple[int, int],
    left_behind_share: tuple[float, float],
    village: str,
) -> School:
    lat, lon = offset(township.latitude, township.longitude, rng.uniform(*km), rng.uniform(0, 360))
    count = rng.randint(*pupils)
    short_day = kind == "教学点"
    return School(
        code=f"S{township.code[1:]}{number:02d}",
        name=name,
        kind=kind,
        township_code=township.code,
        latitude=lat,
        longitude=lon,
        address=f"{township.name}{village}",
        pupils=count,
        left_behind_pupils=int(count * rng.uniform(*left_behind_share)),
        day_start="08:30" if short_day else "08:00",
        day_end="16:30" if short_day else "17:30",
        lunch_end="13:30" if short_day else "14:00",
    )


def _schools(rng: random.Random, townships: list[Township]) -> list[School]:
    seat, rural = townships[0], townships[1:]
    urban_names = (
        "县第一小学",
        "县第二小学",
        "县第三小学",
        "县实验小学",
        "县第四小学",
        "县第一中学",
        "县第二中学",
        "县第三中学",
        "县实验中学",
        "县第五小学",
    )
    schools = [
        _school(rng, seat, i, name, "城区学校", (0.3, 3), (800, 2500), (0.05, 0.1), "城区")
        for i, name in enumerate(urban_names, start=1)
    ]
    taken: set[str] = set()
    centrals: list[School] = []
    for township in rural:
        short = township.name[:-1]
        central = _school(
            rng, township, 1, f"{short}中心小学", "中心校", (0, 1), (300, 900), (0.2, 0.4), "镇区"
        )
        centrals.append(central)
        schools.append(central)
        number = 2
        if rng.random() < 0.6:
            schools.append(
                _school(
                    rng,
                    township,
                    number,
                    f"{short}初级中学",
                    "初中",
                    (0, 1.5),
                    (300, 1200),
                    (0.2, 0.4),
                    "镇区",
                )
            )
            number += 1
        villages = names.village_names(rng, rng.randint(7, 9), taken)
        for village in villages:
            teaching_point = rng.random() < 0.5
            kind = "教学点" if teaching_point else "村小"
            schools.append(
                _school(
                    rng,
                    township,
                    number,
                    f"{village}{'教学点' if teaching_point else '小学'}",
                    kind,
                    (2, 12),
                    (5, 40) if teaching_point else (40, 200),
                    (0.3, 0.6),
                    f"{village}村",
                )
            )
            number += 1
    # 城乡对口: each urban school is twinned with one township central school.
    urban = [s for s in schools if s.kind == "城区学校"]
    twinned = {c.code: u.code for c, u in zip(rng.sample(centrals, len(urban)), urban, strict=True)}
    return [School(**{**s.__dict__, "paired_school_code": twinned.get(s.code)}) for s in schools]


def _week(rng: random.Random, days: int) -> tuple[Slot, ...]:
    chosen = sorted(rng.sample(range(1, 6), days))
    return tuple(Slot(day, "13:00" if rng.random() < 0.2 else "08:00", "17:30") for day in chosen)


def _squads(rng: random.Random, townships: list[Township]) -> list[Squad]:
    rural = townships[1:]
    # Every rural township gets one squad; the rest take a second township nearby.
    pairing = [[t] for t in rural] + [[] for _ in range(22 - len(rural))]
    for extra in pairing[len(rural) :]:
        extra.extend(rng.sample(rural, 2))
    for first in pairing[: len(rural)]:
        if rng.random() < 0.3:
            near = min(
                (t for t in rural if t != first[0]),
                key=lambda t: distance_km(
                    (t.latitude, t.longitude), (first[0].latitude, first[0].longitude)
                ),
            )
            first.append(near)
    squads = []
    for index, paired in enumerate(pairing, start=1):
        skills = tuple(rng.sample(ARTS[:7], 2) + ([rng.choice(ARTS[7:])] if index % 4 == 0 else []))
        base = offset(*SEAT, rng.uniform(0.2, 3), rng.uniform(0, 360))
        squads.append(
            Squad(
                code=f"SQ{index:02d}",
                name=f"{skills[0]}援教小分队{index}队",
                skills=skills,
                base_latitude=base[0],
                base_longitude=base[1],
                availability=_week(rng, rng.choice((2, 2, 3))),
                max_work_minutes=rng.choice((420, 450, 480)),
                max_travel_minutes=rng.choice((180, 210, 240)),
                members=rng.randint(3, 6),
                paired_township_codes=tuple(t.code for t in paired),
            )
        )
    return squads


def _psychology_teachers(rng: random.Random, townships: list[Township]) -> list[Teacher]:
    teachers = []
    for index in range(1, 17):
        home = townships[0] if index <= 8 else townships[index - 8]
        base = offset(home.latitude, home.longitude, rng.uniform(0, 1.5), rng.uniform(0, 360))
        teachers.append(
            Teacher(
                code=f"PT{index:02d}",
                name=names.person_name(rng),
                skills=(COUNSELLING,),
                base_latitude=base[0],
                base_longitude=base[1],
                availability=_week(rng, rng.choice((3, 4))),
                max_work_minutes=420,
                max_travel_minutes=180,
                role="psychology",
            )
        )
    return teachers


def _studio_and_backbone_teachers(rng: random.Random, schools: list[School]) -> list[Teacher]:
    urban = [s for s in schools if s.kind == "城区学校"]
    second_middle = next(s for s in urban if s.name == "县第二中学")
    teachers = []
    for index in range(1, 13):
        studio = index <= 6
        home = rng.choice(urban) if studio else second_middle
        subject = rng.choice(SUBJECTS)
        teachers.append(
            Teacher(
                code=f"{'ST' if studio else 'BT'}{index:02d}",
                name=names.person_name(rng),
                skills=(*rng.sample(STUDIO, 3), subject) if studio else (subject, "听课"),
                base_latitude=home.latitude,
                base_longitude=home.longitude,
                availability=_week(rng, 2),
                max_work_minutes=450,
                max_travel_minutes=200,
                role="studio" if studio else "backbone",
                base_school_code=home.code,
            )
        )
    return teachers


def _cases(rng: random.Random, teachers: list[Teacher], schools: list[School]) -> list[Case]:
    rural = [s for s in schools if s.kind in ("村小", "教学点", "中心校")]
    cases: list[Case] = []
    for teacher in teachers:
        here = (teacher.base_latitude, teacher.base_longitude)
        # Fixed target, fixed place: a teacher's cases sit in a few nearby schools.
        nearby = sorted(rural, key=lambda s: distance_km(here, (s.latitude, s.longitude)))[:12]
        for school in rng.sample(nearby, 5):
            for _ in range(rng.randint(2, 4)):
                cases.append(
                    Case(
                        code=f"C-{len(cases) + 1:04d}",
                        school_code=school.code,
                        teacher_code=teacher.code,
                        category=rng.choice(CASE_CATEGORIES),
                        sessions_per_week=1,
                        minutes=rng.choice((30, 40, 45)),
                    )
                )
    return cases


def _needs(rng: random.Random, schools: list[School], squads: list[Squad]) -> list[Need]:
    offered: dict[str, set[str]] = {}
    for squad in squads:
        for code in squad.paired_township_codes:
            offered.setdefault(code, set()).update(squad.skills)
    needs = []
    for school in schools:
        if school.kind in ("村小", "教学点"):
            local = sorted(offered.get(school.township_code, set()))
            count = 2 if school.kind == "村小" and rng.random() < 0.35 else 1
            for skill in rng.sample(local, min(count, len(local))):
                # One in ten asks for something no paired squad offers: not coverable by pairing.
                if rng.random() < 0.1:
                    skill = rng.choice([s for s in ARTS if s not in local] or local)
                needs.append(_need(rng, school, skill, remote=school.kind == "教学点"))
        elif school.kind in ("中心校", "初中"):
            needs.append(_need(rng, school, rng.choice(STUDIO), remote=False, minutes=90))
    return needs


def _need(
    rng: random.Random, school: School, skill: str, remote: bool, minutes: int | None = None
) -> Need:
    return Need(
        school_code=school.code,
        skill=skill,
        sessions_per_week=2 if rng.random() < 0.1 else 1,
        minutes=minutes or rng.choice((45, 60, 60, 90)),
        preferred_weekdays=tuple(sorted(rng.sample(range(1, 6), rng.choice((0, 2, 3))))),
        # Remote teaching points are the ones the bureau least wants left out.
        priority=rng.randint(3, 5) if remote else rng.randint(1, 4),
        valid_from=TERM.start_date,
        valid_to=TERM.end_date,
    )


def _phase(school: School) -> str:
    return "middle" if school.kind == "初中" or school.name.endswith("中学") else "primary"


def _posts(rng: random.Random, schools: list[School]) -> list[Post]:
    rural_hosts = [s for s in schools if s.kind in ("中心校", "初中")][:22]
    urban_hosts = [s for s in schools if s.kind == "城区学校"]
    hosts = [(s, "挂职") for s in rural_hosts] + [(s, "轮岗") for s in urban_hosts]
    return [
        Post(
            code=f"P26-{index:02d}",
            term_code=TERM.code,
            host_school_code=school.code,
            direction=direction,
            phase=_phase(school),
            seats=2 if direction == "挂职" and rng.random() < 0.2 else 1,
            wanted_subjects=tuple(rng.sample(SUBJECTS, rng.choice((1, 2)))),
            priority=rng.randint(2, 5),
        )
        for index, (school, direction) in enumerate(hosts, start=1)
    ]


def _vice_principals(
    rng: random.Random, schools: list[School], posts: list[Post]
) -> list[VicePrincipal]:
    urban = [s for s in schools if s.kind == "城区学校"]
    centrals = [s for s in schools if s.kind == "中心校"]
    # New urban vice-principals go out (挂职); rural ones rotate into town (轮岗).
    homes = [(rng.choice(urban), "挂职") for _ in range(32)] + [
        (school, "轮岗") for school in rng.sample(centrals, 14)
    ]
    candidates = []
    for index, (home, direction) in enumerate(homes, start=1):
        phase = _phase(home)
        fitting = [p for p in posts if p.direction == direction and p.phase == phase]
        fitting = fitting or [p for p in posts if p.direction == direction]
        candidates.append(
            VicePrincipal(
                code=f"VP{index:02d}",
                name=names.person_name(rng),
                home_school_code=home.code,
                phase=phase,
                subject=rng.choice(SUBJECTS),
                years_of_service=rng.randint(5, 25),
                commute_limit_km=float(rng.choice((40, 60, 80, 100))),
                max_distance_from_home_km=(
                    float(rng.choice((30, 50, 70))) if rng.random() < 0.4 else None
                ),
                preference_codes=tuple(p.code for p in rng.sample(fitting, min(3, len(fitting)))),
            )
        )
    return candidates
