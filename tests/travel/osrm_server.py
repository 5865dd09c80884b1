"""A real HTTP server speaking OSRM's ``/table/v1`` protocol, for testing our client.

Durations are great-circle seconds at 36 km/h, so a test can compute the expected answer.
``mode`` makes it misbehave the ways real servers do: too slow, garbage, or an error code.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from solver.geo import great_circle_km

SPEED_M_PER_S = 10.0


@dataclass
class ServerState:
    mode: str = "ok"  # ok | slow | garbage | error | unreachable
    delay_seconds: float = 2.0
    requests: list[str] = field(default_factory=list)
    max_coordinates: int = 0


def expected_seconds(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Seconds between two (lon, lat) points as this server computes them."""
    return great_circle_km(a[1], a[0], b[1], b[0]) * 1000 / SPEED_M_PER_S


def _lon_lat(text: str) -> tuple[float, float]:
    lon, lat = text.split(",")
    return float(lon), float(lat)


def _handler(state: ServerState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            state.requests.append(self.path)
            url = urlsplit(self.path)
            parts = unquote(url.path).split("/")
            if len(parts) != 5 or parts[1] != "table" or parts[2] != "v1":
                self._send(400, {"code": "InvalidUrl", "message": "bad path"})
                return
            coords = [_lon_lat(c) for c in parts[4].split(";")]
            state.max_coordinates = max(state.max_coordinates, len(coords))
            query = parse_qs(url.query)
            sources = [int(i) for i in query["sources"][0].split(";")]
            destinations = [int(i) for i in query["destinations"][0].split(";")]
            if state.mode == "slow":
                time.sleep(state.delay_seconds)
            if state.mode == "garbage":
                body = b"<html>502 Bad Gateway from a proxy</html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if state.mode == "error":
                self._send(400, {"code": "TooBig", "message": "Too many table coordinates"})
                return
            durations: list[list[float | None]] = [
                [expected_seconds(coords[s], coords[d]) for d in destinations] for s in sources
            ]
            if state.mode == "unreachable":
                durations[0][-1] = None
            self._send(200, {"code": "Ok", "durations": durations})

        def _send(self, status: int, payload: object) -> None:
            body = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test); nothing to answer

    return Handler


@contextmanager
def osrm_server(mode: str = "ok") -> Iterator[tuple[str, ServerState]]:
    state = ServerState(mode=mode)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
