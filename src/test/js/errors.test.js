// (d), (e) Graph's error envelope as the client reads it: a GraphError with the status, code and message.
import assert from "node:assert/strict";
import { test } from "node:test";
import { GraphError } from "@microsoft/microsoft-graph-client";
import { APPS, READ_TOKEN, graphClient, newApp, status } from "./graph.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("an unknown property in a body is a 400 GraphError that names it", async () => {
    const client = graphClient();
    const route = `${APPS}/${await newApp(client)}/deviceStatuses`;

    await assert.rejects(client.api(route).post(status({ deviceColour: "blue" })), (error) => {
        assert.ok(error instanceof GraphError, String(error));
        assert.equal(error.statusCode, 400);
        assert.equal(error.code, "BadRequest");
        assert.equal(error.message,
            "The property 'deviceColour' does not exist on type 'microsoft.graph.mobileAppInstallStatus'.");
        assert.match(error.requestId, GUID);
        return true;
    });
    assert.deepEqual((await client.api(route).get()).value, [], "nothing was stored");
});

test("an unknown app is a 404 GraphError", async () => {
    const client = graphClient();
    const missing = "00000000-0000-0000-0000-000000000000";

    await assert.rejects(client.api(`${APPS}/${missing}/deviceStatuses`).post(status()), (error) => {
        assert.ok(error instanceof GraphError, String(error));
        assert.equal(error.statusCode, 404);
        assert.equal(error.code, "ResourceNotFound");
        assert.equal(error.message, `The mobileApp '${missing}' does not exist.`);
        assert.match(error.requestId, GUID);
        return true;
    });
});

test("a read-only token gets a 403 GraphError on a create, and creates nothing", async () => {
    const route = `${APPS}/${await newApp(graphClient())}/deviceStatuses`;
    const reader = graphClient(READ_TOKEN);

    await assert.rejects(reader.api(route).post(status()), (error) => {
        assert.ok(error instanceof GraphError, String(error));
        assert.equal(error.statusCode, 403);
        assert.equal(error.code, "Forbidden");
        assert.match(error.message, /DeviceManagementApps\.ReadWrite\.All/);
        return true;
    });
    assert.deepEqual((await reader.api(route).get()).value, [], "the token may read, and nothing was stored");
});
