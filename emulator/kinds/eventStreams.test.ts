import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator, type EmulatorOptions } from "../index";
import { call, manualClock, readJson, tokenFor } from "../../test/emulatorClient";
import { parseZonedDateTime, validateEventStream } from "./eventStreams";

const STREAMS = "/api/v2/eventstreams";
const DAY_MS = 86_400_000;
const clock = manualClock(Date.UTC(2030, 0, 31));
const daysAgo = (days: number) => new Date(clock.now() - days * DAY_MS).toISOString();

function validStream(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "Call events",
        description: "Conversation events to EventBridge",
        enabled: true,
        retentionDays: 30,
        destination: {
            type: "eventbridge",
            eventBridgeConfig: {
                arn: "arn:aws:events:us-east-1:123456789012:event-bus/genesys-events",
                roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge",
                region: "us-east-1",
            },
        },
        filters: { topics: ["genesys.conversations.call", "genesys.conversations.message"] },
        replayConfig: { enabled: true, startDate: daysAgo(7), sequenceIndexTrigger: "automatic" },
        ...overrides,
    };
}

async function setup(
    t: { after: (fn: () => Promise<void>) => void },
    options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; token: string }> {
    const emulator = await startEmulator({ now: clock.now, ...options });
    t.after(() => emulator.stop());
    return { emulator, token: await tokenFor(emulator.url) };
}

const fieldNames = (body: { details: { fieldName: string }[] }) => body.details.map((d) => d.fieldName).sort();

test("create, read, update and delete an event stream, with replay status on reads", async (t) => {
    const { emulator, token } = await setup(t, { replay: { length: 10, gaps: [3, 7] } });
    const created = await call(emulator.url, token, "POST", STREAMS, validStream());
    assert.equal(created.status, 200);
    assert.equal(created.body.version, 1);
    assert.equal(created.body.selfUri, `${STREAMS}/${created.body.id}`);
    assert.deepEqual(created.body.replayStatus, {
        firstSequenceIndex: 1,
        lastSequenceIndex: 10,
        deliveredIndices: [1, 2, 4, 5, 6, 8, 9, 10],
    });

    const read = await call(emulator.url, token, "GET", `${STREAMS}/${created.body.id}`);
    assert.deepEqual(read.body, created.body);

    const updated = await call(emulator.url, token, "PUT", `${STREAMS}/${created.body.id}`, {
        ...validStream({ retentionDays: 60 }),
        version: 1,
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.version, 2);
    assert.deepEqual(
        updated.body.replayStatus,
        created.body.replayStatus,
        "an unchanged replay keeps its sequence data",
    );

    const stale = await call(emulator.url, token, "PUT", `${STREAMS}/${created.body.id}`, {
        ...validStream(),
        version: 1,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, "version.mismatch");

    assert.equal((await call(emulator.url, token, "DELETE", `${STREAMS}/${created.body.id}`)).status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${STREAMS}/${created.body.id}`)).status, 404);
    assert.equal((await call(emulator.url, token, "DELETE", `${STREAMS}/${created.body.id}`)).status, 404);
});

test("a stream without a replay has no replay status; adding one starts it", async (t) => {
    const { emulator, token } = await setup(t, { replay: { length: 4 } });
    const { body: stream } = await call(emulator.url, token, "POST", STREAMS, validStream({ replayConfig: undefined }));
    assert.equal("replayStatus" in stream, false);
    const disabled = await call(
        emulator.url,
        token,
        "PUT",
        `${STREAMS}/${stream.id}`,
        validStream({ replayConfig: { enabled: false, startDate: daysAgo(400), sequenceIndexTrigger: "manual" } }),
    );
    assert.equal(disabled.status, 200, "a disabled replay is not held to the window");
    assert.equal("replayStatus" in disabled.body, false);
    const added = await call(emulator.url, token, "PUT", `${STREAMS}/${stream.id}`, validStream());
    assert.deepEqual(added.body.replayStatus, {
        firstSequenceIndex: 1,
        lastSequenceIndex: 4,
        deliveredIndices: [1, 2, 3, 4],
    });
});

test("replay settings change at run time, in process and through /__emulator/replay, for replays started afterwards", async (t) => {
    const { emulator, token } = await setup(t, { replay: { length: 5 } });
    const { body: first } = await call(emulator.url, token, "POST", STREAMS, validStream());
    assert.equal(first.replayStatus.deliveredIndices.length, 5);

    const set = await fetch(`${emulator.url}/__emulator/replay`, {
        method: "PUT",
        body: JSON.stringify({ length: 20, gaps: 0.25 }),
    });
    assert.equal(set.status, 200);
    assert.deepEqual(await set.json(), { length: 20, gaps: 0.25 });
    assert.deepEqual(emulator.replay(), { length: 20, gaps: 0.25 });

    const { body: second } = await call(emulator.url, token, "POST", STREAMS, validStream({ name: "second" }));
    assert.equal(second.replayStatus.lastSequenceIndex, 20);
    assert.equal(
        second.replayStatus.deliveredIndices.length,
        15,
        "a share drops exactly round(share × length) indices",
    );
    const { body: again } = await call(emulator.url, token, "POST", STREAMS, validStream({ name: "third" }));
    assert.deepEqual(again.replayStatus, second.replayStatus, "the same settings give the same gaps");
    assert.equal(
        (await call(emulator.url, token, "GET", `${STREAMS}/${first.id}`)).body.replayStatus.deliveredIndices.length,
        5,
        "existing replays keep their data",
    );

    const changed = await call(
        emulator.url,
        token,
        "PUT",
        `${STREAMS}/${first.id}`,
        validStream({ replayConfig: { enabled: true, startDate: daysAgo(2), sequenceIndexTrigger: "manual" } }),
    );
    assert.equal(
        changed.body.replayStatus.deliveredIndices.length,
        15,
        "a changed replay starts over under the current settings",
    );

    emulator.setReplay({ gaps: [] });
    assert.deepEqual(emulator.replay(), { length: 20, gaps: [] });
});

test("/__emulator/replay refuses bad settings with every problem named, and changes nothing", async (t) => {
    const { emulator } = await setup(t, { replay: { length: 10, gaps: [2] } });
    const bad = await fetch(`${emulator.url}/__emulator/replay`, {
        method: "PUT",
        body: JSON.stringify({ length: 0, gaps: "many", colour: 1 }),
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(fieldNames(await readJson(bad)), ["colour", "gaps", "length"]);
    const outside = await fetch(`${emulator.url}/__emulator/replay`, {
        method: "PUT",
        body: JSON.stringify({ length: 5, gaps: [6] }),
    });
    assert.match((await readJson(outside)).message, /gaps 6 fall outside the replay's indices 1\.\.5/);
    assert.deepEqual(await (await fetch(`${emulator.url}/__emulator/replay`)).json(), { length: 10, gaps: [2] });
    assert.throws(() => emulator.setReplay({ length: 1 }), /gaps 2 fall outside/);
    await assert.rejects(
        startEmulator({ replay: { gaps: 2 } }),
        /gaps must be a list of sequence indices .* or a share between 0 and 1/,
    );
});

test("the replay window is checked against the clock on create, and on update only when the replay changes", async (t) => {
    const { emulator, token } = await setup(t);
    const future = await call(
        emulator.url,
        token,
        "POST",
        STREAMS,
        validStream({ replayConfig: { enabled: true, startDate: daysAgo(-1), sequenceIndexTrigger: "automatic" } }),
    );
    assert.equal(future.status, 400);
    assert.deepEqual(fieldNames(future.body), ["replayConfig.startDate"]);
    assert.match(future.body.message, /in the future/);
    const tooOld = await call(
        emulator.url,
        token,
        "POST",
        STREAMS,
        validStream({ replayConfig: { enabled: true, startDate: daysAgo(31), sequenceIndexTrigger: "automatic" } }),
    );
    assert.match(tooOld.body.message, /outside the 30-day retention window/);

    const { body: stream } = await call(
        emulator.url,
        token,
        "POST",
        STREAMS,
        validStream({ replayConfig: { enabled: true, startDate: daysAgo(29), sequenceIndexTrigger: "automatic" } }),
    );
    clock.advance(100 * DAY_MS);
    try {
        const later = await tokenFor(emulator.url);
        const sameReplay = { ...validStream({ description: "months later" }), replayConfig: stream.replayConfig };
        assert.equal(
            (await call(emulator.url, later, "PUT", `${STREAMS}/${stream.id}`, sameReplay)).status,
            200,
            "an unchanged replay stays writable",
        );
        const newReplay = { ...sameReplay, replayConfig: { ...stream.replayConfig, sequenceIndexTrigger: "manual" } };
        const refused = await call(emulator.url, later, "PUT", `${STREAMS}/${stream.id}`, newReplay);
        assert.equal(refused.status, 400);
        assert.deepEqual(fieldNames(refused.body), ["replayConfig.startDate"]);
    } finally {
        clock.advance(-100 * DAY_MS);
    }
});

test("list is page-based and filters by exact name", async (t) => {
    const { emulator, token } = await setup(t);
    for (const name of ["a", "b", "c"]) await call(emulator.url, token, "POST", STREAMS, validStream({ name }));
    const page = await call(emulator.url, token, "GET", `${STREAMS}?pageSize=2&pageNumber=2`);
    assert.equal(page.body.total, 3);
    assert.equal(page.body.pageCount, 2);
    assert.deepEqual(
        page.body.entities.map((s: { name: string }) => s.name),
        ["c"],
    );
    const byName = await call(emulator.url, token, "GET", `${STREAMS}?name=b`);
    assert.deepEqual(
        byName.body.entities.map((s: { name: string }) => s.name),
        ["b"],
    );
});

test("eventstream scopes are required", async (t) => {
    const { emulator } = await setup(t, {
        clients: [{ clientId: "reader", clientSecret: "reader-secret", scopes: ["eventstream:read"] }],
    });
    const token = await tokenFor(emulator.url, "reader", "reader-secret");
    const res = await call(emulator.url, token, "POST", STREAMS, validStream());
    assert.equal(res.status, 403);
    assert.match(res.body.message, /eventstream:write/);
    assert.equal((await call(emulator.url, token, "GET", STREAMS)).status, 200);
});

const config = (overrides: Record<string, unknown>) => ({
    type: "eventbridge",
    eventBridgeConfig: {
        ...(validStream().destination as { eventBridgeConfig: object }).eventBridgeConfig,
        ...overrides,
    },
});

// Each rule with one body that breaks only it, and the field the 400 must name.
const RULES: [string, Record<string, unknown>, string][] = [
    ["name missing", { name: undefined }, "name"],
    ["enabled not boolean", { enabled: "yes" }, "enabled"],
    ["retentionDays over 90", { retentionDays: 91 }, "retentionDays"],
    ["retentionDays zero", { retentionDays: 0 }, "retentionDays"],
    ["destination missing", { destination: undefined }, "destination"],
    ["destination not an object", { destination: "arn:aws:events:us-east-1:123456789012:event-bus/x" }, "destination"],
    ["destination type not eventbridge", { destination: { ...config({}), type: "sqs" } }, "destination.type"],
    ["eventBridgeConfig missing", { destination: { type: "eventbridge" } }, "destination.eventBridgeConfig"],
    [
        "an eventbridge ARN form AWS never issues",
        { destination: config({ arn: "arn:aws:eventbridge:us-east-1:123456789012:event-bus/x" }) },
        "destination.eventBridgeConfig.arn",
    ],
    [
        "account not 12 digits",
        { destination: config({ arn: "arn:aws:events:us-east-1:1234:event-bus/x" }) },
        "destination.eventBridgeConfig.arn",
    ],
    [
        "roleArn not a role",
        { destination: config({ roleArn: "arn:aws:iam::123456789012:user/bob" }) },
        "destination.eventBridgeConfig.roleArn",
    ],
    ["region not the bus's", { destination: config({ region: "eu-west-1" }) }, "destination.eventBridgeConfig.region"],
    ["filters missing", { filters: undefined }, "filters"],
    ["topics empty", { filters: { topics: [] } }, "filters.topics"],
    ["topic off pattern", { filters: { topics: ["conversations.call"] } }, "filters.topics"],
    ["topic repeated", { filters: { topics: ["genesys.a", "genesys.a"] } }, "filters.topics"],
    [
        "replay startDate without zone",
        { replayConfig: { enabled: true, startDate: "2030-01-20T08:00:00", sequenceIndexTrigger: "automatic" } },
        "replayConfig.startDate",
    ],
    [
        "replay startDate not a date",
        { replayConfig: { enabled: true, startDate: "2030-02-30T08:00:00Z", sequenceIndexTrigger: "automatic" } },
        "replayConfig.startDate",
    ],
    [
        "replay trigger unknown",
        { replayConfig: { enabled: true, startDate: daysAgo(1), sequenceIndexTrigger: "sometimes" } },
        "replayConfig.sequenceIndexTrigger",
    ],
];

test("400 names the field of each rule", async (t) => {
    const { emulator, token } = await setup(t);
    for (const [rule, overrides, field] of RULES) {
        const res = await call(emulator.url, token, "POST", STREAMS, validStream(overrides));
        assert.equal(res.status, 400, rule);
        assert.deepEqual(fieldNames(res.body), [field], rule);
    }
});

test("every failure is reported at once, and real event bus ARNs pass", () => {
    const checked = validateEventStream({
        name: "",
        enabled: 1,
        retentionDays: 200,
        destination: config({ arn: "x", roleArn: "y", region: "z" }),
        filters: { topics: "t" },
    });
    assert.equal(checked.ok, false);
    if (!checked.ok) {
        assert.deepEqual(checked.errors.map((e) => e.fieldName).sort(), [
            "destination.eventBridgeConfig.arn",
            "destination.eventBridgeConfig.region",
            "destination.eventBridgeConfig.roleArn",
            "enabled",
            "filters.topics",
            "name",
            "retentionDays",
        ]);
    }
    for (const arn of [
        "arn:aws:events:eu-west-1:123456789012:event-bus/default",
        "arn:aws:events:eu-west-1:123456789012:event-bus/aws.partner/genesys.com/cloud/0a1b/orders",
        "arn:aws-us-gov:events:eu-west-1:123456789012:event-bus/gov",
    ]) {
        assert.ok(validateEventStream(validStream({ destination: config({ arn, region: "eu-west-1" }) })).ok, arn);
    }
});

test("zoned ISO 8601 date-times parse; others do not", () => {
    assert.equal(parseZonedDateTime("2024-01-15T08:00:00Z"), Date.UTC(2024, 0, 15, 8));
    assert.equal(parseZonedDateTime("2024-01-15T08:00:00.5+01:00"), Date.UTC(2024, 0, 15, 7, 0, 0, 500));
    for (const bad of [
        "2024-01-15",
        "2024-01-15T08:00:00",
        "2024-02-30T00:00:00Z",
        "2024-01-15T25:00:00Z",
        "yesterday",
    ]) {
        assert.equal(parseZonedDateTime(bad), undefined, bad);
    }
});
