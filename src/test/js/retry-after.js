// Throttling: the client's own RetryHandler waits as Retry-After says and ends in success. Not a *.test.js
// file: ThrottlingIT runs it against a server with throttling on, where GRAPH_APP_ID is an app and
// GRAPH_WRITES_PER_APP the writes-per-app limit of GRAPH_TOKEN's app.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { APPS, BASE_URL, TOKEN, status } from "./graph.js";

const appId = process.env.GRAPH_APP_ID;
const writesPerApp = Number(process.env.GRAPH_WRITES_PER_APP);
const statuses = `${APPS}/${appId}/deviceStatuses`;

test("a create throttled with 429 is retried by the client's RetryHandler after Retry-After, and stored", async () => {
    // Spend the app's write budget, as a bulk load would.
    let throttled = null;
    for (let i = 0; i <= writesPerApp && throttled === null; i++) {
        const answer = await fetch(`${BASE_URL}${statuses}`, {
            method: "POST",
            headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
            body: JSON.stringify(status({ deviceName: `Spending ${i}` })),
        });
        if (answer.status === 429) {
            throttled = answer;
        } else {
            assert.equal(answer.status, 201, await answer.text());
        }
    }
    assert.ok(throttled, `no 429 after ${writesPerApp + 1} writes`);
    assert.equal((await throttled.json()).error.code, "TooManyRequests");

    // What the wire saw below the RetryHandler, the way the client's chain is built (see graph.js).
    const seen = [];
    const bearer = {
        async execute(context) {
            context.options.headers = { ...(context.options.headers ?? {}), Authorization: `Bearer ${TOKEN}` };
            return this.next.execute(context);
        },
        setNext(next) {
            this.next = next;
        },
    };
    const spy = {
        async execute(context) {
            await this.next.execute(context);
            seen.push({ status: context.response.status, retryAfter: context.response.headers.get("Retry-After") });
        },
        setNext(next) {
            this.next = next;
        },
    };
    const base = new URL(BASE_URL);
    const client = Client.initWithMiddleware({
        baseUrl: base.origin,
        defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ""),
        customHosts: new Set([base.hostname]),
        middleware: [bearer, new RetryHandler(new RetryHandlerOptions(1, 3)), spy, new HTTPMessageHandler()],
    });

    const created = await client.api(statuses).post(status({ deviceName: "After the wait" }));
    const tries = [...seen];

    assert.equal(tries[0].status, 429, "the client's first try was throttled");
    assert.ok(Number(tries[0].retryAfter) >= 1, "with Retry-After in seconds");
    assert.equal(tries.at(-1).status, 201, JSON.stringify(tries));
    assert.equal((await client.api(`${statuses}/${created.id}`).get()).deviceName, "After the wait");
});
