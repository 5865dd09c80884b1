// The desk's words in both languages. Chinese is the default: the bureau works in it;
// English is one click away for visitors and for the engineers.

const WORDS = {
  "app.title": ["援教 · 协调员工作台", "Yuanjiao · Coordinator's desk"],
  week: ["周次", "Week"],
  logout: ["退出", "Log out"],
  "lang.other": ["English", "中文"],
  "login.title": ["登录", "Log in"],
  "login.hint": [
    "请粘贴协调员访问令牌（yuanjiao token create，或 make run 写入的 var/demo-coordinator.token）。",
    "Paste a coordinator token (yuanjiao token create, or var/demo-coordinator.token written by make run).",
  ],
  "login.placeholder": ["访问令牌", "access token"],
  "login.submit": ["登录", "Log in"],
  "login.refused": ["令牌无效或不是协调员令牌", "The token is invalid or not a coordinator's"],
  "solve.start": ["开始排程", "Solve"],
  "solve.limit": ["时限（秒）", "Time limit (s)"],
  "solve.queued": ["排队中…", "Queued…"],
  "solve.running": ["排程中…", "Solving…"],
  "solve.succeeded": ["排程完成", "Solve finished"],
  "solve.failed": ["排程失败", "Solve failed"],
  "solve.cancelled": ["排程已取消", "Solve cancelled"],
  "plan.draft": ["草稿", "Draft"],
  "plan.published": ["已发布", "Published"],
  "plan.none": ["无排程", "No plan"],
  "plan.empty": ["本周还没有排程，请点击“开始排程”。", "No plan for this week yet: press Solve."],
  "plan.novisits": ["这一版没有安排任何走访（可延长时限后重新排程）。", "This version has no visits (try a longer time limit)."],
  "plan.version": ["第 {n} 版", "version {n}"],
  publish: ["发布", "Publish"],
  "publish.done": ["已发布", "Published"],
  download: ["下载 Excel", "Download Excel"],
  "kpi.coverage": ["覆盖率", "Coverage"],
  "kpi.coverage.note": ["{placed}/{requested} 课时，加权 {weighted}", "{placed}/{requested} sessions, weighted {weighted}"],
  "kpi.missed": ["无人走访的教学点", "Teaching points with no visit"],
  "kpi.travel": ["人均路程", "Travel per person"],
  "kpi.travel.note": ["中位数，最少 {min} 最多 {max} 分钟", "median; least {min}, most {max} min"],
  "kpi.balance": ["均衡度", "Balance"],
  "kpi.balance.note": ["最多/最少路程之比", "most ÷ least travel"],
  "kpi.changes": ["与上次相比改动", "Changes since last plan"],
  minutes: ["分钟", "min"],
  "timetable.title": ["周课表", "Week timetable"],
  "timetable.staff": ["小分队 / 教师", "Squad / teacher"],
  "timetable.travel": ["路上 {n} 分钟", "{n} min on the road"],
  "timetable.zoom": ["点击放大这一天（再点恢复）", "Click to widen this day (again to restore)"],
  "timetable.pinned": ["已锁定", "pinned"],
  "timetable.carry": ["补课", "make-up"],
  "timetable.forced": ["强制调整，违反规则", "moved by force, breaks rules"],
  "map.title": ["地图", "Map"],
  "map.base": ["驻地", "Base"],
  "map.visited": ["本周走访", "Visited this week"],
  "map.school": ["学校", "School"],
  "map.point": ["教学点", "Teaching point"],
  "map.missed": ["未走访教学点", "Unvisited teaching point"],
  "visit.title": ["走访", "Visit"],
  "visit.pin": ["锁定", "Pin"],
  "visit.unpin": ["解除锁定", "Unpin"],
  "visit.delete": ["删除", "Delete"],
  "visit.move": ["调整到", "Move to"],
  "visit.staff": ["人员", "Staff"],
  "visit.day": ["日期", "Day"],
  "visit.start": ["开始", "Start"],
  "visit.apply": ["调整", "Move"],
  "visit.breaks": ["此调整会违反：", "This move breaks:"],
  "visit.ok": ["调整可行", "The move fits"],
  "visit.force": ["即使违反规则也执行", "Apply even if it breaks rules"],
  "visit.forced": ["已强制调整，但违反：", "Moved anyway; it breaks:"],
  "unscheduled.title": ["未安排的课时", "Unscheduled sessions"],
  "unscheduled.school": ["学校", "School"],
  "unscheduled.activity": ["活动", "Activity"],
  "unscheduled.sessions": ["课时", "Sessions"],
  "unscheduled.reason": ["原因", "Reason"],
  "unscheduled.none": ["全部课时都已安排", "Every session is scheduled"],
  // The solver's own name for a case session's skill; county skills are already Chinese.
  "skill.psychology": ["心理辅导（个案）", "Counselling (case)"],
  "error.network": ["无法连接服务器", "Cannot reach the server"],
  "error.unknown": ["出错了", "Something went wrong"],
  "day.1": ["周一", "Mon"],
  "day.2": ["周二", "Tue"],
  "day.3": ["周三", "Wed"],
  "day.4": ["周四", "Thu"],
  "day.5": ["周五", "Fri"],
  "day.6": ["周六", "Sat"],
  "day.7": ["周日", "Sun"],
};

const KEY = "yuanjiao.lang";
let lang = localStorage.getItem(KEY) === "en" ? "en" : "zh";

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
}

// t("kpi.travel.note", {min: 3}) → the word in the current language with {min} filled in.
export function t(key, values = {}) {
  const pair = WORDS[key];
  const text = pair ? pair[lang === "zh" ? 0 : 1] : key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

// An activity as people say it: the county's skill names, or a solver code translated.
export function activity(skill) {
  return WORDS[`skill.${skill}`] ? t(`skill.${skill}`) : skill;
}

// The server sends every error in both languages; show the one the reader chose.
export function errorText(body) {
  const error = body && body.error;
  if (!error) return t("error.unknown");
  const message = lang === "zh" ? error.message : error.message_en;
  const details = (error.details || [])
    .map((d) => (lang === "zh" ? d.message : d.message_en || d.message))
    .filter(Boolean);
  return [message, ...details].join("；");
}

// Fills every element marked data-i18n / data-i18n-placeholder in the static page.
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  document.title = t("app.title");
}
