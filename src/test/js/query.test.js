// (c) OData query options through the client's own builders: .filter() .count(true) .select(), and the
// collection's /$count segment.
import assert from "node:assert/strict";
import { test } from "node:test";
import { APPS, graphClient, newApp, status } from "./graph.js";

const FAILED = "installState eq 'failed'";

/** A new app with three failed and two installed statuses; its deviceStatuses route. */
async function statuses(client) {
    const route = `${APPS}/${await newApp(client)}/deviceStatuses`;
    const states = ["failed", "installed", "failed", "installed", "failed"];
    await Promise.all(states.map((state, i) =>
        client.api(route).post(status({ deviceName: `${state}-${i}`, installState: state, mobileAppInstallStatusValue: state }))));
    return route;
}

test("$filter, $count=true and $select: the count, and only the selected properties", async () => {
    const client = graphClient();
    const route = await statuses(client);

    const page = await client.api(route).filter(FAILED).count(true).select(["deviceName", "installState"]).get();

    assert.equal(page["@odata.count"], 3);
    assert.equal(page.value.length, 3);
    for (const entity of page.value) {
        assert.deepEqual(Object.keys(entity).sort(), ["@odata.type", "deviceName", "id", "installState"], JSON.stringify(entity));
        assert.equal(entity.installState, "failed");
        assert.match(entity.deviceName, /^failed-/);
    }
});

test("/$count answers the collection's size as a text/plain integer, honouring $filter", async () => {
    const client = graphClient();
    const route = await statuses(client);

    // The client returns the body as a string for text/plain, as a number for JSON: "5" proves text/plain.
    const all = await client.api(`${route}/$count`).header("ConsistencyLevel", "eventual").get();
    const failed = await client.api(`${route}/$count`).header("ConsistencyLevel", "eventual").filter(FAILED).get();

    assert.equal(all, "5");
    assert.equal(failed, "3");
});
