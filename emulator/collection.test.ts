import { test } from "node:test";
import assert from "node:assert/strict";
import { Collection } from "./collection";
import { ApiError } from "./apiError";

function targets(): Collection {
    return new Collection(
        {
            name: "targets",
            label: "Storage target",
            selfUri: (id) => `/api/v2/recording/storage/targets/${id}`,
            writeOnlyFields: ["configuration.secretAccessKey"],
        },
        { now: Date.now, readAfterWrite404Ms: () => 0 },
    );
}

const target = (secret?: string) => ({
    name: "t",
    configuration: { bucket: "b", ...(secret ? { secretAccessKey: secret } : {}) },
});

test("write-only fields are stored but never returned", () => {
    const collection = targets();
    const { object, created } = collection.put("t1", target("s3cr3t"));
    assert.equal(created, true);
    assert.deepEqual(object.configuration, { bucket: "b" });
    assert.equal(JSON.stringify(collection.list()).includes("s3cr3t"), false);
    assert.equal(JSON.stringify(collection.get("t1")).includes("s3cr3t"), false);

    const again = collection.put("t1", target(), 1);
    assert.equal(again.created, false);
    assert.equal(again.object.version, 2);
});

test("put with a client-chosen id creates then updates, honouring the expected version", () => {
    const collection = targets();
    collection.put("abc", target());
    assert.throws(
        () => collection.put("abc", target(), 5),
        (err: unknown) => err instanceof ApiError && err.status === 409 && err.code === "version.mismatch",
    );
    assert.equal(collection.get("abc").selfUri, "/api/v2/recording/storage/targets/abc");
    collection.delete("abc");
    assert.throws(
        () => collection.delete("abc"),
        (err: unknown) => err instanceof ApiError && err.status === 404,
    );
});

test("returned objects are copies: mutating them does not change the store", () => {
    const collection = targets();
    const created = collection.create(target());
    (created.configuration as Record<string, unknown>).bucket = "changed";
    assert.deepEqual(collection.get(created.id as string).configuration, { bucket: "b" });
});

test("collection names must be safe file names", () => {
    assert.throws(
        () =>
            new Collection(
                { name: "../x", label: "X", selfUri: (id) => id },
                { now: Date.now, readAfterWrite404Ms: () => 0 },
            ),
        /collection name/,
    );
});
