// The timetable, the KPI cards and the list of unscheduled sessions, drawn from the
// normalised plan (plan.js). Plain DOM: a few hundred elements at most for a county week.

import { activity, language, t } from "./i18n.js";

export function clock(minutes) {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function el(tag, attributes = {}, text = null) {
  const e = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "style") Object.assign(e.style, value);
    else if (key.startsWith("data-")) e.setAttribute(key, value);
    else e[key] = value;
  }
  if (text != null) e.textContent = text;
  return e;
}

// A colour per key (an activity, a person's route), hues spread by the golden angle so
// neighbours in the list differ; keys met later get the next colours.
export function palette(keys) {
  const colours = new Map();
  keys.forEach((key, i) => colours.set(key, `hsl(${(i * 137.508) % 360} 62% 52%)`));
  return (key) => {
    if (!colours.has(key)) colours.set(key, `hsl(${(colours.size * 137.508) % 360} 62% 52%)`);
    return colours.get(key);
  };
}

function card(title, value, note, id) {
  const box = el("div", { className: "kpi", "data-kpi": id, title: note });
  box.append(el("h3", {}, title), el("strong", {}, value), el("small", {}, note));
  return box;
}

const percent = (x) => `${(100 * x).toFixed(0)}%`;

export function renderKpis(root, plan, world) {
  root.replaceChildren();
  if (!plan) return;
  const k = plan.kpis;
  const coverage = k.requested ? k.placed / k.requested : 1;
  const weighted = k.weightedRequested ? k.weighted / k.weightedRequested : coverage;
  const balance = k.balance || k.travel;
  root.append(
    card(
      t("kpi.coverage"),
      percent(coverage),
      t("kpi.coverage.note", { placed: k.placed, requested: k.requested, weighted: percent(weighted) }),
      "coverage",
    ),
    card(
      t("kpi.missed"),
      String(plan.unvisitedPoints.size),
      [...plan.unvisitedPoints].map((id) => world.schoolOf(id).name).join("、"),
      "missed",
    ),
    card(
      t("kpi.travel"),
      `${Math.round(k.travel.median)} ${t("minutes")}`,
      t("kpi.travel.note", { min: Math.round(k.travel.min), max: Math.round(k.travel.max) }),
      "travel",
    ),
    // Among those who drove at all: someone with no visit this week is not "unbalanced".
    card(
      t("kpi.balance"),
      balance && balance.min > 0 ? `${(balance.max / balance.min).toFixed(1)}×` : "—",
      t("kpi.balance.note"),
      "balance",
    ),
  );
  if (k.changes != null) root.append(card(t("kpi.changes"), String(k.changes), "", "changes"));
}

export function renderLegend(root, plan, colourOf) {
  root.replaceChildren();
  const seen = new Set(plan ? plan.visits.map((v) => v.skill) : []);
  for (const skill of [...seen].sort()) {
    const item = el("span");
    item.append(el("i", { style: { background: colourOf(skill) } }), activity(skill));
    root.append(item);
  }
}

// The hours the columns span: school hours, widened when a route starts or ends outside.
function span(plan) {
  let [first, last] = [8 * 60, 17.5 * 60];
  for (const d of plan.staffDays) {
    first = Math.min(first, d.leave);
    last = Math.max(last, d.back);
  }
  return [Math.floor(first / 60) * 60, Math.ceil(last / 60) * 60];
}

/**
 * Rows are squads and teachers, columns the weekdays; inside each cell the day runs left to
 * right, a block per visit and a dotted bar for the drive to it (from the base or the last
 * school; the visits do not carry the drive home).
 */
export function renderTimetable(root, plan, colourOf, selection, onPick) {
  root.replaceChildren();
  if (!plan || !plan.visits.length) return;
  const [first, last] = span(plan);
  const x = (minutes) => `${(100 * (minutes - first)) / (last - first)}%`;
  const width = (minutes) => `${(100 * minutes) / (last - first)}%`;
  root.style.setProperty("--hour", width(60)); // the cells' hour lines
  // Five days side by side leave an hour ~20px wide; clicking a day's heading widens that
  // day so its school names can be read, and clicking it again gives the week back.
  const columns = plan.weekdays.map((d) =>
    selection.day == null ? "minmax(15em, 1fr)" : d === selection.day ? "minmax(40em, 8fr)" : "minmax(5em, 1fr)",
  );
  root.style.gridTemplateColumns = `minmax(8em, 11em) ${columns.join(" ")}`;

  root.append(el("div", { className: "corner" }, t("timetable.staff")));
  for (const day of plan.weekdays) {
    const head = el("button", {
      type: "button",
      className: selection.day === day ? "day focused" : "day",
      title: t("timetable.zoom"),
      "data-day": day,
    });
    head.append(t(`day.${day}`), el("small", {}, ` ${plan.dates.get(day).slice(5)}`));
    const scale = el("div", { className: "scale" });
    const step = selection.day === day ? 60 : 120;
    const squeezed = selection.day != null && selection.day !== day; // no room for labels
    for (let h = first + step; h < last && !squeezed; h += step) {
      scale.append(el("span", { style: { left: x(h) } }, clock(h)));
    }
    head.append(scale);
    head.addEventListener("click", () => onPick({ day }));
    root.append(head);
  }

  const cells = new Map(plan.staffDays.map((d) => [`${d.staffKey}|${d.weekday}`, d]));
  for (const row of plan.rows) {
    const name = el("button", {
      type: "button",
      className: selection.staff === row.key ? "who selected" : "who",
      title: row.name,
      "data-staff": row.key,
    });
    name.append(el("span", {}, row.name), el("small", {}, row.kindLabel));
    name.addEventListener("click", () => onPick({ staff: row.key }));
    root.append(name);
    for (const weekday of plan.weekdays) {
      const cell = el("div", { className: "cell", "data-staff": row.key, "data-day": weekday });
      const day = cells.get(`${row.key}|${weekday}`);
      const squeezed = selection.day != null && selection.day !== weekday;
      if (day) fillCell(cell, day, colourOf, selection, onPick, x, width, squeezed);
      root.append(cell);
    }
  }
}

// squeezed: another day is widened, so this one's blocks are too thin for words.
function fillCell(cell, day, colourOf, selection, onPick, x, width, squeezed) {
  cell.title = `${clock(day.leave)}–${clock(day.back)} · ${t("timetable.travel", { n: day.travel })}`;
  for (const visit of day.visits) {
    if (visit.travel > 0) {
      cell.append(
        el("span", {
          className: "travel",
          title: t("timetable.travel", { n: visit.travel }),
          style: { left: x(visit.arrival - visit.travel), width: width(visit.travel) },
        }),
      );
    }
    const what = activity(visit.skill);
    const block = el("button", {
      type: "button",
      className: ["visit", visit.pinned ? "pinned" : "", visit.forced.length ? "forced" : ""]
        .concat(selection.visit === visit.id ? ["selected"] : [])
        .join(" "),
      "data-visit": visit.id,
      title: [
        visit.schoolName,
        visit.caseCode ? `${what}（${visit.caseCode}）` : what,
        `${clock(visit.start)}–${clock(visit.end)}`,
        visit.pinned ? t("timetable.pinned") : "",
        visit.carry ? t("timetable.carry") : "",
        visit.forced.length ? t("timetable.forced") : "",
      ]
        .filter(Boolean)
        .join(" · "),
      style: {
        left: x(visit.start),
        width: width(Math.max(visit.end - visit.start, 10)),
        background: colourOf(visit.skill),
      },
    });
    if (!squeezed) {
      block.append(el("b", {}, visit.schoolName), el("span", {}, `${what} ${clock(visit.start)}`));
    }
    block.addEventListener("click", () => onPick({ staff: day.staffKey, visit: visit.id }));
    cell.append(block);
  }
}

// The server explains each missing session in both languages; the solver's detail (who
// could have gone and what they did instead) is the row's tooltip.
export function renderUnscheduled(tbody, plan, world) {
  tbody.replaceChildren();
  if (!plan) return;
  if (!plan.unplaced.length) {
    tbody.append(el("tr")).append(el("td", { colSpan: 4, className: "muted" }, t("unscheduled.none")));
    return;
  }
  const zh = language() === "zh";
  for (const item of plan.unplaced) {
    const row = el("tr", { "data-reason": item.reason, title: item.detail || "" });
    row.append(
      el("td", {}, world.schoolOf(item.school_id ?? item.school_code)?.name ?? item.school_code),
      el("td", {}, item.case_code ? `${activity(item.skill)}（${item.case_code}）` : activity(item.skill)),
      el("td", {}, String(item.sessions_missing)),
      el("td", {}, zh ? item.message : item.message_en),
    );
    tbody.append(row);
  }
}
