import { z } from "zod";
import type { CrossFieldRule } from "../../validation/checkInputs";
import { platformId } from "../../validation/fieldRules";
import { dataFields, dataRules, repeatedFieldNames, ruleProblems } from "../dataSchema/schema";
import { validatorFor } from "./recordValidator";

/** A record key is also its platform id, so it takes the characters a path segment can carry unencoded. */
export const RECORD_KEY = /^[A-Za-z0-9_-]{1,128}$/;

export const recordKey = z
    .string({ error: "must be a string" })
    .regex(RECORD_KEY, { error: "must be 1 to 128 letters, digits, - or _ (it is the record's id on the platform)" });

export const recordData = z.record(z.string(), z.unknown(), { error: "must be an object of field values" });

export const dataRecordInputs = z.object({
    schemaId: platformId,
    /** The schema's fields and rules, passed by the SDK from the DataSchema so `check` validates at preview. */
    fields: dataFields,
    rules: dataRules,
    key: recordKey,
    data: recordData,
});

export type DataRecordInputs = z.infer<typeof dataRecordInputs>;

export const dataRecordDefaults: Partial<DataRecordInputs> = { rules: [] };

/** The schema's own consistency, then the record against it; `data` is read directly so known values are checked beside unknown ones. */
export const dataRecordRules: CrossFieldRule<DataRecordInputs>[] = [
    {
        reads: ["fields", "rules"],
        check({ fields, rules, data }) {
            const schemaProblems = [...repeatedFieldNames(fields), ...ruleProblems(fields, rules)];
            if (schemaProblems.length > 0) return schemaProblems;
            if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
            return validatorFor(fields, rules)(data);
        },
    },
];
