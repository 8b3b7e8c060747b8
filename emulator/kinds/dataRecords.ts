import { badRequest, type FieldError } from "../apiError";
import { isPlainObject, type JsonObject } from "../jsonObject";
import { expectedVersion } from "../crudRoutes";
import type { KindContext, KindModule, Route } from "../kind";
import { pageList } from "../pagination";
import type { Validation } from "../validation";
import { DATA_SCHEMAS_PATH, recordCollection, schemaCollection } from "./dataCollections";
import type { SchemaCondition, SchemaField, SchemaRule } from "./dataSchemas";

export const MAX_RECORD_BYTES = 1024 * 1024;

const TYPE_TESTS: Record<SchemaField["type"], (v: unknown) => boolean> = {
    string: (v) => typeof v === "string",
    integer: (v) => Number.isInteger(v),
    number: (v) => typeof v === "number" && Number.isFinite(v),
    boolean: (v) => typeof v === "boolean",
    array: Array.isArray,
    object: isPlainObject,
};

/** A field's own value: a field named like an inherited member (`toString`) is absent until the record sets it. */
function ownValue(data: JsonObject, field: string): unknown {
    return Object.hasOwn(data, field) ? data[field] : undefined;
}

function holds(condition: SchemaCondition, data: JsonObject): boolean {
    const value = ownValue(data, condition.field);
    if (condition.equals !== undefined) return value === condition.equals;
    if (condition.oneOf !== undefined) return condition.oneOf.includes(value as string);
    return (value !== undefined && value !== null) === condition.present;
}

/** Why one present value breaks its field's definition, or undefined. */
function valueProblem(field: SchemaField, value: unknown): string | undefined {
    if (!TYPE_TESTS[field.type](value)) return `must be of type ${field.type}`;
    if (field.pattern !== undefined && !new RegExp(field.pattern, "u").test(value as string))
        return `must match ${field.pattern}`;
    const size = Array.isArray(value) ? value.length : typeof value === "string" ? [...value].length : undefined;
    if (size !== undefined && field.minLength !== undefined && size < field.minLength)
        return `must have at least ${field.minLength} characters or items`;
    if (size !== undefined && field.maxLength !== undefined && size > field.maxLength)
        return `must have at most ${field.maxLength} characters or items`;
    return undefined;
}

/**
 * Validates a record's data against its schema as the platform does: unknown fields, required fields, types,
 * patterns, lengths, the schema's rules, the 1 MiB limit and references to other schemas' records. Each
 * failure's `fieldName` is the data field.
 */
export function validateRecord(
    data: unknown,
    schema: JsonObject,
    referencedValues: (schemaId: string, fieldName: string) => Set<string> | undefined,
): Validation {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
        return {
            ok: false,
            errors: [
                {
                    fieldName: "body",
                    errorCode: "invalid.value",
                    message: "the record must be a JSON object of field values",
                },
            ],
        };
    }
    const record = data as JsonObject;
    const fields = schema.fields as SchemaField[];
    const errors: FieldError[] = [];
    const fail = (fieldName: string, errorCode: string, message: string) =>
        errors.push({ fieldName, errorCode, message: `${fieldName} ${message}` });
    const known = new Set(fields.map((f) => f.name));
    for (const key of Object.keys(record))
        if (!known.has(key)) fail(key, "unknown.field", "is not a field of the schema");
    const invalid = new Set<string>();
    for (const field of fields) {
        const value = ownValue(record, field.name);
        if (value === undefined || value === null) {
            if (field.required) {
                fail(field.name, "required", "is required");
                invalid.add(field.name);
            }
            continue;
        }
        const problem = valueProblem(field, value);
        if (problem) {
            fail(field.name, "invalid.value", problem);
            invalid.add(field.name);
            continue;
        }
        if (field.referentialSchemaId !== undefined) {
            const values = referencedValues(field.referentialSchemaId, field.referentialFieldName ?? "id");
            if (!values?.has(String(value)))
                fail(field.name, "reference.not.found", `refers to no record of schema ${field.referentialSchemaId}`);
        }
    }
    for (const rule of (schema.rules ?? []) as SchemaRule[]) {
        if (invalid.has(rule.when.field) || invalid.has(rule.require.field)) continue;
        if (holds(rule.when, record) && !holds(rule.require, record))
            fail(
                rule.require.field,
                "rule.violated",
                `breaks the rule on ${rule.when.field}${rule.message ? `: ${rule.message}` : ""}`,
            );
    }
    if (Buffer.byteLength(JSON.stringify(record)) > MAX_RECORD_BYTES)
        fail("body", "too.large", `exceeds the ${MAX_RECORD_BYTES}-byte record limit`);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: record };
}

function recordRoutes(context: KindContext): Route[] {
    const schemas = schemaCollection(context);
    const records = (schemaId: string) => recordCollection(context, schemaId);
    const listPath = `${DATA_SCHEMAS_PATH}/{schemaId}/records`;
    const itemPath = `${listPath}/{recordId}`;
    const referencedValues = (schemaId: string, fieldName: string) => {
        if (!schemas.list().some((s) => s.id === schemaId)) return undefined;
        return new Set(
            records(schemaId)
                .list()
                .map((record) => String(ownValue(record, fieldName))),
        );
    };
    return [
        {
            method: "GET",
            pattern: listPath,
            scope: "data:record:read",
            handle: ({ params, query }) => {
                schemas.get(params.schemaId);
                return {
                    status: 200,
                    body: pageList(
                        records(params.schemaId).list(),
                        query,
                        `${DATA_SCHEMAS_PATH}/${params.schemaId}/records`,
                    ),
                };
            },
        },
        {
            method: "GET",
            pattern: itemPath,
            scope: "data:record:read",
            handle: ({ params }) => {
                schemas.get(params.schemaId);
                return { status: 200, body: records(params.schemaId).get(params.recordId) };
            },
        },
        {
            method: "PUT",
            pattern: itemPath,
            scope: "data:record:write",
            handle: ({ params, body }) => {
                const schema = schemas.current(params.schemaId);
                const version = expectedVersion(body);
                const data = isPlainObject(body) ? { ...body } : body;
                if (isPlainObject(data)) delete data.version;
                const checked = validateRecord(data, schema, referencedValues);
                const errors = [...(checked.ok ? [] : checked.errors), ...(version.error ? [version.error] : [])];
                if (errors.length > 0 || !checked.ok) throw badRequest(errors, "data record");
                if (version.version !== undefined) records(params.schemaId).current(params.recordId);
                const { object, created } = records(params.schemaId).put(
                    params.recordId,
                    checked.value,
                    version.version,
                );
                return { status: created ? 201 : 200, body: object };
            },
        },
        {
            method: "DELETE",
            pattern: itemPath,
            scope: "data:record:write",
            handle: ({ params }) => {
                schemas.current(params.schemaId);
                records(params.schemaId).delete(params.recordId);
                return { status: 204 };
            },
        },
    ];
}

export const dataRecords: KindModule = {
    name: "dataRecords",
    label: "Data record",
    basePath: `${DATA_SCHEMAS_PATH}/{schemaId}/records`,
    writeOnlyFields: [],
    // Only the shape every record shares; the routes validate against the record's schema (validateRecord).
    validate: (body) =>
        isPlainObject(body)
            ? { ok: true, value: body }
            : {
                  ok: false,
                  errors: [
                      {
                          fieldName: "body",
                          errorCode: "invalid.value",
                          message: "the record must be a JSON object of field values",
                      },
                  ],
              },
    routes: recordRoutes,
};
