// The client as an integration uses it against Graph itself: https, its default middleware chain (the
// AuthenticationHandler sends the token to a custom host over https only), no help with links. Run against a
// service reached over TLS (behind nginx, or on the server's own HTTPS listener) by BehindProxyIT; not part of
// the plain-http run of GraphJavaScriptClientIT. Node trusts the test's certificate through NODE_EXTRA_CA_CERTS.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BatchRequestContent, BatchResponseContent, Client, PageIterator } from "@microsoft/microsoft-graph-client";
import { APPS, BASE_URL, TOKEN, createStatuses, status } from "./graph.js";

const STATUSES = Number(process.env.GRAPH_STATUSES ?? 230);
const PARALLEL = 23;
const PAGE = 40;
const base = new URL(BASE_URL);

const client = Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => TOKEN },
    baseUrl: base.origin,
    defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ""),
    customHosts: new Set([base.hostname]),
});

test(`PageIterator walks ${STATUSES} statuses over https, every link on ${base.origin}`, { timeout: 180_000 }, async () => {
    assert.equal(base.protocol, "https:", "GRAPH_BASE_URL is the https address");
    const app = await client.api(APPS).post({ "@odata.type": "#microsoft.graph.webApp", displayName: "Over https" });
    const route = `${APPS}/${app.id}/deviceStatuses`;
    assert.ok(app["@odata.context"].startsWith(`${BASE_URL}/$metadata#`), app["@odata.context"]);
    const made = await createStatuses(client, route, STATUSES, PARALLEL);

    const first = await client.api(route).top(PAGE).get();
    const links = [first["@odata.nextLink"]];
    const seen = [];
    const pages = new PageIterator(client, first, (entity) => {
        seen.push(entity.id);
        return true;
    }, {});
    // The iterator keeps the link it follows: each page's is checked as it is taken.
    const fetchNext = pages.fetchAndUpdateNextPageData.bind(pages);
    pages.fetchAndUpdateNextPageData = async () => {
        links.push(pages.nextLink);
        return fetchNext();
    };
    await pages.iterate();

    assert.equal(seen.length, STATUSES, "every status once");
    assert.deepEqual([...seen].sort(), [...made].sort());
    for (const link of links.filter(Boolean)) {
        assert.ok(link.startsWith(`${BASE_URL}${route}?`), link);
    }
    assert.ok(links.filter(Boolean).length >= Math.floor(STATUSES / PAGE), "the walk followed the links");
});

test("a $batch over https answers with https links", async () => {
    const app = await client.api(APPS).post({ "@odata.type": "#microsoft.graph.webApp", displayName: "Batch over https" });
    const route = `${APPS}/${app.id}/deviceStatuses`;
    const step = (id, path, init = {}) => ({ id, request: new Request(`${base.origin}${path}`, init) });
    const content = new BatchRequestContent([
        step("create", route, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(status()) }),
        step("list", `${route}?$top=1`),
    ]);
    const answers = new BatchResponseContent(await client.api("/$batch").post(await content.getContent()));
    const created = answers.getResponseById("create");
    assert.equal(created.status, 201);
    const body = await created.json();
    assert.equal(created.headers.get("Location"), `${BASE_URL}${route}/${body.id}`);
    assert.ok(body["@odata.context"].startsWith(`${BASE_URL}/$metadata#`), body["@odata.context"]);
    const list = await answers.getResponseById("list").json();
    assert.ok(list["@odata.context"].startsWith(`${BASE_URL}/$metadata#`), list["@odata.context"]);
});
