// (a) Create an app, then a status on each of the two documented routes, and read each back.
import assert from "node:assert/strict";
import { test } from "node:test";
import { APPS, graphClient, status } from "./graph.js";

test("creates a webApp and a status on both routes, and reads each back", async () => {
    const client = graphClient();
    const app = await client.api(APPS).post({
        "@odata.type": "#microsoft.graph.webApp",
        displayName: "Contoso Portal",
        appUrl: "https://portal.contoso.example",
    });
    assert.equal(app["@odata.type"], "#microsoft.graph.webApp");
    assert.equal(app.displayName, "Contoso Portal");
    assert.equal(app.appUrl, "https://portal.contoso.example");
    assert.match(app.id, /^[0-9a-f-]{36}$/);

    const user = await client.api(`${APPS}/${app.id}/userStatuses`).post({ userName: "Test user" });
    const routes = [`${APPS}/${app.id}/deviceStatuses`, `${APPS}/${app.id}/userStatuses/${user.id}/deviceStatuses`];
    for (const route of routes) {
        const sent = status({ deviceName: `Device on ${route.split("/").at(-3)}` });

        const created = await client.api(route).post(sent);

        assert.match(created.id, /^[0-9a-f-]{36}$/, route);
        const { id, ...stored } = created;
        assert.deepEqual(pick(stored, Object.keys(sent)), sent, route);
        const read = await client.api(`${route}/${id}`).get();
        assert.deepEqual(pick(read, Object.keys(created)), created, route);
    }
    const listed = await client.api(routes[0]).get();
    assert.equal(listed.value.length, 2, "both statuses are the app's, whichever route made them");
});

// What the answer has of these keys (it also has installState and the other defaults).
function pick(object, keys) {
    return Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
}
