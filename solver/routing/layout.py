"""Where each stop and depot sits in OR-Tools' node numbering, as numpy arrays.

Nodes ``0 .. D-1`` are the distinct depot locations (vehicles sharing a base share a node);
node ``D + i`` is stop ``i``. Matrices are indexed by node and built by numpy fancy indexing
from the location matrices, so a week with thousands of stops on a hundred schools costs one
gather, not a Python loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from solver.routing.problem import RoutingProblem


@dataclass(frozen=True)
class Layout:
    problem: RoutingProblem
    depot_locations: tuple[int, ...]

    @staticmethod
    def of(problem: RoutingProblem) -> Layout:
        seen: dict[int, None] = {}
        for v in problem.vehicles:
            seen.setdefault(v.start_location, None)
            seen.setdefault(v.end_location, None)
        return Layout(problem, tuple(seen))

    @property
    def depots(self) -> int:
        return len(self.depot_locations)

    @property
    def nodes(self) -> int:
        return self.depots + len(self.problem.stops)

    def stop_node(self, stop: int) -> int:
        return self.depots + stop

    def node_stop(self, node: int) -> int | None:
        return node - self.depots if node >= self.depots else None

    def start_node(self, vehicle: int) -> int:
        return self.depot_locations.index(self.problem.vehicles[vehicle].start_location)

    def end_node(self, vehicle: int) -> int:
        return self.depot_locations.index(self.problem.vehicles[vehicle].end_location)

    @cached_property
    def travel_by_location(self) -> np.ndarray:
        return np.asarray(self.problem.travel, dtype=np.int64)

    @cached_property
    def distance_by_location(self) -> np.ndarray:
        if self.problem.distance is None:
            return self.travel_by_location
        return np.asarray(self.problem.distance, dtype=np.int64)

    @cached_property
    def node_location(self) -> np.ndarray:
        stops = [s.location for s in self.problem.stops]
        return np.asarray([*self.depot_locations, *stops], dtype=np.int64)

    @cached_property
    def node_service(self) -> np.ndarray:
        return np.asarray([0] * self.depots + [s.service for s in self.problem.stops], np.int64)

    @cached_property
    def node_demand(self) -> np.ndarray:
        return np.asarray([0] * self.depots + [s.demand for s in self.problem.stops], np.int64)

    def node_travel(self) -> np.ndarray:
        """Travel time between nodes (not cached: large problems should not keep it twice)."""
        loc = self.node_location
        return self.travel_by_location[np.ix_(loc, loc)]

    def node_distance(self) -> np.ndarray:
        loc = self.node_location
        return self.distance_by_location[np.ix_(loc, loc)]
