// The week as a map, drawn as SVG from coordinates alone: the bureau's network may have no
// internet, so there are no tiles. A county spans well under a degree, where an
// equirectangular projection (longitude shrunk by cos(latitude)) is accurate enough.

import { t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 800;
const PAD = 24;

function node(name, attributes = {}, parent = null) {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  if (parent) parent.appendChild(el);
  return el;
}

function titled(el, text) {
  node("title", {}, el).textContent = text;
  return el;
}

// Fits the points into WIDTH × (whatever height keeps the county's shape).
function projection(points) {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * shrink, 1e-3);
  const spanY = Math.max(north - south, 1e-3);
  const scale = (WIDTH - 2 * PAD) / spanX;
  const height = Math.round(spanY * scale + 2 * PAD);
  const project = (lat, lon) => [
    PAD + (lon - west) * shrink * scale,
    PAD + (north - lat) * scale,
  ];
  return { project, height, south, north, west, east };
}

// A light graticule every 0.1° (or coarser for a wide area) so distances can be guessed.
function grid(svg, box) {
  const g = node("g", { class: "grid" }, svg);
  const step = Math.max(box.north - box.south, box.east - box.west) > 1.5 ? 0.5 : 0.1;
  for (let lat = Math.ceil(box.south / step) * step; lat <= box.north; lat += step) {
    const [, y] = box.project(lat, box.west);
    node("line", { x1: 0, x2: WIDTH, y1: y, y2: y }, g);
    node("text", { x: 2, y: y - 2 }, g).textContent = `${lat.toFixed(1)}°N`;
  }
  for (let lon = Math.ceil(box.west / step) * step; lon <= box.east; lon += step) {
    const [x] = box.project(box.south, lon);
    node("line", { x1: x, x2: x, y1: 0, y2: box.height }, g);
    node("text", { x: x + 2, y: box.height - 4 }, g).textContent = `${lon.toFixed(1)}°E`;
  }
}

/**
 * Draws the map into `svg`.
 * world: {townships, schools, staff} from the API (schools have latitude/longitude;
 * staff have base_latitude/base_longitude); plan: the normalised plan (see plan.js);
 * colourOf(staffKey) gives each person's route colour; selected: a staff key or null.
 */
export function drawMap(svg, world, plan, colourOf, selected) {
  svg.replaceChildren();
  const located = world.schools.filter((s) => s.latitude != null && s.longitude != null);
  const bases = world.staff.filter((s) => s.base_latitude != null);
  const points = [
    ...located.map((s) => ({ lat: s.latitude, lon: s.longitude })),
    ...bases.map((s) => ({ lat: s.base_latitude, lon: s.base_longitude })),
  ];
  if (!points.length) return;
  const box = projection(points);
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${box.height}`);
  grid(svg, box);

  const towns = node("g", { class: "townships" }, svg);
  for (const town of world.townships) {
    if (town.latitude == null) continue;
    const [x, y] = box.project(town.latitude, town.longitude);
    node("text", { x, y: y - 8, "text-anchor": "middle" }, towns).textContent = town.name;
  }

  // Routes under the markers, so every school stays clickable and visible.
  const routes = node("g", { class: "routes" }, svg);
  for (const day of plan ? plan.staffDays : []) {
    const person = world.staffByKey.get(day.staffKey);
    const stops = day.visits.map((v) => world.schoolOf(v.school)).filter(Boolean);
    if (!stops.length) continue;
    const path = [];
    if (person && person.base_latitude != null) {
      path.push(box.project(person.base_latitude, person.base_longitude));
    }
    for (const s of stops) path.push(box.project(s.latitude, s.longitude));
    if (path.length > stops.length) path.push(path[0]); // the drive back to base
    const line = node(
      "polyline",
      {
        points: path.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "),
        stroke: colourOf(day.staffKey),
        class: selected == null || selected === day.staffKey ? "route" : "route faded",
        "data-staff": day.staffKey,
      },
      routes,
    );
    const name = person ? person.name : day.staffKey;
    titled(line, `${name} · ${t(`day.${day.weekday}`)} · ${stops.map((s) => s.name).join(" → ")}`);
  }

  const missed = plan ? plan.unvisitedPoints : new Set();
  const visited = plan ? plan.visitedSchools : new Set();
  const marks = node("g", { class: "schools" }, svg);
  for (const s of located) {
    const [x, y] = box.project(s.latitude, s.longitude);
    const point = s.kind === "教学点";
    let cls = point ? "point" : "school";
    if (missed.has(s.id)) cls = "missed";
    else if (visited.has(s.id)) cls += " visited";
    const mark = node("circle", { cx: x, cy: y, r: cls === "missed" ? 6 : 3.5, class: cls }, marks);
    mark.dataset.school = s.id;
    titled(mark, `${s.name}（${s.kind}）${cls === "missed" ? " · " + t("map.missed") : ""}`);
  }

  const baseMarks = node("g", { class: "bases" }, svg);
  for (const person of bases) {
    const [x, y] = box.project(person.base_latitude, person.base_longitude);
    const mark = node("rect", { x: x - 4, y: y - 4, width: 8, height: 8, class: "base" }, baseMarks);
    titled(mark, `${t("map.base")}: ${person.name}`);
  }
}
