import { badRequest, type FieldError } from "../apiError";
import { isPlainObject, type JsonObject } from "../jsonObject";
import { crudRoutes, expectedVersion } from "../crudRoutes";
import type { KindContext, KindModule, Route } from "../kind";
import { BodyChecker, type Validation } from "../validation";
import { PROTOTYPE_KEYS } from "../requestBody";
import { DATA_SCHEMAS_PATH, recordCollection, schemaCollection } from "./dataCollections";

export const FIELD_TYPES = ["string", "integer", "number", "boolean", "array", "object"] as const;
export const RESERVED_FIELD_NAMES = ["id", "version", "selfUri", "dateCreated", "dateModified"];
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FIELD_OPTIONS = ["pattern", "minLength", "maxLength", "referentialSchemaId", "referentialFieldName"] as const;

export interface SchemaField {
    name: string;
    type: (typeof FIELD_TYPES)[number];
    required: boolean;
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    referentialSchemaId?: string;
    referentialFieldName?: string;
}

export interface SchemaCondition {
    field: string;
    equals?: string | number | boolean;
    oneOf?: (string | number | boolean)[];
    present?: boolean;
}

export interface SchemaRule {
    when: SchemaCondition;
    require: SchemaCondition;
    message?: string;
}

const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** Why one field definition is wrong, or undefined; `names` are the names seen before it. */
function fieldProblem(raw: unknown, names: Set<string>, schemaExists: (id: string) => boolean): string | undefined {
    if (!isPlainObject(raw)) return "must be an object";
    if (typeof raw.name !== "string" || !FIELD_NAME.test(raw.name))
        return "name must start with a letter or _ and hold only letters, digits and _";
    if (RESERVED_FIELD_NAMES.includes(raw.name)) return `name ${raw.name} is reserved for the record's own properties`;
    if (PROTOTYPE_KEYS.has(raw.name)) return `name ${raw.name} is refused: records could not hold it as a key`;
    if (names.has(raw.name)) return `name ${raw.name} is used twice`;
    if (!(FIELD_TYPES as readonly string[]).includes(raw.type as string))
        return `type must be one of ${FIELD_TYPES.join(", ")}`;
    if (typeof raw.required !== "boolean") return "required must be true or false";
    if (raw.pattern !== undefined) {
        if (raw.type !== "string" || typeof raw.pattern !== "string")
            return "pattern applies to string fields only and must be a string";
        try {
            new RegExp(raw.pattern, "u");
        } catch {
            return "pattern is not a valid regular expression";
        }
    }
    for (const key of ["minLength", "maxLength"] as const) {
        const value = raw[key];
        if (value === undefined) continue;
        if (raw.type !== "string" && raw.type !== "array") return `${key} applies to string and array fields only`;
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
            return `${key} must be a non-negative integer`;
    }
    if (typeof raw.minLength === "number" && typeof raw.maxLength === "number" && raw.minLength > raw.maxLength)
        return "minLength must not exceed maxLength";
    if (raw.referentialFieldName !== undefined && raw.referentialSchemaId === undefined)
        return "referentialFieldName needs referentialSchemaId";
    if (raw.referentialSchemaId !== undefined) {
        if (typeof raw.referentialSchemaId !== "string" || !schemaExists(raw.referentialSchemaId))
            return `referentialSchemaId ${String(raw.referentialSchemaId)} is not an existing schema`;
        if (raw.type !== "string" && raw.type !== "integer")
            return "referential fields must be string or integer fields";
    }
    return undefined;
}

function conditionProblem(raw: unknown, names: Set<string>): string | undefined {
    if (!isPlainObject(raw)) return "must be an object";
    if (typeof raw.field !== "string" || !names.has(raw.field))
        return `field ${String(raw.field)} is not a field of the schema`;
    const operators = ["equals", "oneOf", "present"].filter((op) => raw[op] !== undefined);
    if (operators.length !== 1) return "must have exactly one of equals, oneOf, present";
    if (raw.equals !== undefined && !isScalar(raw.equals)) return "equals must be a string, number or boolean";
    if (raw.oneOf !== undefined && !(Array.isArray(raw.oneOf) && raw.oneOf.length > 0 && raw.oneOf.every(isScalar)))
        return "oneOf must be a non-empty list of strings, numbers or booleans";
    if (raw.present !== undefined && typeof raw.present !== "boolean") return "present must be true or false";
    return undefined;
}

/** Full-body validation; `schemaExists` lets referential fields name only real schemas. */
export function validateDataSchema(body: unknown, schemaExists: (id: string) => boolean = () => true): Validation {
    const check = new BodyChecker(body);
    check.string("name", { maxLength: 200 });
    const raw = isPlainObject(body) ? body : {};
    const names = new Set<string>();
    if (!Array.isArray(raw.fields) || raw.fields.length === 0 || raw.fields.length > 200) {
        check.fail("fields", "invalid.value", "fields must be a list of 1 to 200 field definitions");
    } else {
        const fields: SchemaField[] = [];
        for (const [index, field] of raw.fields.entries()) {
            const problem = fieldProblem(field, names, schemaExists);
            if (problem) {
                check.fail("fields", "invalid.value", `fields[${index}] ${problem}`);
                continue;
            }
            const f = field as JsonObject;
            names.add(f.name as string);
            const kept: JsonObject = { name: f.name, type: f.type, required: f.required };
            for (const key of FIELD_OPTIONS) if (f[key] !== undefined && f[key] !== null) kept[key] = f[key];
            fields.push(kept as unknown as SchemaField);
        }
        check.value.fields = fields;
    }
    if (raw.rules !== undefined && raw.rules !== null) {
        if (!Array.isArray(raw.rules)) check.fail("rules", "invalid.value", "rules must be a list");
        else {
            for (const [index, rule] of raw.rules.entries()) {
                if (!isPlainObject(rule)) {
                    check.fail("rules", "invalid.value", `rules[${index}] must be an object`);
                    continue;
                }
                for (const part of ["when", "require"] as const) {
                    const problem = conditionProblem(rule[part], names);
                    if (problem) check.fail("rules", "invalid.value", `rules[${index}].${part} ${problem}`);
                }
                if (rule.message !== undefined && typeof rule.message !== "string")
                    check.fail("rules", "invalid.value", `rules[${index}].message must be a string`);
            }
            check.value.rules = raw.rules;
        }
    } else {
        check.value.rules = [];
    }
    return check.result();
}

/** A PUT may add fields; removing or retyping one would orphan the values existing records hold. */
function breakingChanges(current: JsonObject, next: JsonObject): FieldError[] {
    const nextTypes = new Map((next.fields as SchemaField[]).map((f) => [f.name, f.type]));
    return (current.fields as SchemaField[]).flatMap((field): FieldError[] => {
        const type = nextTypes.get(field.name);
        if (type === undefined)
            return [
                {
                    fieldName: "fields",
                    errorCode: "field.removed",
                    message: `field ${field.name} cannot be removed from a schema; create a new schema instead`,
                },
            ];
        if (type !== field.type)
            return [
                {
                    fieldName: "fields",
                    errorCode: "field.retyped",
                    message: `field ${field.name} cannot change type from ${field.type} to ${type}; create a new schema instead`,
                },
            ];
        return [];
    });
}

function schemaRoutes(context: KindContext): Route[] {
    const schemas = schemaCollection(context);
    const exists = (id: string) => schemas.list().some((schema) => schema.id === id);
    const validate = (body: unknown) => validateDataSchema(body, exists);
    const kind = { ...dataSchemas, validate };
    return crudRoutes(kind, context, {
        readScope: "schema:read",
        writeScope: "schema:write",
        filterableFields: ["name"],
    }).map((route): Route => {
        if (route.method === "PUT" && route.pattern.endsWith("{id}")) {
            return {
                ...route,
                handle: ({ params, body }) => {
                    const current = schemas.current(params.id);
                    const checked = validate(body);
                    const version = expectedVersion(body);
                    const errors = [
                        ...(checked.ok ? breakingChanges(current, checked.value) : checked.errors),
                        ...(version.error ? [version.error] : []),
                    ];
                    if (errors.length > 0 || !checked.ok) throw badRequest(errors, "data schema");
                    return { status: 200, body: schemas.update(params.id, checked.value, version.version) };
                },
            };
        }
        if (route.method === "DELETE") {
            // Deleting a schema deletes its records with it.
            return {
                ...route,
                handle: ({ params }) => {
                    schemas.delete(params.id);
                    const records = recordCollection(context, params.id);
                    for (const record of records.list()) records.delete(record.id as string);
                    return { status: 204 };
                },
            };
        }
        return route;
    });
}

export const dataSchemas: KindModule = {
    name: "dataSchemas",
    label: "Data schema",
    basePath: DATA_SCHEMAS_PATH,
    writeOnlyFields: [],
    validate: (body) => validateDataSchema(body),
    routes: schemaRoutes,
};
