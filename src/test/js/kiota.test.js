// Microsoft's Kiota-generated TypeScript beta SDK (@microsoft/msgraph-beta-sdk): its models, serializers and
// request adapter, as an app built on it sends and reads mobileApps. Its request builders for
// deviceAppManagement are not published on npm, so the requests are built the way they build them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HttpMethod, RequestInformation } from "@microsoft/kiota-abstractions";
import { KiotaClientFactory } from "@microsoft/kiota-http-fetchlibrary";
import { GraphBetaRequestAdapter } from "@microsoft/msgraph-beta-sdk";
import { createMobileAppFromDiscriminatorValue, serializeMobileApp } from "@microsoft/msgraph-beta-sdk/models/index.js";
import { createODataErrorFromDiscriminatorValue } from "@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js";
import { APPS, BASE_URL, TOKEN } from "./graph.js";

const sent = []; // the bodies the SDK put on the wire
const adapter = new GraphBetaRequestAdapter(
    { authenticateRequest: async (request) => request.headers.tryAdd("Authorization", `Bearer ${TOKEN}`) },
    undefined,
    undefined,
    KiotaClientFactory.create(async (url, init) => {
        if (init.body) {
            sent.push(JSON.parse(new TextDecoder().decode(init.body)));
        }
        return fetch(url, init);
    }),
);
adapter.baseUrl = BASE_URL;

/** The answer as JSON, to see what the SDK's models may hide (it reads a null object as {}). */
async function raw(path) {
    const answer = await fetch(BASE_URL + path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(answer.status, 200);
    return answer.json();
}

async function call(method, path, app) {
    const request = new RequestInformation(method, "{+baseurl}" + path, { baseurl: adapter.baseUrl });
    request.headers.tryAdd("Accept", "application/json");
    if (app) {
        request.setContentFromParsable(adapter, "application/json", app, serializeMobileApp);
    }
    return adapter.send(request, createMobileAppFromDiscriminatorValue, { XXX: createODataErrorFromDiscriminatorValue });
}

test("a property the type does not have is refused with a 400 that names it", async () => {
    await assert.rejects(
        call(HttpMethod.POST, APPS, { odataType: "#microsoft.graph.webApp", displayName: "Kiota", additionalData: { appColour: "red" } }),
        (error) => {
            assert.equal(error.responseStatusCode, 400);
            assert.match(error.error?.message ?? error.message, /appColour/);
            return true;
        },
    );
});

test("an app created through the base serializer gets its type's defaults, and reads back as its type", async () => {
    const created = await call(HttpMethod.POST, APPS, { odataType: "#microsoft.graph.webApp", displayName: "Kiota", appUrl: "https://kiota.example" });
    const body = sent.at(-1);

    assert.equal(body["@odata.type"], "#microsoft.graph.webApp");
    assert.equal(created.odataType, "#microsoft.graph.webApp");
    assert.equal(created.displayName, "Kiota");
    // microsoft/kiota#6777: the base serializer writes no derived-type property; the app then has its type's
    // values for them, as Graph gives it
    const stored = await raw(`${APPS}/${created.id}`);
    assert.equal(stored.appUrl, "appUrl" in body ? "https://kiota.example" : null);
    assert.equal(stored.useManagedBrowser, false);
});

test("an app read and sent back whole is accepted, its null icon sent as {} stays none", async () => {
    const created = await call(HttpMethod.POST, APPS, { odataType: "#microsoft.graph.webApp", displayName: "Round trip" });
    const read = await call(HttpMethod.GET, `${APPS}/${created.id}`);
    assert.equal((await raw(`${APPS}/${created.id}`)).largeIcon, null);

    await call(HttpMethod.PATCH, `${APPS}/${created.id}`, { ...read, displayName: "Round trip, renamed" });
    const body = sent.at(-1);
    const after = await raw(`${APPS}/${created.id}`);

    assert.deepEqual(body.largeIcon, {}, "the SDK read the null icon as an empty object, and sends it");
    assert.equal(after.displayName, "Round trip, renamed");
    assert.equal(after.largeIcon, null);
    assert.equal(new Date(after.createdDateTime).getTime(), read.createdDateTime.getTime());
});
