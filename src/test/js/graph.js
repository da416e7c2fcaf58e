// Microsoft's JavaScript Graph client, set up for this service as any integration would use it over plain
// http. GraphJavaScriptClientIT passes the deployed service and its tokens in the environment.
import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";

export const BASE_URL = required("GRAPH_BASE_URL").replace(/\/+$/, ""); // e.g. http://host:port/beta
export const TOKEN = required("GRAPH_TOKEN"); // DeviceManagementApps.ReadWrite.All
export const READ_TOKEN = required("GRAPH_READ_TOKEN"); // DeviceManagementApps.Read.All

export const APPS = "/deviceAppManagement/mobileApps";

const base = new URL(BASE_URL);
const version = base.pathname.replace(/^\/+|\/+$/g, ""); // "beta"

/**
 * A client whose requests carry this token. The client's own AuthenticationHandler sends a token only to
 * https Graph hosts (and custom hosts over https), so over http the chain is built here: a middleware that
 * sets Authorization, then the client's RetryHandler and HTTPMessageHandler, as its default chain has them.
 */
export function graphClient(token = TOKEN) {
    const bearer = {
        async execute(context) {
            const headers = context.options.headers ?? {};
            context.options.headers = { ...headers, Authorization: `Bearer ${token}` };
            return this.next.execute(context);
        },
        setNext(next) {
            this.next = next;
        },
    };
    return Client.initWithMiddleware({
        baseUrl: base.origin,
        defaultVersion: version,
        customHosts: new Set([base.hostname]),
        middleware: [bearer, new RetryHandler(new RetryHandlerOptions()), new HTTPMessageHandler()],
    });
}

/**
 * The client for PageIterator, which follows each @odata.nextLink through client.api(link). GraphRequest
 * strips scheme, host and version from an https link only; an http link would be appended to the base URL.
 * So links to this service are handed on relative to the version, as the client makes them of https ones.
 */
export function followingLinks(client) {
    return new Proxy(client, {
        get(target, property) {
            if (property !== "api") {
                return Reflect.get(target, property);
            }
            return (path) => target.api(path.startsWith(BASE_URL + "/") ? path.substring(BASE_URL.length) : path);
        },
    });
}

/** A new webApp, so that every test has its own data. */
export async function newApp(client, name = "Contoso Portal") {
    const app = await client.api(APPS).post({
        "@odata.type": "#microsoft.graph.webApp",
        displayName: name,
        publisher: "Contoso",
        appUrl: "https://portal.contoso.example",
    });
    return app.id;
}

/** `count` statuses of `route` named device-000, device-001, ..., created `parallel` at a time; their ids. */
export async function createStatuses(client, route, count, parallel) {
    const made = [];
    for (let start = 0; start < count; start += parallel) {
        const creates = [];
        for (let i = start; i < Math.min(start + parallel, count); i++) {
            creates.push(client.api(route).post(status({ deviceName: `device-${String(i).padStart(3, "0")}` })));
        }
        made.push(...(await Promise.all(creates)).map((created) => created.id));
    }
    return made;
}

/** A mobileAppInstallStatus as the Graph documentation's create example sends it, changed by `change`. */
export function status(change = {}) {
    return {
        "@odata.type": "#microsoft.graph.mobileAppInstallStatus",
        deviceName: "Device Name value",
        deviceId: "Device Id value",
        lastSyncDateTime: "2017-01-01T00:02:49.3205976-08:00",
        mobileAppInstallStatusValue: "failed",
        errorCode: 9,
        osVersion: "Os Version value",
        osDescription: "Os Description value",
        userName: "User Name value",
        userPrincipalName: "User Principal Name value",
        ...change,
    };
}

function required(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set: GraphJavaScriptClientIT sets it for the deployed service`);
    }
    return value;
}
