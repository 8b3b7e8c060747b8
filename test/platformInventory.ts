// What the platform holds against what a stack's state says it holds: the check that nothing was lost or duplicated.
import assert from "node:assert/strict";
import { COLLECTIONS, recordsOf } from "./faults/kindFixtures";
import type { PlatformView } from "./platformView";

/** A resource in a stack's state, as the harness engine and the real CLI's export both give it. */
export interface StatedResource {
    type: string;
    id: string;
    outputs: Record<string, unknown>;
}

const kindOf = (r: StatedResource) => r.type.split(":").pop() as string;

/** The platform paths a resource in the state stands for (a record set stands for its records). */
export function platformPaths(r: StatedResource): string[] {
    const kind = kindOf(r);
    if (kind === "DataRecord") return [`${recordsOf(r.id.split("/")[0])}/${r.id.split("/")[1]}`];
    if (kind === "DataRecordSet")
        return Object.keys((r.outputs.recordHashes ?? {}) as object).map(
            (key) => `${recordsOf(String(r.outputs.schemaId))}/${key}`,
        );
    return [`${COLLECTIONS[kind]}/${r.id}`];
}

async function listAll(platform: PlatformView, collection: string): Promise<{ id: string }[]> {
    const { status, body } = await platform.get(`${collection}?pageSize=100`);
    assert.equal(status, 200, `listing ${collection}`);
    assert.ok(body.entities.length < 100, `${collection} fits one page`);
    return body.entities;
}

/** Every object on the platform, as sorted paths. */
export async function platformInventory(platform: PlatformView): Promise<string[]> {
    const paths: string[] = [];
    for (const collection of Object.values(COLLECTIONS)) {
        for (const entity of await listAll(platform, collection)) {
            paths.push(`${collection}/${entity.id}`);
            if (collection === COLLECTIONS.DataSchema)
                for (const record of await listAll(platform, recordsOf(entity.id)))
                    paths.push(`${recordsOf(entity.id)}/${record.id}`);
        }
    }
    return paths.sort();
}
