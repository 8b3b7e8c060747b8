import { z } from "zod";

/**
 * The part of `value` an input schema declares, at any depth: what a platform object read back holds of the
 * inputs that wrote it. The platform adds to what it was sent (`selfUri`, a referenced object's name, diagnostics),
 * and a refresh that kept those would show a change on the next preview. Values are not validated here.
 */
export function projectOnSchema(schema: z.ZodType, value: unknown): unknown {
    if (value === undefined || value === null) return undefined;
    if (schema instanceof z.ZodOptional) return projectOnSchema(schema.unwrap() as z.ZodType, value);
    if (schema instanceof z.ZodArray) {
        return Array.isArray(value) ? value.map((item) => projectOnSchema(schema.element as z.ZodType, item)) : value;
    }
    if (schema instanceof z.ZodObject) {
        if (typeof value !== "object" || Array.isArray(value)) return value;
        const out: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
            const projected = projectOnSchema(field, (value as Record<string, unknown>)[key]);
            if (projected !== undefined) out[key] = projected;
        }
        return out;
    }
    return value;
}
