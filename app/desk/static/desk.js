// The coordinator's desk: log in with a token, look at the week, solve, fix, publish.
// All data comes from the REST API with the coordinator's token; this page keeps nothing
// but the token (sessionStorage: gone when the browser closes) and the language choice.

import { activity, errorText, language, setLanguage, t, translatePage } from "./i18n.js";
import { drawMap } from "./map.js";
import { normalisePlan, staffKey } from "./plan.js";
import {
  clock,
  palette,
  renderKpis,
  renderLegend,
  renderTimetable,
  renderUnscheduled,
} from "./views.js";

const TOKEN = "yuanjiao.token";
const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);

// Every endpoint the page calls, in one place.
const API = {
  me: () => "/api/v1/me",
  county: (id) => `/api/v1/counties/${id}`,
  list: (name, offset) => `/api/v1/${name}?limit=500&offset=${offset}`,
  plan: (week, part = "") => `/api/v1/weeks/${week}/plan${part}`,
  solves: (week) => `/api/v1/weeks/${week}/solves`,
  solve: (id) => `/api/v1/solves/${id}`,
  visit: (week, id) => `/api/v1/weeks/${week}/plan/visits/${id}`,
  move: (week, id) => `/api/v1/weeks/${week}/plan/visits/${id}/move`,
  publish: (week) => `/api/v1/weeks/${week}/plan/publish`,
  xlsx: (week) => `/api/v1/weeks/${week}/plan.xlsx`,
};

const state = {
  world: null,
  plan: null,
  selection: { staff: null, visit: null, day: null },
  colourOf: palette([]),
  routeColour: palette([]),
};

class ApiError extends Error {
  constructor(status, body) {
    super(errorText(body));
    this.status = status;
    this.body = body;
  }
}

async function api(method, path, body = undefined) {
  const headers = { Authorization: `Bearer ${sessionStorage.getItem(TOKEN)}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { error: { message: t("error.network"), message_en: t("error.network") } });
  }
  if (response.status === 401) {
    logout();
    throw new ApiError(401, await response.json().catch(() => null));
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response;
}

const json = async (method, path, body) => (await api(method, path, body)).json();

function say(text, kind = "info") {
  const box = $("message");
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = !text;
}

// Runs an action, turning any failure into a message instead of an uncaught rejection.
function guarded(action) {
  return async (...args) => {
    try {
      say("");
      await action(...args);
    } catch (error) {
      say(error.message || t("error.unknown"), "error");
    }
  };
}

// ---- the county's reference data (the map needs coordinates, the rows need names) ----

async function listAll(name) {
  const items = [];
  for (let offset = 0; ; ) {
    const page = await json("GET", API.list(name, offset));
    items.push(...page.items);
    offset += page.items.length;
    if (!page.items.length || offset >= page.total) return items;
  }
}

async function loadWorld(countyId) {
  const [county, townships, schools, squads, teachers] = await Promise.all([
    json("GET", API.county(countyId)),
    listAll("townships"),
    listAll("schools"),
    listAll("squads"),
    listAll("teachers"),
  ]);
  const staff = [
    ...squads.map((s) => ({ ...s, key: staffKey("squad", s.id) })),
    ...teachers.map((s) => ({ ...s, key: staffKey("teacher", s.id) })),
  ];
  const schoolsById = new Map(schools.map((s) => [s.id, s]));
  const schoolsByCode = new Map(schools.map((s) => [s.code, s]));
  state.world = {
    county,
    townships,
    schools,
    staff,
    staffByKey: new Map(staff.map((s) => [s.key, s])),
    // KPIs name schools by id, the solver's explanations by code as well: accept either.
    schoolOf: (ref) => schoolsById.get(Number(ref)) || schoolsByCode.get(String(ref)) || null,
  };
  state.colourOf = palette(county.skills || []);
  state.routeColour = palette(staff.map((s) => s.key));
  $("county-name").textContent = county.name;
}

// ---- the week's plan ----

function week() {
  return $("week").value;
}

function currentIsoWeek() {
  const now = new Date();
  const day = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const jan1 = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const number = Math.ceil(((day - jan1) / 86400000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(number).padStart(2, "0")}`;
}

async function loadPlan() {
  const w = week();
  try {
    const [plan, kpis, unscheduled] = await Promise.all([
      json("GET", API.plan(w, "?view=staff")),
      json("GET", API.plan(w, "/kpis")),
      json("GET", API.plan(w, "/unscheduled")),
    ]);
    state.plan = normalisePlan(plan, kpis, unscheduled, state.world);
  } catch (error) {
    if (error.status !== 404) throw error;
    state.plan = null; // no plan yet for this week: the page says so
  }
  if (state.selection.visit && !findVisit(state.selection.visit)) state.selection.visit = null;
  render();
}

function findVisit(id) {
  return state.plan ? state.plan.visits.find((v) => v.id === id) : undefined;
}

function render() {
  const { plan, world } = state;
  const status = $("plan-status");
  status.textContent = plan
    ? `${t(`plan.${plan.status}`)} · ${t("plan.version", { n: plan.number })}`
    : t("plan.none");
  status.dataset.status = plan ? plan.status : "none";
  $("publish").disabled = !plan || plan.status === "published";
  $("download").disabled = !plan;
  $("empty").hidden = Boolean(plan && plan.visits.length);
  $("empty").textContent = plan ? t("plan.novisits") : t("plan.empty");
  renderKpis($("kpis"), plan, world);
  renderLegend($("legend"), plan, state.colourOf);
  renderTimetable($("timetable"), plan, state.colourOf, state.selection, pick);
  drawMap($("map"), world, plan, state.routeColour, state.selection.staff);
  renderUnscheduled($("unscheduled"), plan, world);
  renderVisitForm();
}

// A click on a day heading zooms that day (or back); on a person, highlights their routes
// (or not); on a visit, opens it in the form.
function pick(selection) {
  const current = state.selection;
  if (selection.day != null) {
    state.selection = { ...current, day: current.day === selection.day ? null : selection.day };
  } else if (selection.visit == null && current.staff === selection.staff) {
    state.selection = { ...current, staff: null, visit: null };
  } else {
    state.selection = { ...current, visit: null, ...selection };
  }
  $("breaks").replaceChildren();
  render();
}

// ---- one visit: pin, move, delete ----

function renderVisitForm() {
  const visit = state.selection.visit == null ? null : findVisit(state.selection.visit);
  const form = $("visit");
  form.hidden = !visit;
  if (!visit) return;
  const { world, plan } = state;
  $("visit-summary").textContent = [
    visit.staffName,
    t(`day.${visit.weekday}`),
    `${clock(visit.start)}–${clock(visit.end)}`,
    visit.schoolName,
    visit.caseCode ? `${activity(visit.skill)}（${visit.caseCode}）` : activity(visit.skill),
    visit.pinned ? t("timetable.pinned") : "",
  ]
    .filter(Boolean)
    .join(" · ");
  $("pin").textContent = visit.pinned ? t("visit.unpin") : t("visit.pin");
  $("pin").dataset.pinned = String(visit.pinned);

  const staffSelect = $("move-staff");
  staffSelect.replaceChildren(...world.staff.map((s) => new Option(`${s.name}（${s.code}）`, s.key)));
  staffSelect.value = visit.staffKey;
  $("move-day").replaceChildren(
    ...plan.weekdays.map((d) => new Option(`${t(`day.${d}`)} ${plan.dates.get(d).slice(5)}`, d)),
  );
  $("move-day").value = String(visit.weekday);
  $("move-start").value = clock(visit.start);
  $("force").checked = false;
  // A visit moved by force keeps what it breaks; say so whenever it is opened.
  if (visit.forced.length) showBreaks(visit.forced, true);
}

function item(text, className = "") {
  return Object.assign(document.createElement("li"), { textContent: text, className });
}

// What the checker says a move breaks: problems from a refused move (422 details) or the
// violations a forced move was applied with. Both carry zh-CN and English messages.
function showBreaks(problems, applied) {
  const list = $("breaks");
  list.replaceChildren();
  if (!problems.length) {
    list.append(item(t("visit.ok"), "ok"));
    return;
  }
  list.append(item(applied ? t("visit.forced") : t("visit.breaks")));
  for (const p of problems) {
    list.append(item(language() === "zh" ? p.message : p.message_en || p.message, "broken"));
  }
}

const togglePin = guarded(async () => {
  const visit = findVisit(state.selection.visit);
  const edit = await json("PATCH", API.visit(week(), visit.id), { pinned: !visit.pinned });
  // Editing a published plan makes a new draft with new visit ids: follow the visit.
  state.selection.visit = edit.visit ? edit.visit.id : null;
  await loadPlan();
});

const removeVisit = guarded(async () => {
  const visit = findVisit(state.selection.visit);
  await api("DELETE", API.visit(week(), visit.id));
  state.selection.visit = null;
  await loadPlan();
});

const moveVisit = guarded(async (event) => {
  event.preventDefault();
  const visit = findVisit(state.selection.visit);
  const [kind, id] = $("move-staff").value.split(":");
  const body = {
    staff_kind: kind,
    staff_id: Number(id),
    date: state.plan.dates.get(Number($("move-day").value)),
    start: $("move-start").value,
    force: $("force").checked,
  };
  let edit;
  try {
    edit = await json("POST", API.move(week(), visit.id), body);
  } catch (error) {
    if (error.status === 422 && error.body.error.code === "move_infeasible") {
      showBreaks(error.body.error.details, false);
      return;
    }
    throw error;
  }
  state.selection = { ...state.selection, visit: edit.visit ? edit.visit.id : null };
  await loadPlan();
  showBreaks(edit.violations, true);
});

// ---- the week's actions: solve, publish, download ----

// Starts a solve, or joins the one already running for the week (the API allows one).
async function startOrJoin(seconds) {
  try {
    return await json("POST", API.solves(week()), { seconds });
  } catch (error) {
    if (error.status !== 409) throw error;
    const newest = await json("GET", `${API.solves(week())}?limit=1`);
    if (!newest.items.length) throw error;
    return newest.items[0];
  }
}

const solve = guarded(async () => {
  const button = $("solve");
  const bar = $("progress");
  const status = $("solve-status");
  button.disabled = true;
  delete status.dataset.status; // set again when this solve ends
  bar.hidden = false;
  bar.value = 0;
  try {
    let job = await startOrJoin(Number($("time-limit").value) || 30);
    while (["queued", "running"].includes(job.status)) {
      const elapsed = job.progress.elapsed_seconds || 0;
      status.textContent = `${t(`solve.${job.status}`)} ${Math.round(elapsed)}/${job.seconds} s`;
      // The time limit bounds the search, so elapsed ÷ limit is an honest progress.
      bar.value = Math.min(99, (100 * elapsed) / job.seconds);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await json("GET", API.solve(job.id));
    }
    if (job.status === "succeeded") bar.value = 100;
    status.textContent = t(`solve.${job.status}`);
    status.dataset.status = job.status;
    if (job.status === "failed") {
      const reason = job.error ? (language() === "zh" ? job.error.message : job.error.message_en) : "";
      throw new Error(`${t("solve.failed")}：${reason}`);
    }
    await loadPlan();
  } finally {
    button.disabled = false;
  }
});

const publish = guarded(async () => {
  await api("POST", API.publish(week()));
  await loadPlan();
  say(t("publish.done"));
});

// The file needs the token, so it is fetched and handed to the browser as a blob.
const download = guarded(async () => {
  const response = await api("GET", API.xlsx(week()));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = `yuanjiao-${week()}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
});

// ---- log in / out, language ----

function showDesk(signedIn) {
  $("login").hidden = signedIn;
  $("desk").hidden = !signedIn;
  $("logout").hidden = !signedIn;
}

function logout() {
  sessionStorage.removeItem(TOKEN);
  state.world = null;
  state.plan = null;
  showDesk(false);
}

async function enter() {
  const me = await json("GET", API.me());
  if (me.role !== "coordinator") {
    sessionStorage.removeItem(TOKEN);
    throw new Error(t("login.refused"));
  }
  await loadWorld(me.county_id);
  showDesk(true);
  await loadPlan();
}

async function login(event) {
  event.preventDefault();
  sessionStorage.setItem(TOKEN, $("token").value.trim());
  $("token").value = "";
  try {
    $("login-error").textContent = "";
    await enter();
  } catch (error) {
    sessionStorage.removeItem(TOKEN);
    showDesk(false);
    $("login-error").textContent = error.status === 401 ? t("login.refused") : error.message;
  }
}

function applyLanguage() {
  translatePage();
  $("lang").textContent = t("lang.other");
  if (state.world) render();
}

function start() {
  applyLanguage();
  $("week").value = location.hash.slice(1) || currentIsoWeek();
  $("lang").addEventListener("click", () => {
    setLanguage(language() === "zh" ? "en" : "zh");
    applyLanguage();
  });
  $("login").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);
  $("week").addEventListener(
    "change",
    guarded(async () => {
      if (!week()) return;
      history.replaceState(null, "", `#${week()}`);
      state.selection = { staff: null, visit: null, day: null };
      await loadPlan();
    }),
  );
  $("solve").addEventListener("click", solve);
  $("publish").addEventListener("click", publish);
  $("download").addEventListener("click", download);
  $("pin").addEventListener("click", togglePin);
  $("remove").addEventListener("click", removeVisit);
  $("visit").addEventListener("submit", moveVisit);
  if (sessionStorage.getItem(TOKEN)) {
    enter().catch((error) => {
      showDesk(false);
      $("login-error").textContent = error.message;
    });
  } else {
    showDesk(false);
  }
}

start();
