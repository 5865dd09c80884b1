"""Every spreadsheet column the bureau may use, per entity: THE one place for headers.

A header matches a column when, after normalising (case, spaces, ``_``/``-``, a trailing
``*`` or parenthesised note like ``纬度（WGS-84）``), it equals the Chinese header, the
English header or one of the aliases. ``docs/spreadsheets.md`` documents these tables and a
test checks that it names every header listed here.

A column's ``field`` is the create-schema field it fills, or, for references, a ``*_code``
name that :class:`Reference` turns into the row id the schema wants.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from app.cases.schemas import CATEGORIES
from app.cases.service import cases
from app.core.models import Entity
from app.core.resource import Label, Resource
from app.needs.service import needs
from app.schools.models import School
from app.schools.schemas import KIND_ALIASES
from app.schools.service import schools
from app.squads.models import Squad
from app.squads.service import squads
from app.teachers.models import Teacher
from app.teachers.service import teachers
from app.townships.models import Township
from app.townships.service import townships

CellKind = Literal[
    "text", "code", "number", "bool", "clock", "date", "weekday", "weekdays", "list", "codes"
]

# The separators a list cell (技能, 休息日, 对接乡镇代码 …) may use, documented in
# docs/spreadsheets.md: 、 ， , ； ; and spaces (WPS and Excel users type all of them).
LIST_SEPARATORS = "、，,；; \u3000\t\n"

WEEKDAY_OPTIONS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
TEACHER_ROLES = {
    "心理健康教师": "psychology",
    "心理教师": "psychology",
    "心理": "psychology",
    "名师工作室": "studio",
    "名师": "studio",
    "骨干教师": "backbone",
    "骨干": "backbone",
}


@dataclass(frozen=True)
class Reference:
    """A column of codes that becomes the id (or ids) of rows of ``model`` in the county."""

    target: str  # the schema field that holds the id(s)
    model: type[Entity]
    label: Label
    many: bool = False
    # The referenced row may be created by the same sheet (a school's 对口学校).
    same_sheet: bool = False


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    kind: CellKind = "text"
    aliases: tuple[str, ...] = ()
    example: Any = None
    note_zh: str = ""
    note_en: str = ""
    required: bool = False
    # Cell values in the bureau's words mapped onto what the schema stores.
    choices: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # Drop-down values in the template; "skills" means the county's own skill vocabulary.
    options: tuple[str, ...] | Literal["skills"] = ()
    reference: Reference | None = None

    @property
    def target(self) -> str:
        """The schema field this column fills (a reference fills its id field)."""
        return self.reference.target if self.reference else self.field


@dataclass(frozen=True)
class SheetSpec:
    entity: str  # the URL segment: /imports/{entity}, /templates/{entity}.xlsx
    label: Label
    columns: tuple[Column, ...]
    # Validated fields that identify an existing row for the upsert.
    key: tuple[str, ...] = ("code",)
    resource: Resource | None = None  # None: availability, which updates squads/teachers

    def column_for(self, target: str) -> Column | None:
        return next((c for c in self.columns if c.target == target or c.field == target), None)


def _township_code(required: bool = True) -> Column:
    return Column(
        "township_code",
        "乡镇代码",
        "township_code",
        "code",
        ("乡镇编码", "township"),
        "T01",
        "填写乡镇表中的乡镇代码",
        "the township's code from the townships sheet",
        required=required,
        reference=Reference("township_id", Township, Label("乡镇", "township")),
    )


def _school_code(zh: str = "学校代码") -> Column:
    return Column(
        "school_code",
        zh,
        "school_code",
        "code",
        ("学校编码", "school"),
        "S0103",
        "填写学校表中的学校代码",
        "the school's code from the schools sheet",
        required=True,
        reference=Reference("school_id", School, Label("学校", "school")),
    )


def _visitor_columns(base_zh: str) -> tuple[Column, ...]:
    """Skills, base location and daily limits shared by squads and teachers."""
    return (
        Column(
            "skills",
            "技能",
            "skills",
            "list",
            ("特长", "项目"),
            "合唱、舞蹈",
            "从本县技能目录中选择，多个用顿号分隔",
            "from the county's skill vocabulary; several separated by 、 , ; or spaces",
            options="skills",
        ),
        Column(
            "base_latitude",
            f"{base_zh}纬度",
            "base_latitude",
            "number",
            ("出发地纬度", "base_lat"),
            38.93,
            "出发和返回地点的纬度（WGS-84）",
            "latitude of where the day starts and ends (WGS-84)",
            required=True,
        ),
        Column(
            "base_longitude",
            f"{base_zh}经度",
            "base_longitude",
            "number",
            ("出发地经度", "base_lon", "base_lng"),
            100.45,
            "出发和返回地点的经度（WGS-84）",
            "longitude of where the day starts and ends (WGS-84)",
            required=True,
        ),
        Column(
            "max_work_minutes",
            "每日工作上限（分钟）",
            "max_work_minutes",
            "number",
            ("每日工作分钟",),
            420,
            "含路程，默认 480",
            "including travel; default 480",
        ),
        Column(
            "max_travel_minutes",
            "每日路程上限（分钟）",
            "max_travel_minutes",
            "number",
            ("每日路程分钟",),
            180,
            "含返回驻地，默认 180",
            "including the drive back to base; default 180",
        ),
        Column(
            "lunch_minutes",
            "午餐时长（分钟）",
            "lunch_minutes",
            "number",
            ("午餐分钟",),
            60,
            "默认 60",
            "default 60",
        ),
    )


TOWNSHIPS = SheetSpec(
    "townships",
    Label("乡镇", "townships"),
    (
        Column("code", "乡镇代码", "code", "code", ("代码", "编码"), "T01", required=True),
        Column("name", "乡镇名称", "name", "text", ("名称", "乡镇"), "红柳滩镇", required=True),
        Column("latitude", "纬度", "latitude", "number", ("lat",), 39.12, required=True),
        Column("longitude", "经度", "longitude", "number", ("lon", "lng"), 100.21, required=True),
    ),
    resource=townships,
)

SCHOOLS = SheetSpec(
    "schools",
    Label("学校", "schools"),
    (
        Column("code", "学校代码", "code", "code", ("代码", "编码"), "S0103", required=True),
        Column(
            "name",
            "学校名称",
            "name",
            "text",
            ("名称", "学校"),
            "红柳滩镇东湾教学点",
            required=True,
        ),
        Column(
            "kind",
            "学校类型",
            "kind",
            "text",
            ("类型", "类别"),
            "教学点",
            "教学点、村小、中心校、初中、城区学校",
            "teaching_point, village_primary, township_central, middle_school, urban",
            required=True,
            options=tuple(KIND_ALIASES.values()),
        ),
        _township_code(),
        Column("latitude", "纬度", "latitude", "number", ("lat",), 39.14, required=True),
        Column("longitude", "经度", "longitude", "number", ("lon", "lng"), 100.18, required=True),
        Column("address", "地址", "address", "text", (), "红柳滩镇东湾村二社"),
        Column("pupils", "学生数", "pupils", "number", ("学生人数", "在校生"), 18),
        Column(
            "left_behind_pupils",
            "留守儿童数",
            "left_behind_pupils",
            "number",
            ("留守儿童",),
            9,
            "不多于学生数",
            "at most the number of pupils",
        ),
        Column("day_start", "上课时间", "day_start", "clock", ("到校时间",), "08:30", "HH:MM"),
        Column("day_end", "放学时间", "day_end", "clock", (), "17:00", "HH:MM"),
        Column("lunch_start", "午休开始", "lunch_start", "clock", (), "12:00", "HH:MM"),
        Column("lunch_end", "午休结束", "lunch_end", "clock", (), "14:00", "HH:MM"),
        Column(
            "closed_weekdays",
            "休息日",
            "closed_weekdays",
            "weekdays",
            ("不上课日",),
            "周六、周日",
            "默认周六、周日；周一…周日或 1…7",
            "default Saturday and Sunday; 周一…周日, 1…7 or Mon…Sun",
            options=WEEKDAY_OPTIONS,
        ),
        Column(
            "paired_school_code",
            "对口学校代码",
            "paired_school_code",
            "code",
            ("对口学校",),
            None,
            "城乡对口学校，可为本表中的学校",
            "the twinned school; may be a school of this same sheet",
            reference=Reference(
                "paired_school_id", School, Label("学校", "school"), same_sheet=True
            ),
        ),
    ),
    resource=schools,
)

SQUADS = SheetSpec(
    "squads",
    Label("小分队", "squads"),
    (
        Column("code", "小分队代码", "code", "code", ("代码", "编码"), "SQ01", required=True),
        Column("name", "小分队名称", "name", "text", ("名称",), "县一小合唱小分队", required=True),
        Column("members", "人数", "members", "number", ("队员人数",), 4),
        *_visitor_columns("驻地"),
        Column(
            "paired_township_codes",
            "对接乡镇代码",
            "paired_township_codes",
            "codes",
            ("对接乡镇",),
            "T01、T02",
            "多个用顿号分隔",
            "several separated by 、 , ; or spaces",
            reference=Reference(
                "paired_township_ids", Township, Label("乡镇", "township"), many=True
            ),
        ),
    ),
    resource=squads,
)

TEACHERS = SheetSpec(
    "teachers",
    Label("教师", "teachers"),
    (
        Column("code", "教师代码", "code", "code", ("代码", "编码", "工号"), "PT01", required=True),
        Column("name", "姓名", "name", "text", ("教师姓名", "名称"), "王静", required=True),
        Column(
            "role",
            "教师类别",
            "role",
            "text",
            ("类别", "角色"),
            "心理健康教师",
            "心理健康教师、名师工作室、骨干教师",
            "psychology, studio or backbone",
            required=True,
            choices=TEACHER_ROLES,
            options=("心理健康教师", "名师工作室", "骨干教师"),
        ),
        *_visitor_columns("驻地"),
        Column(
            "base_school_code",
            "所在学校代码",
            "base_school_code",
            "code",
            ("所在学校",),
            None,
            "教师任职的学校（可空）",
            "the school the teacher works at (optional)",
            reference=Reference("base_school_id", School, Label("学校", "school")),
        ),
    ),
    resource=teachers,
)

CASES = SheetSpec(
    "cases",
    Label("个案", "cases"),
    (
        Column(
            "code",
            "个案编码",
            "code",
            "code",
            ("编码", "代码"),
            "C-0001",
            "化名编码，不得填写儿童姓名或身份证号",
            "a pseudonymous code; never a child's name or ID number",
            required=True,
        ),
        _school_code(),
        Column(
            "teacher_code",
            "教师代码",
            "teacher_code",
            "code",
            ("心理教师代码", "teacher"),
            "PT01",
            "负责该个案的心理健康教师",
            "the psychology teacher the case stays with",
            required=True,
            reference=Reference("teacher_id", Teacher, Label("教师", "teacher")),
        ),
        Column(
            "category",
            "个案类别",
            "category",
            "text",
            ("类别",),
            "留守儿童",
            "、".join(CATEGORIES),
            "one of the listed categories (Chinese)",
            options=CATEGORIES,
        ),
        Column("sessions_per_week", "每周次数", "sessions_per_week", "number", ("次数",), 1),
        Column("minutes", "每次时长（分钟）", "minutes", "number", ("每次分钟",), 40),
        Column(
            "active",
            "是否在案",
            "active",
            "bool",
            ("在案",),
            "是",
            "是/否",
            "yes/no",
            options=("是", "否"),
        ),
    ),
    resource=cases,
)

NEEDS = SheetSpec(
    "needs",
    Label("需求", "needs"),
    (
        _school_code(),
        Column(
            "skill",
            "活动",
            "skill",
            "text",
            ("技能", "项目"),
            "花样跳绳",
            "从本县技能目录中选择一项",
            "one skill from the county's vocabulary",
            required=True,
            options="skills",
        ),
        Column("sessions_per_week", "每周次数", "sessions_per_week", "number", ("次数",), 1),
        Column("minutes", "每次时长（分钟）", "minutes", "number", ("每次分钟",), 60),
        Column(
            "preferred_weekdays",
            "希望星期",
            "preferred_weekdays",
            "weekdays",
            ("希望日期", "preferred_days"),
            "周二、周四",
            "可空；多个用顿号分隔",
            "optional; several separated by 、 , ; or spaces",
            options=WEEKDAY_OPTIONS,
        ),
        Column(
            "priority", "优先级", "priority", "number", (), 4, "1 最低 … 5 最急", "1 lowest … 5"
        ),
        Column(
            "valid_from",
            "开始日期",
            "valid_from",
            "date",
            ("起始日期",),
            "2026-09-01",
            "YYYY-MM-DD",
            "YYYY-MM-DD",
            required=True,
        ),
        Column(
            "valid_to",
            "结束日期",
            "valid_to",
            "date",
            ("截止日期",),
            "2027-01-15",
            "可空",
            "optional",
        ),
    ),
    # A need has no code of its own: one school asks for one activity from a start date.
    key=("school_id", "skill", "valid_from"),
    resource=needs,
)

AVAILABILITY = SheetSpec(
    "availability",
    Label("可用时间", "availability"),
    (
        Column(
            "staff_code",
            "人员代码",
            "staff_code",
            "code",
            ("小分队或教师代码", "代码", "staff"),
            "SQ01",
            "小分队代码或教师代码",
            "a squad's or a teacher's code",
            required=True,
        ),
        Column(
            "weekday",
            "星期",
            "weekday",
            "weekday",
            ("星期几",),
            "周二",
            "周一…周日、星期一、1…7 或 Mon…Sun",
            "周一…周日, 星期一, 1…7 or Mon…Sun",
            required=True,
            options=WEEKDAY_OPTIONS,
        ),
        Column("start", "开始时间", "start", "clock", ("开始",), "08:00", "HH:MM", required=True),
        Column("end", "结束时间", "end", "clock", ("结束",), "17:30", "HH:MM", required=True),
    ),
    key=("staff_code",),
)

SHEETS: dict[str, SheetSpec] = {
    spec.entity: spec for spec in (TOWNSHIPS, SCHOOLS, SQUADS, TEACHERS, CASES, NEEDS, AVAILABILITY)
}

# Models whose rows the availability sheet updates, looked up by code in this order.
AVAILABILITY_OWNERS: tuple[tuple[type[Squad] | type[Teacher], Resource], ...] = (
    (Squad, squads),
    (Teacher, teachers),
)
