// (b) The client's PageIterator over a collection larger than a page. Graph's $top is a page size, and
// the iterator relies on that: $top=40 and iterate is how an integration reads a whole collection.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PageIterator } from "@microsoft/microsoft-graph-client";
import { APPS, createStatuses, followingLinks, graphClient, newApp } from "./graph.js";

const STATUSES = 250;
const PARALLEL = 25;
const PAGE = 40;

test("PageIterator from $top=40 sees every status once, in id order", { timeout: 180_000 }, async () => {
    const client = graphClient();
    const app = await newApp(client, "Paged app");
    const route = `${APPS}/${app}/deviceStatuses`;
    const made = await createStatuses(client, route, STATUSES, PARALLEL);

    const first = await client.api(route).top(PAGE).get();
    assert.equal(first.value.length, PAGE, "the first page holds $top statuses");
    assert.ok(first["@odata.nextLink"], "a first page of $top with more behind it links to the next");
    const seen = [];
    const pages = new PageIterator(followingLinks(client), first, (entity) => {
        seen.push(entity.id);
        return true;
    });
    await pages.iterate();

    assert.equal(new Set(seen).size, seen.length, "no status is seen twice");
    assert.deepEqual(seen, [...made].sort(), "every status, in id order");
});
