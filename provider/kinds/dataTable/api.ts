import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import { type DataTableInputs, KEY_FIELD, type TableField, type TableFieldType } from "./schema";

/** `GET/POST /api/v2/flows/datatables` (Architect data tables). */
export const DATA_TABLES = "/api/v2/flows/datatables";
export const tablePath = (id: string) => `${DATA_TABLES}/${encodeURIComponent(id)}`;

/** One property of a table's schema, as the platform expects and returns it. */
export interface TableProperty {
    $id: string;
    type: TableFieldType;
    title?: string;
    default?: string | number | boolean;
    displayOrder?: number;
}

/**
 * The schema every table carries: draft-04, an object keyed by `key`, no other properties. The SDK types
 * `additionalProperties` as an object and `properties` as opaque objects, so those two are narrowed here.
 */
export interface TableSchema extends Omit<Models.JsonSchemaDocument, "additionalProperties" | "properties"> {
    $schema: string;
    type: "object";
    required: string[];
    properties: Record<string, TableProperty>;
    additionalProperties: false;
}

/** A table as sent and (with `expand=schema`) returned: the SDK's model with the schema narrowed. */
export interface TableBody extends Omit<Models.DataTable, "schema"> {
    name: string;
    schema: TableSchema;
}

export interface LiveDataTable extends TableBody {
    id: string;
}

const DRAFT_04 = "http://json-schema.org/draft-04/schema#";

function property(field: TableField): TableProperty {
    const out: TableProperty = { $id: `/properties/${field.name}`, type: field.type };
    if (field.title !== undefined) out.title = field.title;
    if (field.default !== undefined) out.default = field.default;
    if (field.displayOrder !== undefined) out.displayOrder = field.displayOrder;
    return out;
}

export function toBody(inputs: DataTableInputs): TableBody {
    const body: TableBody = {
        name: inputs.name,
        schema: {
            $schema: DRAFT_04,
            type: "object",
            required: [KEY_FIELD],
            properties: Object.fromEntries(inputs.fields.map((field) => [field.name, property(field)])),
            additionalProperties: false,
        },
    };
    if (inputs.description !== undefined) body.description = inputs.description;
    if (inputs.divisionId !== undefined) body.division = { id: inputs.divisionId };
    return body;
}

/**
 * A table's fields as the inputs list them. The platform keeps properties by name, so their order is taken from
 * `order` (the fields the stack last held), a field added elsewhere coming last: a refresh shows a real change,
 * never a reordering.
 */
export function fieldsOf(live: TableBody, order: readonly string[] = []): TableField[] {
    const properties = live.schema?.properties ?? {};
    const names = Object.keys(properties);
    const rank = (name: string) => {
        const index = order.indexOf(name);
        return index < 0 ? order.length + names.indexOf(name) : index;
    };
    return names
        .sort((a, b) => rank(a) - rank(b))
        .map((name) => {
            const { type, title, default: value, displayOrder } = properties[name];
            const field: TableField = { name, type };
            if (title !== undefined) field.title = title;
            if (value !== undefined) field.default = value;
            if (displayOrder !== undefined) field.displayOrder = displayOrder;
            return field;
        });
}

/**
 * What an update compares before writing: the parts of the body the stack writes, as a read returns them. The
 * division only when the stack names one (otherwise the platform's choice, the home division, is not ours).
 */
export function comparable(body: TableBody, withDivision = body.division !== undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {
        name: body.name,
        description: body.description,
        properties: body.schema?.properties,
    };
    if (withDivision) out.divisionId = body.division?.id;
    return out;
}

const withSchema = { expand: "schema" };

const get = (client: ApiClient, id: string) => readOrGone(() => client.get<LiveDataTable>(tablePath(id), withSchema));

/** A write's answer with its schema: read again when the platform left the schema out of it. */
async function expanded(client: ApiClient, written: LiveDataTable): Promise<LiveDataTable> {
    return written.schema?.properties ? written : ((await get(client, written.id)) ?? written);
}

export const dataTableApi = {
    /** A create where the platform chooses the id: not repeated after a lost response (see createAdoptingOrphan). */
    create: async (client: ApiClient, body: TableBody) =>
        expanded(client, await client.post<LiveDataTable>(DATA_TABLES, body)),
    get,
    /** Updates may only add fields: the platform refuses a removed or retyped one. No version: the last write wins. */
    put: async (client: ApiClient, id: string, body: TableBody) =>
        expanded(client, await client.put<LiveDataTable>(tablePath(id), body)),
    delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(tablePath(id))),
    /** The list filters `name` case-insensitively with `*` as a wildcard: only the exact name is ours. */
    async findByName(client: ApiClient, name: string): Promise<LiveDataTable | undefined> {
        const tables = await client.listPages<LiveDataTable>(DATA_TABLES, { name, ...withSchema });
        return tables.find((table) => table.name === name);
    },
};
