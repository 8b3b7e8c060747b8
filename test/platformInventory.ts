// What the platform holds against what a stack's state says it holds: the check that nothing was lost or duplicated.
import assert from "node:assert/strict";
import { COLLECTIONS, CREDENTIALS, recordsOf, rowsOf } from "./faults/kindFixtures";
import type { PlatformView } from "./platformView";

/** A resource in a stack's state, as the harness engine and the real CLI's export both give it. */
export interface StatedResource {
    type: string;
    id: string;
    outputs: Record<string, unknown>;
}

const kindOf = (r: StatedResource) => r.type.split(":").pop() as string;

/** The platform paths a resource in the state stands for (a record set stands for its records, a row set for its rows). */
export function platformPaths(r: StatedResource): string[] {
    const kind = kindOf(r);
    const [parent, key] = [r.id.slice(0, r.id.indexOf("/")), r.id.slice(r.id.indexOf("/") + 1)];
    if (kind === "DataRecord") return [`${recordsOf(parent)}/${key}`];
    if (kind === "DataTableRow") return [`${rowsOf(parent)}/${key}`];
    if (kind === "DataRecordSet")
        return Object.keys((r.outputs.recordHashes ?? {}) as object).map(
            (key) => `${recordsOf(String(r.outputs.schemaId))}/${key}`,
        );
    if (kind === "DataTableRows")
        return Object.keys((r.outputs.rowHashes ?? {}) as object).map(
            (key) => `${rowsOf(String(r.outputs.datatableId))}/${key}`,
        );
    // An export integration holds its role in a credential of its own.
    if (kind === "RecordingExportIntegration")
        return [`${COLLECTIONS[kind]}/${r.id}`, `${CREDENTIALS}/${r.outputs.credentialId}`];
    return [`${COLLECTIONS[kind]}/${r.id}`];
}

async function listAll(platform: PlatformView, collection: string): Promise<Record<string, string>[]> {
    const { status, body } = await platform.get(`${collection}?pageSize=100`);
    assert.equal(status, 200, `listing ${collection}`);
    assert.ok(body.entities.length < 100, `${collection} fits one page`);
    return body.entities;
}

/** Every object on the platform, as sorted paths. */
export async function platformInventory(platform: PlatformView): Promise<string[]> {
    const paths: string[] = [];
    // Two kinds share the integrations' collection; credentials belong to export integrations.
    for (const collection of new Set([...Object.values(COLLECTIONS), CREDENTIALS])) {
        for (const entity of await listAll(platform, collection)) {
            paths.push(`${collection}/${entity.id}`);
            if (collection === COLLECTIONS.DataSchema)
                for (const record of await listAll(platform, recordsOf(entity.id)))
                    paths.push(`${recordsOf(entity.id)}/${record.id}`);
            // Rows have no id of their own: a row is its key.
            if (collection === COLLECTIONS.DataTable)
                for (const row of await listAll(platform, rowsOf(entity.id)))
                    paths.push(`${rowsOf(entity.id)}/${row.key}`);
        }
    }
    return paths.sort();
}
