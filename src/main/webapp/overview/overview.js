// The overview, laid out as an Intune admin reads the admin center: the apps ranked by failed devices first,
// then the chosen app's counts and its devices (by state, searched, in pages of ten, refreshed every ten
// seconds), and its export. Everything comes from the Graph reports, with the user's own token.
const API = new URL("../beta/", import.meta.url);
const REPORTS = "deviceManagement/reports/";
const PAGE = 10;
const APPS = 1000; // more would make the app list unusable; the worst ones come first anyway
const RANKED = 10; // as the admin center's failed-apps tile: the worst few, not every app
const REFRESH_MS = 10_000;
const SEARCH_DELAY_MS = 300; // search once typing pauses, not at every key
const EXPORT_POLL_MS = 1_000;
const EXPORT_WAIT_MS = 5 * 60_000;
// the chart's bars; the overview report names its columns after them (InstalledDeviceCount, ...)
const STATES = ["installed", "failed", "pendingInstall", "notInstalled", "notApplicable"];
const COLORS = ["#2e7d32", "#c62828", "#1565c0", "#6d4c41", "#757575"];
const DEVICE_COLUMNS = ["DeviceId", "DeviceName", "UserPrincipalName", "UserName", "AppInstallState",
    "AppInstallStateDetails", "HexErrorCode", "LastModifiedDateTime"]; // each localized one brings its _loc text

const $ = (id) => document.getElementById(id);
let token = null;
let app = null;
let page = 0;
let timer = null;
let searchTimer = null;
let chart = null;
let asked = 0; // the latest refresh: an older one's answer, arriving late, must not overwrite it

/** A call of the API, a POST when it has a body; a Graph error becomes its readable message, never the raw JSON. */
async function call(path, body) {
    const answer = await fetch(new URL(path, API), {
        method: body ? "POST" : "GET",
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json",
            ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
    });
    // a report is JSON sent as application/octet-stream, as Graph sends it: parse the text, whatever its type
    const json = await answer.text().then(JSON.parse).catch(() => null);
    if (!answer.ok) {
        const error = json && json.error;
        throw new Error(error ? `${error.message} (${answer.status} ${error.code})`
            : `The service answered ${answer.status}.`);
    }
    return json;
}

/** A report's rows as objects by column name: where a column comes depends on the select. */
async function report(name, body) {
    const answer = await call(REPORTS + name, body);
    const columns = answer.Schema.map((column) => column.Column);
    return {
        total: answer.TotalRowCount,
        rows: answer.Values.map((values) => Object.fromEntries(columns.map((column, i) => [column, values[i]]))),
    };
}

const ofApp = () => `(ApplicationId eq '${app.replaceAll("'", "''")}')`;

function say(text) {
    $("message").textContent = text;
}

/** A table row of text cells (never markup: names come from clients) or of the elements given. */
function row(id, cells) {
    const tr = document.createElement("tr");
    tr.dataset.id = id;
    for (const content of cells) {
        const cell = document.createElement("td");
        cell.append(content instanceof Node ? content : String(content ?? ""));
        tr.append(cell);
    }
    return tr;
}

async function connect(event) {
    event.preventDefault();
    token = $("token").value.trim();
    try {
        const apps = await report("getAppsInstallSummaryReport", {
            select: ["ApplicationId", "DisplayName", "Publisher", "Platform", "AppVersion", "FailedDeviceCount",
                "FailedDevicePercentage", "FailedUserCount"],
            orderBy: ["FailedDeviceCount desc"], top: APPS,
        });
        showRanking(apps.rows.filter((each) => each.FailedDeviceCount > 0).slice(0, RANKED));
        $("app").replaceChildren(...apps.rows.map((each) => new Option(
            `${each.DisplayName || each.ApplicationId} (${each.FailedDeviceCount} failed)`, each.ApplicationId)));
        if (apps.total > apps.rows.length) {
            $("app-help").textContent = `The first ${apps.rows.length} of ${apps.total} apps, the most failed first.`;
        }
        say(apps.rows.length ? "" : "There are no apps yet.");
        $("app-section").hidden = apps.rows.length === 0;
        if (apps.rows.length) {
            choose(apps.rows[0].ApplicationId);
        }
    } catch (e) {
        say(e.message);
    }
}

function showRanking(apps) {
    $("ranking-section").hidden = false;
    $("ranking-none").hidden = apps.length > 0;
    $("ranking").replaceChildren(...apps.map((each) => {
        const open = document.createElement("button"); // a button, so the keyboard reaches it
        open.type = "button";
        open.className = "link";
        open.textContent = each.DisplayName || each.ApplicationId;
        open.addEventListener("click", () => choose(each.ApplicationId));
        return row(each.ApplicationId, [open, each.Publisher, each.Platform_loc, each.AppVersion,
            each.FailedDeviceCount, each.FailedDevicePercentage.toFixed(2), each.FailedUserCount]);
    }));
}

function choose(id) {
    app = id;
    $("app").value = id;
    $("download").hidden = true; // the last export was another app's
    page = 0;
    refresh();
}

async function refresh() {
    clearTimeout(timer);
    if (!app) {
        return;
    }
    const mine = ++asked;
    const state = $("state").value;
    try {
        const [overview, devices] = await Promise.all([
            report("getAppStatusOverviewReport", { filter: ofApp() }),
            report("getDeviceInstallStatusReport", {
                filter: state ? `${ofApp()} and (InstallState eq '${state}')` : ofApp(),
                search: $("search").value.trim(), select: DEVICE_COLUMNS,
                orderBy: ["LastModifiedDateTime desc"], skip: page * PAGE, top: PAGE,
            }),
        ]);
        if (mine !== asked) {
            return;
        }
        showSummary(overview.rows[0] || {}); // an app without statuses has no row: all zero
        showStatuses(devices);
        say("");
        $("updated").textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
        if (mine !== asked) {
            return;
        }
        say(e.message);
    }
    timer = setTimeout(refresh, REFRESH_MS);
}

function showSummary(overview) {
    const count = (state, of) => overview[`${state[0].toUpperCase()}${state.slice(1)}${of}Count`] ?? 0;
    const devices = STATES.map((state) => count(state, "Device"));
    $("summary-section").hidden = false;
    chart = chart || echarts.init($("chart"));
    chart.setOption({
        animation: false,
        grid: { left: 48, right: 16, top: 16, bottom: 32 },
        xAxis: { type: "category", data: STATES },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ type: "bar", data: devices.map((value, i) => ({ value, itemStyle: { color: COLORS[i] } })) }],
    });
    $("chart-caption").textContent = STATES.map((state, i) => `${state}: ${devices[i]}`).join(", ");
    $("counts").replaceChildren(...STATES.map((state, i) => row(state, [state, devices[i], count(state, "User")])));
}

/** As the report writes it, UTC to the second; null is a device that never synced. */
function lastSync(time) {
    return time ? `${time.replace("T", " ")} UTC` : "never";
}

function showStatuses(devices) {
    $("statuses-section").hidden = false;
    $("statuses").replaceChildren(...devices.rows.map((device) => row(device.DeviceId, [device.DeviceName,
        device.UserPrincipalName || device.UserName, device.AppInstallState_loc, device.AppInstallStateDetails_loc,
        device.HexErrorCode, lastSync(device.LastModifiedDateTime)])));
    const pages = Math.max(1, Math.ceil(devices.total / PAGE));
    $("page").textContent = `Page ${page + 1} of ${pages} (${devices.total} statuses)`;
    $("previous").disabled = page === 0;
    $("next").disabled = page + 1 >= pages;
}

/** Runs the app's DeviceInstallStatusByApp export job and downloads its ZIP, as the admin center's Export does. */
async function exportStatuses() {
    const of = app;
    const link = $("download");
    $("export").disabled = true;
    link.hidden = true;
    $("export-status").textContent = "Preparing the export…";
    try {
        let job = await call(`${REPORTS}exportJobs`,
            { reportName: "DeviceInstallStatusByApp", filter: ofApp(), format: "csv" });
        const until = Date.now() + EXPORT_WAIT_MS;
        while (job.status !== "completed") { // made in the background: poll until it ends
            if (job.status === "failed" || Date.now() > until) {
                throw new Error("The export did not complete; try again.");
            }
            await new Promise((resolve) => setTimeout(resolve, EXPORT_POLL_MS));
            job = await call(`${REPORTS}exportJobs/${encodeURIComponent(job.id)}`);
        }
        if (of === app) {
            link.href = job.url; // needs no token, so a plain link downloads it
            link.download = `${job.id}.zip`;
            link.textContent = `Download ${job.id}.zip`;
            link.hidden = false;
            link.click();
        }
    } catch (e) {
        say(e.message);
    } finally {
        $("export").disabled = false;
        $("export-status").textContent = "";
    }
}

function filterChanged() {
    page = 0;
    refresh();
}

$("connect").addEventListener("submit", connect);
$("app").addEventListener("change", (event) => choose(event.target.value));
$("state").addEventListener("change", filterChanged);
$("search").addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(filterChanged, SEARCH_DELAY_MS);
});
$("export").addEventListener("click", exportStatuses);
$("previous").addEventListener("click", () => { page--; refresh(); });
$("next").addEventListener("click", () => { page++; refresh(); });
window.addEventListener("resize", () => chart && chart.resize());
