import type { Models } from "purecloud-platform-client-v2";
import { isPlainObject } from "../jsonObject";
import type { FieldError } from "../apiError";

/** The platform's limits on data tables ("Work with data tables", "Create a data table" in the Genesys help). */
export const DATA_TABLE_LIMITS = { fields: 50, rows: 5000, tables: 200, nameLength: 256, keyLength: 256 } as const;

export const KEY_FIELD = "key";
export const FIELD_TYPES = ["boolean", "integer", "number", "string"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field as stored and returned: the attributes the platform keeps for a data-table property. */
export interface TableField {
    $id: string;
    type: FieldType;
    title?: string;
    default?: boolean | number | string;
    displayOrder?: number;
}

/**
 * The schema the platform stores for every table: draft-04, an object keyed by `key`, no other properties. The
 * SDK types `additionalProperties` as an object, so the `false` the platform expects is declared here.
 */
export interface TableSchema extends Omit<Models.JsonSchemaDocument, "additionalProperties" | "properties"> {
    $schema: string;
    type: "object";
    required: string[];
    properties: Record<string, TableField>;
    additionalProperties: false;
}

const FIELD_ATTRIBUTES = new Set(["$id", "type", "title", "default", "displayOrder", "description"]);

const TYPE_TESTS: Record<FieldType, (v: unknown) => boolean> = {
    boolean: (v) => typeof v === "boolean",
    integer: (v) => typeof v === "number" && Number.isSafeInteger(v),
    number: (v) => typeof v === "number" && Number.isFinite(v),
    string: (v) => typeof v === "string",
};

export function matchesType(type: FieldType, value: unknown): boolean {
    return TYPE_TESTS[type](value);
}

function fieldError(fieldName: string, errorCode: string, message: string): FieldError {
    return { fieldName, errorCode, message };
}

function checkField(name: string, raw: unknown, errors: FieldError[]): TableField | undefined {
    const at = `schema.properties.${name}`;
    if (!isPlainObject(raw)) {
        errors.push(fieldError(at, "invalid.value", `${at} must be an object with a type`));
        return undefined;
    }
    const before = errors.length;
    for (const attribute of Object.keys(raw).filter((a) => !FIELD_ATTRIBUTES.has(a))) {
        errors.push(
            fieldError(
                `${at}.${attribute}`,
                "unsupported",
                `${at}.${attribute} is not supported by data tables (a field has only type, title, default and displayOrder)`,
            ),
        );
    }
    const type = raw.type;
    if (typeof type !== "string" || !(FIELD_TYPES as readonly string[]).includes(type)) {
        errors.push(fieldError(`${at}.type`, "invalid.value", `${at}.type must be one of ${FIELD_TYPES.join(", ")}`));
    } else if (raw.default !== undefined && !matchesType(type as FieldType, raw.default)) {
        errors.push(fieldError(`${at}.default`, "invalid.value", `${at}.default must be of type ${type}`));
    }
    if (name === KEY_FIELD && type !== "string") {
        errors.push(fieldError(`${at}.type`, "invalid.value", `${at}.type must be string: the key field is a string`));
    }
    if (raw.title !== undefined && typeof raw.title !== "string") {
        errors.push(fieldError(`${at}.title`, "invalid.value", `${at}.title must be a string`));
    }
    const order = raw.displayOrder;
    if (order !== undefined && !(typeof order === "number" && Number.isInteger(order) && order >= 0)) {
        errors.push(fieldError(`${at}.displayOrder`, "invalid.value", `${at}.displayOrder must be an integer ≥ 0`));
    }
    if (errors.length > before) return undefined;
    return {
        $id: `/properties/${name}`,
        type: type as FieldType,
        ...(raw.title !== undefined ? { title: raw.title as string } : {}),
        ...(raw.default !== undefined ? { default: raw.default as TableField["default"] } : {}),
        ...(order !== undefined ? { displayOrder: order as number } : {}),
    };
}

/**
 * A table's schema as the platform accepts it: `properties` must hold a string `key` (the row key, the only
 * required field), at most 50 fields in all, each boolean, integer, number or string with an optional typed
 * default, title and displayOrder. Returns the schema the platform stores, with its fixed draft-04 frame.
 */
export function checkSchema(raw: unknown, title: string, errors: FieldError[]): TableSchema | undefined {
    if (!isPlainObject(raw)) {
        errors.push(fieldError("schema", "required", "schema is required: a JSON schema whose properties hold key"));
        return undefined;
    }
    const before = errors.length;
    if (raw.type !== undefined && raw.type !== "object") {
        errors.push(fieldError("schema.type", "invalid.value", 'schema.type must be "object"'));
    }
    if (raw.required !== undefined) {
        const required = raw.required;
        if (!Array.isArray(required) || required.some((r) => r !== KEY_FIELD)) {
            errors.push(
                fieldError("schema.required", "invalid.value", 'schema.required may list only "key" (the row key)'),
            );
        }
    }
    if (raw.additionalProperties !== undefined && raw.additionalProperties !== false) {
        errors.push(
            fieldError("schema.additionalProperties", "invalid.value", "schema.additionalProperties must be false"),
        );
    }
    const properties = raw.properties;
    if (!isPlainObject(properties)) {
        errors.push(fieldError("schema.properties", "required", "schema.properties is required and must hold key"));
        return undefined;
    }
    if (!Object.hasOwn(properties, KEY_FIELD)) {
        errors.push(
            fieldError(
                "schema.properties.key",
                "required",
                'schema.properties.key is required: every table has a string field "key" that keys its rows',
            ),
        );
    }
    const names = Object.keys(properties);
    if (names.length > DATA_TABLE_LIMITS.fields) {
        errors.push(
            fieldError(
                "schema.properties",
                "limit.exceeded",
                `schema.properties has ${names.length} fields; a table holds at most ${DATA_TABLE_LIMITS.fields}`,
            ),
        );
    }
    const fields: Record<string, TableField> = {};
    for (const name of names) {
        if (name.trim() === "" || name.length > DATA_TABLE_LIMITS.nameLength) {
            errors.push(
                fieldError(
                    "schema.properties",
                    "invalid.value",
                    "schema.properties has a field name that is empty or over 256 characters",
                ),
            );
            continue;
        }
        const field = checkField(name, properties[name], errors);
        if (field) fields[name] = field;
    }
    if (errors.length > before) return undefined;
    return {
        $schema: "http://json-schema.org/draft-04/schema#",
        title,
        ...(typeof raw.description === "string" ? { description: raw.description } : {}),
        type: "object",
        required: [KEY_FIELD],
        properties: fields,
        additionalProperties: false,
    };
}

/** What an update may not do to existing fields ("updates allow only new fields to be added"). */
export function schemaChangeErrors(current: TableSchema, next: TableSchema): FieldError[] {
    const errors: FieldError[] = [];
    for (const [name, field] of Object.entries(current.properties)) {
        const at = `schema.properties.${name}`;
        const replacement = next.properties[name];
        if (!replacement) {
            errors.push(fieldError(at, "field.removed", `${at} cannot be removed: a table's fields can only be added`));
        } else if (replacement.type !== field.type) {
            errors.push(
                fieldError(
                    `${at}.type`,
                    "field.retyped",
                    `${at}.type cannot change from ${field.type} to ${replacement.type}: a table's fields can only be added`,
                ),
            );
        }
    }
    return errors;
}

/** The value a row gets for a field it does not set: the field's default, else false, 0 or "". */
export function fieldDefault(field: TableField): boolean | number | string {
    if (field.default !== undefined) return field.default;
    return field.type === "boolean" ? false : field.type === "string" ? "" : 0;
}
