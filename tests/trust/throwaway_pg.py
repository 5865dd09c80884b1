"""A PostgreSQL cluster of our own, to stop and start without touching the shared server."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def available() -> bool:
    return (PG_BIN / "initdb").exists()


def _as_postgres(command: list[str]) -> list[str]:
    # initdb refuses to run as root; the distribution's postgres user may.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "30", *args]
        subprocess.run(_as_postgres(command), check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self._ctl("-o", options, "-l", str(self.data / "log"), "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")


def throwaway_cluster() -> Iterator[Cluster]:
    root = Path(tempfile.mkdtemp(prefix="yuanjiao-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data = root / "data"
    subprocess.run(
        _as_postgres(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    cluster = Cluster(data, _free_port())
    cluster.start()
    try:
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # the test stopped it
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
