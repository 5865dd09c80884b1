"""Monday morning: every phone in the county asks for its week (``GET /me/assignments``).

    .venv/bin/python benchmarks/load_mobile.py [--tokens 2000] [--rate 500] [--seconds 20]
        [--conditional-share 0.8] [--server postgresql+psycopg://postgres@127.0.0.1:5432/test]

Production setup: a fresh PostgreSQL database (created beside ``--server``'s and dropped at
the end) with the demo county, a published week (every squad and psychology teacher with
two sessions a day, the teachers' with case codes), and ``--tokens`` staff tokens inserted
straight into the table. The app runs under uvicorn with 2 workers; in the same run a bare
FastAPI app returning a constant runs the same way as the baseline. This process is the
load generator (httpx + asyncio, loopback only), bounded in requests and time:

1. cold: every token fetches its week once (all 200), at ``--rate``;
2. steady: ``--rate`` requests/s for ``--seconds``; ``--conditional-share`` of them send the
   ETag they got (phones whose week did not change → 304), the rest fetch in full;
3. the baseline at the same rate and length;
4. saturation: 32 requests in flight for 8 s against each, for the ratio of throughputs.

Latency is measured from each request's scheduled start, so a server that falls behind
shows in p99 rather than quietly lowering the offered rate.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.cases.models import Case
from app.core.migrations import upgrade
from app.core.security import hash_secret, new_secret
from app.demo import load_demo
from app.planning.weeks import parse_week
from app.plans.models import PlanVersion, Visit
from app.schools.models import School
from app.squads.models import Squad
from app.teachers.models import Teacher
from app.tokens.models import ApiToken

ROOT = Path(__file__).resolve().parents[1]
WEEK = "2026-W48"

# The baseline: what uvicorn + FastAPI cost with no database, no auth, no work.
baseline = FastAPI()


@baseline.get("/api/v1/me/assignments")
def constant() -> dict[str, str]:
    return {"week": WEEK}


@baseline.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


# Data -----------------------------------------------------------------------------------


def fresh_database(server: str) -> Iterator[str]:
    name = f"yuanjiao_load_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def published_week_and_tokens(url: str, tokens: int) -> list[str]:
    """The demo county, one published week, and ``tokens`` staff secrets (round robin over
    every squad and psychology teacher)."""
    engine = create_engine(url)
    with Session(engine) as session:
        county_id, _ = load_demo(session)
        squads = list(session.scalars(select(Squad.id).where(Squad.county_id == county_id)))
        teachers = list(
            session.scalars(
                select(Teacher.id).where(
                    Teacher.county_id == county_id, Teacher.role == "psychology"
                )
            )
        )
        schools = list(session.scalars(select(School.id).where(School.county_id == county_id)))
        cases = {
            teacher: list(
                session.execute(select(Case.id, Case.code).where(Case.teacher_id == teacher))
            )
            for teacher in teachers
        }
        plan = PlanVersion(
            county_id=county_id,
            week=WEEK,
            number=1,
            status="published",
            published_at=datetime.now(UTC) - timedelta(hours=1),
        )
        session.add(plan)
        session.flush()
        rng = random.Random(7)
        visits = []
        for kind, ids in (("squad", squads), ("teacher", teachers)):
            for staff_id in ids:
                for day in parse_week(WEEK).dates[:5]:
                    for sequence, start in enumerate((9 * 60, 14 * 60)):
                        case = (
                            rng.choice(cases[staff_id])
                            if kind == "teacher" and cases[staff_id]
                            else None
                        )
                        visits.append(
                            {
                                "plan_version_id": plan.id,
                                "county_id": county_id,
                                "staff_kind": kind,
                                "squad_id": staff_id if kind == "squad" else None,
                                "teacher_id": staff_id if kind == "teacher" else None,
                                "day": day,
                                "school_id": rng.choice(schools),
                                "case_id": case.id if case else None,
                                "case_code": case.code if case else None,
                                "skill": "心理辅导" if kind == "teacher" else "合唱",
                                "start_minute": start,
                                "end_minute": start + 60,
                                "arrival_minute": start - 10,
                                "travel_minutes": 30,
                                "sequence": sequence,
                            }
                        )
        session.execute(insert(Visit), visits)
        people = [("squad", s) for s in squads] + [("teacher", t) for t in teachers]
        secrets = [new_secret() for _ in range(tokens)]
        now = datetime.now(UTC)
        rows = []
        for index, secret in enumerate(secrets):
            kind, staff_id = people[index % len(people)]
            rows.append(
                {
                    "secret_sha256": hash_secret(secret),
                    "role": "staff",
                    "label": f"load {index}",
                    "county_id": county_id,
                    "squad_id": staff_id if kind == "squad" else None,
                    "teacher_id": staff_id if kind == "teacher" else None,
                    "vice_principal_id": None,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        session.execute(insert(ApiToken), rows)
        session.commit()
        print(
            f"data: {len(squads)} squads, {len(teachers)} psychology teachers, "
            f"{len(visits)} visits, {tokens} tokens"
        )
    engine.dispose()
    return secrets


# Servers --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str

    def stop(self) -> None:
        # The whole group: uvicorn's worker processes must not outlive the run.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)


def start(app: str, env: dict[str, str], workers: int) -> Server:
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port),
        "--workers", str(workers), "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    if app.startswith("app."):
        command.insert(command.index(app) + 1, "--factory")
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return Server(process, base)
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"{app} did not start")


# Load -----------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    latencies: list[float]
    statuses: list[int]
    seconds: float

    @property
    def p99(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000

    def line(self) -> str:
        p50 = statistics.median(self.latencies) * 1000
        p99 = self.p99
        errors = sum(1 for s in self.statuses if s not in (200, 304))
        share_304 = self.statuses.count(304) / len(self.statuses)
        return (
            f"{self.name:<36} {len(self.statuses):>6} req {self.rps:>6.0f} req/s"
            f"  p50 {p50:>6.1f} ms  p99 {p99:>7.1f} ms  304s {share_304:>4.0%}  errors {errors}"
        )

    @property
    def rps(self) -> float:
        return len(self.statuses) / self.seconds


async def open_loop(
    name: str, base: str, requests: list[tuple[str, str | None]], rate: float, etags: dict[str, str]
) -> Result:
    """Send ``requests`` (secret, etag-to-send) at ``rate``/s regardless of how the server
    keeps up; at most 256 in flight (beyond that they wait, and the wait counts)."""
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    latencies: list[float] = []
    statuses: list[int] = []
    gate = asyncio.Semaphore(256)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        began = time.perf_counter()

        async def one(index: int, secret: str, etag: str | None) -> None:
            scheduled = began + index / rate
            await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
            headers = {"Authorization": f"Bearer {secret}"}
            if etag is not None:
                headers["If-None-Match"] = etag
            try:
                async with gate:
                    response = await client.get(
                        "/api/v1/me/assignments", params={"week": WEEK}, headers=headers
                    )
            except httpx.HTTPError:
                latencies.append(time.perf_counter() - scheduled)
                statuses.append(0)  # timed out or refused: counted as an error
                return
            latencies.append(time.perf_counter() - scheduled)
            statuses.append(response.status_code)
            if "etag" in response.headers:
                etags[secret] = response.headers["etag"]

        await asyncio.gather(*(one(i, s, e) for i, (s, e) in enumerate(requests)))
        seconds = time.perf_counter() - began
    return Result(name, latencies, statuses, seconds)


async def saturate(name: str, base: str, secrets: list[str], seconds: float) -> Result:
    latencies: list[float] = []
    statuses: list[int] = []
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        began = time.perf_counter()
        stop = began + seconds

        async def loop(worker: int) -> None:
            index = worker
            while time.perf_counter() < stop:
                secret = secrets[index % len(secrets)]
                index += 32
                sent = time.perf_counter()
                try:
                    response = await client.get(
                        "/api/v1/me/assignments",
                        params={"week": WEEK},
                        headers={"Authorization": f"Bearer {secret}"},
                    )
                except httpx.HTTPError:
                    latencies.append(time.perf_counter() - sent)
                    statuses.append(0)  # timed out or refused: counted as an error
                    continue
                latencies.append(time.perf_counter() - sent)
                statuses.append(response.status_code)

        await asyncio.gather(*(loop(w) for w in range(32)))
        elapsed = time.perf_counter() - began
    return Result(name, latencies, statuses, elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tokens", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=500.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--conditional-share", type=float, default=0.8)
    parser.add_argument("--server", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"machine load before: {os.getloadavg()}, cpus: {os.cpu_count()}")
    for url in fresh_database(args.server):
        upgrade(url)
        secrets = published_week_and_tokens(url, args.tokens)
        app = start("app.main:create_app", {"YUANJIAO_DATABASE_URL": url}, workers=2)
        base = start("benchmarks.load_mobile:baseline", {}, workers=2)
        try:
            etags: dict[str, str] = {}
            results = []
            cold = [(s, None) for s in secrets]
            results.append(
                asyncio.run(
                    open_loop("app: cold (every token once)", app.base, cold, args.rate, etags)
                )
            )
            rng = random.Random(1)
            steady = []
            for index in range(int(args.rate * args.seconds)):
                secret = secrets[index % len(secrets)]
                conditional = rng.random() < args.conditional_share
                steady.append((secret, etags.get(secret) if conditional else None))
            results.append(
                asyncio.run(
                    open_loop(f"app: steady {args.rate:.0f}/s", app.base, steady, args.rate, etags)
                )
            )
            results.append(
                asyncio.run(
                    open_loop(
                        f"baseline: steady {args.rate:.0f}/s", base.base, steady, args.rate, {}
                    )
                )
            )
            app_max = asyncio.run(saturate("app: saturation (32 in flight)", app.base, secrets, 8))
            base_max = asyncio.run(
                saturate("baseline: saturation (32 in flight)", base.base, secrets, 8)
            )
            results += [app_max, base_max]
            for result in results:
                print(result.line())
            steady_app, steady_base = results[1], results[2]
            print(
                f"ratio app/baseline: saturation throughput {app_max.rps / base_max.rps:.2f}, "
                f"steady p99 {steady_app.p99 / steady_base.p99:.1f}x"
            )
            print(f"machine load after: {os.getloadavg()}")
        finally:
            app.stop()
            base.stop()


if __name__ == "__main__":
    main()
