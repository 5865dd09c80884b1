// Turns the API's plan (GET /api/v1/weeks/{week}/plan, its /kpis and /unscheduled) into the
// one shape the views draw from. Every visit row is one session (it can be pinned, moved or
// deleted alone); a staff-day groups one person's sessions of one day.

// Monday to Friday always show; a weekend day only when someone works it.
const WEEKDAYS = [1, 2, 3, 4, 5];

export function datesOfWeek(week) {
  const [year, number] = week.split("-W").map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + 7 * (number - 1));
  const dates = new Map();
  for (let k = 0; k < 7; k++) {
    const day = new Date(monday);
    day.setUTCDate(monday.getUTCDate() + k);
    dates.set(k + 1, day.toISOString().slice(0, 10));
  }
  return dates;
}

export function staffKey(kind, id) {
  return `${kind}:${id}`;
}

// "09:30" → 570: the API speaks the county's wall clock, the views draw in minutes.
export function minutesOf(clock) {
  const [h, m] = clock.split(":").map(Number);
  return h * 60 + m;
}

function visitOf(raw) {
  return {
    id: raw.id,
    staffKey: staffKey(raw.staff_kind, raw.staff_id),
    staffName: raw.staff_name,
    weekday: raw.weekday,
    school: raw.school_id,
    schoolName: raw.school_name,
    start: minutesOf(raw.start),
    end: minutesOf(raw.end),
    arrival: minutesOf(raw.arrival),
    travel: raw.travel_minutes,
    sequence: raw.sequence,
    skill: raw.skill,
    caseCode: raw.case_code,
    pinned: raw.pinned,
    carry: raw.carried_over,
    forced: raw.forced_violations,
  };
}

function spread(values) {
  if (!values.length) return { min: 0, median: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}

/**
 * plan: PlanOut (view=staff); kpis: KpisOut; unscheduled: UnscheduledOut; world: the
 * county's reference data from the list endpoints. Returns {status, number, visits,
 * staffDays, rows, weekdays, dates, kpis, unplaced, unvisitedPoints, visitedSchools}.
 */
export function normalisePlan(plan, kpis, unscheduled, world) {
  const visits = plan.groups.flatMap((g) => g.visits).map(visitOf);
  visits.sort((a, b) => a.weekday - b.weekday || a.sequence - b.sequence || a.start - b.start);

  const byDay = new Map();
  for (const v of visits) {
    const key = `${v.staffKey}|${v.weekday}`;
    if (!byDay.has(key)) byDay.set(key, { staffKey: v.staffKey, weekday: v.weekday, visits: [] });
    byDay.get(key).visits.push(v);
  }
  const staffDays = [...byDay.values()].map((d) => {
    const first = d.visits[0];
    const last = d.visits[d.visits.length - 1];
    const travel = d.visits.reduce((sum, v) => sum + v.travel, 0);
    return { ...d, leave: first.arrival - first.travel, back: last.end, travel };
  });

  // Rows in the county's own order (squads, then teachers, by code), so a coordinator finds
  // a person where they found them last week; anyone the lists lack still gets a row.
  const used = new Set(visits.map((v) => v.staffKey));
  const rows = world.staff
    .filter((s) => used.has(s.key))
    .map((s) => ({ key: s.key, name: s.name, kindLabel: s.code }));
  for (const group of plan.groups) {
    if (!rows.some((r) => r.key === group.key)) {
      rows.push({ key: group.key, name: group.label, kindLabel: "" });
    }
  }

  const weekdays = [...WEEKDAYS];
  for (const v of visits) if (!weekdays.includes(v.weekday)) weekdays.push(v.weekday);
  weekdays.sort();

  const k = (kpis && kpis.kpis) || {};
  const travelByStaff = (k.travel_by_staff || []).map((t) => t.minutes);
  const unvisitedPoints = new Set(
    (k.teaching_points_unvisited || [])
      .map((ref) => world.schoolOf(ref))
      .filter(Boolean)
      .map((s) => s.id),
  );
  return {
    status: plan.version.status,
    number: plan.version.number,
    visits,
    staffDays,
    rows,
    weekdays,
    dates: datesOfWeek(plan.week),
    kpis: {
      requested: k.sessions_requested ?? visits.length,
      // Hand edits change what is placed; the solver's count is from before them.
      placed: kpis ? kpis.sessions_placed_now : visits.length,
      weighted: k.weighted_coverage ?? 0,
      weightedRequested: k.weighted_requested ?? 0,
      travel: k.travel_per_staff ?? spread(travelByStaff),
      balance: travelByStaff.length ? spread(travelByStaff) : null,
      changes: k.changes ?? null,
    },
    unplaced: unscheduled ? unscheduled.items : [],
    unvisitedPoints,
    visitedSchools: new Set(visits.map((v) => v.school)),
  };
}
