"""Fictional but realistic Hexi-corridor place and person names."""

from __future__ import annotations

import random

COUNTY_NAME = "祁川县"
SEAT_TOWN = "城关镇"
# Invented names in the style of Zhangye's townships (desert, oasis and Qilian foothills).
TOWNSHIPS = (
    "红柳滩镇",
    "黑泉乡",
    "祁丰乡",
    "石岗墩镇",
    "沙井子镇",
    "明沙乡",
    "白杨河乡",
    "新坝镇",
    "龙泉堡镇",
    "骆驼井乡",
    "花寨子乡",
    "梨园堡乡",
    "大河口镇",
    "马营滩乡",
    "碱泉子乡",
    "上坝乡",
    "西河湾镇",
)
_VILLAGE_FIRST = "东西南北上下中前后大小新红黄白黑沙石柳杨榆马羊泉河高平长"
_VILLAGE_SECOND = "湾滩沟庄坝渠井堡墩寨岔台梁口园泉"
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
_GIVEN = (
    "静",
    "伟",
    "芳",
    "敏",
    "军",
    "丽",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "娜",
    "杰",
    "涛",
    "明",
    "超",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "玉兰",
    "海燕",
    "志强",
    "晓东",
    "春梅",
)


def village_names(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = rng.choice(_VILLAGE_FIRST) + rng.choice(_VILLAGE_SECOND)
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def person_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)
