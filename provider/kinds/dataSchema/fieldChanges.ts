import { containsUnknown } from "../../validation/unknowns";

interface NamedTypedField {
    name: string;
    type: string;
}

function fieldList(value: unknown): NamedTypedField[] | undefined {
    if (!Array.isArray(value) || containsUnknown(value)) return undefined;
    return value.filter(
        (field): field is NamedTypedField =>
            typeof field === "object" && field !== null && typeof field.name === "string",
    );
}

/**
 * The fields the platform cannot change in place: those removed or given another type (a PUT may only add
 * fields, since existing records hold values of the old ones). Empty while either list is unknown.
 */
export function breakingFieldChanges(olds: unknown, news: unknown): string[] {
    const before = fieldList(olds);
    const after = fieldList(news);
    if (!before || !after) return [];
    const typeOf = new Map(after.map((field) => [field.name, field.type]));
    return before
        .filter((field) => typeOf.get(field.name) !== field.type)
        .map((field) =>
            typeOf.has(field.name)
                ? `${field.name} (${field.type} → ${typeOf.get(field.name)})`
                : `${field.name} (removed)`,
        );
}
