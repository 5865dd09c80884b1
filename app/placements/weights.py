"""The soft rules' default points, described for the coordinator who may override them."""

from __future__ import annotations

import dataclasses

from app.placements.schemas import WeightOut
from solver.placement import PlacementWeights

_WORDS = {
    "preference": "志愿：第 k 志愿得 权重×(6−k) 分 / per step of preference rank",
    "subject_fit": "学科对口：岗位需要其任教学科 / the post asked for their subject",
    "commute_per_km": "通勤：每公里扣分 / lost per km from home school to host",
    "post_priority": "岗位优先级：每个填上的名额 × 优先级 / per filled seat × post priority",
    "township_coverage": "乡镇覆盖：每个有挂职副校长的乡镇 / each township receiving a 挂职",
    "worst_preference_rank": (
        "公平：最差志愿名次每名扣分 / lost per rank of the worst-off candidate's preference"
    ),
    "moved": "稳定：重新求解时每改动一人扣分 / lost per person moved by a re-solve",
}


def default_weights() -> list[WeightOut]:
    defaults = PlacementWeights()
    return [
        WeightOut(
            name=f.name, default=int(getattr(defaults, f.name)), description=_WORDS.get(f.name, "")
        )
        for f in dataclasses.fields(PlacementWeights)
    ]
