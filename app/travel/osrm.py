"""Client for an OSRM-compatible ``/table/v1`` server (OSRM, or anything speaking its protocol).

Large matrices are asked for in blocks of sources × destinations, because public and
self-hosted servers cap the table size (OSRM's default ``--max-table-size`` is 100).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from app.travel.providers import Place, TravelError


@dataclass(frozen=True, slots=True)
class OsrmProvider:
    base_url: str
    profile: str = "driving"
    timeout_seconds: float = 10.0
    retries: int = 2
    block_size: int = 50
    name: str = "osrm"

    def minutes(self, places: Sequence[Place]) -> list[list[int]]:
        n = len(places)
        matrix = [[0] * n for _ in range(n)]
        blocks = [list(range(s, min(s + self.block_size, n))) for s in range(0, n, self.block_size)]
        with httpx.Client(base_url=self.base_url.rstrip("/"), timeout=self.timeout_seconds) as http:
            for sources in blocks:
                for destinations in blocks:
                    durations = self._table(http, places, sources, destinations)
                    for si, row in zip(sources, durations, strict=True):
                        for di, seconds in zip(destinations, row, strict=True):
                            matrix[si][di] = 0 if si == di else math.ceil(seconds / 60)
        return matrix

    def _table(
        self,
        http: httpx.Client,
        places: Sequence[Place],
        sources: list[int],
        destinations: list[int],
    ) -> list[list[float]]:
        # One request carries the union of both blocks; sources/destinations index into it.
        indices = sorted(set(sources) | set(destinations))
        position = {p: k for k, p in enumerate(indices)}
        coordinates = ";".join(f"{places[p].lon:.6f},{places[p].lat:.6f}" for p in indices)
        params = {
            "sources": ";".join(str(position[s]) for s in sources),
            "destinations": ";".join(str(position[d]) for d in destinations),
            "annotations": "duration",
        }
        body = self._get(http, f"/table/v1/{self.profile}/{coordinates}", params)
        return _durations(body, places, sources, destinations)

    def _get(self, http: httpx.Client, path: str, params: dict[str, str]) -> Any:
        last: Exception | None = None
        for _ in range(self.retries + 1):
            try:
                response = http.get(path, params=params)
            except httpx.TimeoutException as err:
                last = err
                continue
            except httpx.HTTPError as err:
                raise TravelError(
                    f"无法连接路网服务 {self.base_url}：{err}",
                    f"cannot reach routing server {self.base_url}: {err}",
                ) from err
            if response.status_code >= 500:
                last = httpx.HTTPStatusError(
                    "server error", request=response.request, response=response
                )
                continue
            try:
                return response.json()
            except ValueError as err:
                raise TravelError(
                    "路网服务返回的不是有效的 JSON",
                    f"routing server answered HTTP {response.status_code} with invalid JSON",
                ) from err
        raise TravelError(
            f"路网服务 {self.base_url} 在 {self.retries + 1} 次尝试后仍无响应",
            f"routing server {self.base_url} failed after {self.retries + 1} attempts: {last}",
        )


def _durations(
    body: Any, places: Sequence[Place], sources: list[int], destinations: list[int]
) -> list[list[float]]:
    if not isinstance(body, dict) or body.get("code") != "Ok":
        code = body.get("code") if isinstance(body, dict) else None
        raise TravelError(f"路网服务报告错误：{code}", f"routing server answered code={code!r}")
    rows = body.get("durations")
    if (
        not isinstance(rows, list)
        or len(rows) != len(sources)
        or any(not isinstance(r, list) or len(r) != len(destinations) for r in rows)
    ):
        raise TravelError("路网服务返回的矩阵大小不对", "routing server returned a malformed table")
    for si, row in zip(sources, rows, strict=True):
        for di, seconds in zip(destinations, row, strict=True):
            if seconds is None:
                raise TravelError(
                    f"路网中 {places[si].code} 到 {places[di].code} 不可达",
                    f"no road from {places[si].code} to {places[di].code}",
                )
            if not isinstance(seconds, int | float) or seconds < 0:
                raise TravelError(
                    "路网服务返回了无效的时长", "routing server returned a bad duration"
                )
    return rows
