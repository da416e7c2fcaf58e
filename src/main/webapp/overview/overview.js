// The overview: apps, the chosen app's installSummary as a chart, and its latest statuses in pages of ten,
// refreshed every ten seconds. Everything comes from the Graph API with the user's own token.
const API = new URL("../beta/", import.meta.url);
const PAGE = 10;
const REFRESH_MS = 10_000;
const STATES = ["installed", "failed", "pendingInstall", "notInstalled", "notApplicable"];
const COLORS = ["#2e7d32", "#c62828", "#1565c0", "#6d4c41", "#757575"];

const $ = (id) => document.getElementById(id);
let token = null;
let app = null;
let page = 0;
let timer = null;
let chart = null;

/** A GET of the API; a Graph error becomes its readable message, never the raw JSON. */
async function get(path) {
    const answer = await fetch(new URL(path, API), {
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    const body = await answer.json().catch(() => null);
    if (!answer.ok) {
        const error = body && body.error;
        throw new Error(error ? `${error.message} (${answer.status} ${error.code})`
            : `The service answered ${answer.status}.`);
    }
    return body;
}

/** Every page of a collection, by @odata.nextLink (at most 50 pages: apps are few). */
async function getAll(path) {
    let page = await get(path);
    const all = [...page.value];
    for (let pages = 1; page["@odata.nextLink"] && pages < 50; pages++) {
        page = await get(page["@odata.nextLink"]);
        all.push(...page.value);
    }
    return all;
}

function say(text) {
    $("message").textContent = text;
}

async function connect(event) {
    event.preventDefault();
    token = $("token").value.trim();
    try {
        const apps = await getAll("deviceAppManagement/mobileApps?$select=displayName&$orderby=displayName");
        const select = $("app");
        select.replaceChildren(...apps.map((each) => new Option(each.displayName || each.id, each.id)));
        say(apps.length ? "" : "There are no apps yet.");
        $("app-section").hidden = apps.length === 0;
        if (apps.length) {
            choose(select.value);
        }
    } catch (e) {
        say(e.message);
    }
}

function choose(id) {
    app = id;
    page = 0;
    refresh();
}

async function refresh() {
    clearTimeout(timer);
    if (!app) {
        return;
    }
    const base = `deviceAppManagement/mobileApps/${encodeURIComponent(app)}`;
    try {
        const [summary, statuses] = await Promise.all([
            get(`${base}/installSummary`),
            get(`${base}/deviceStatuses?$orderby=lastSyncDateTime desc&$top=${PAGE}&$skip=${page * PAGE}&$count=true`),
        ]);
        showSummary(summary);
        showStatuses(statuses);
        say("");
        $("updated").textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
        say(e.message);
    }
    timer = setTimeout(refresh, REFRESH_MS);
}

function showSummary(summary) {
    const counts = STATES.map((state) => summary[`${state}DeviceCount`]);
    $("summary-section").hidden = false;
    chart = chart || echarts.init($("chart"));
    chart.setOption({
        animation: false,
        grid: { left: 48, right: 16, top: 16, bottom: 32 },
        xAxis: { type: "category", data: STATES },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ type: "bar", data: counts.map((value, i) => ({ value, itemStyle: { color: COLORS[i] } })) }],
    });
    $("chart-caption").textContent = STATES.map((state, i) => `${state}: ${counts[i]}`).join(", ");
}

function showStatuses(statuses) {
    $("statuses-section").hidden = false;
    const cells = (status) => [status.deviceName, status.userPrincipalName || status.userName, status.installState,
        status.installStateDetail, String(status.errorCode), status.lastSyncDateTime];
    $("statuses").replaceChildren(...statuses.value.map((status) => {
        const row = document.createElement("tr");
        row.dataset.id = status.id;
        for (const text of cells(status)) {
            const cell = document.createElement("td");
            cell.textContent = text ?? ""; // text, never markup: names come from clients
            row.append(cell);
        }
        return row;
    }));
    const pages = Math.max(1, Math.ceil(statuses["@odata.count"] / PAGE));
    $("page").textContent = `Page ${page + 1} of ${pages} (${statuses["@odata.count"]} statuses)`;
    $("previous").disabled = page === 0;
    $("next").disabled = page + 1 >= pages;
}

$("connect").addEventListener("submit", connect);
$("app").addEventListener("change", (event) => choose(event.target.value));
$("previous").addEventListener("click", () => { page--; refresh(); });
$("next").addEventListener("click", () => { page++; refresh(); });
window.addEventListener("resize", () => chart && chart.resize());
