import { kindProvider } from "../../kindProvider";
import { postedObjectCrud } from "../../lifecycle/postedObjectCrud";
import { dataSchemaApi as api, type LiveDataSchema, toBody } from "./api";
import { breakingFieldChanges } from "./fieldChanges";
import {
    canonicalFields,
    type DataField,
    type DataSchemaInputs,
    dataSchemaDefaults,
    dataSchemaInputs,
    dataSchemaRules,
} from "./schema";

const LABEL = "data schema";

export const dataSchemaProvider = kindProvider<DataSchemaInputs, LiveDataSchema>({
    label: LABEL,
    schema: dataSchemaInputs,
    rules: dataSchemaRules,
    defaults: dataSchemaDefaults,
    nameMaxLength: 200,
    replaceOn: [],
    // Fields are nested, so their one default (`required: false`) is filled here for state to match the platform.
    normalise(news) {
        const fields = news.fields;
        const canonical =
            Array.isArray(fields) && fields.every((f) => typeof f === "object" && f !== null && !Array.isArray(f));
        return canonical ? { ...news, fields: canonicalFields(fields as DataField[]) } : { ...news };
    },
    // Adding a field is an in-place PUT; removing or retyping one is refused by the platform, so it replaces.
    replacesFor: (olds, news) => (breakingFieldChanges(olds.fields, news.fields).length > 0 ? ["fields"] : []),

    ...postedObjectCrud(LABEL, api, toBody),

    inputsFromLive: (live) => ({ name: live.name, fields: canonicalFields(live.fields), rules: live.rules ?? [] }),

    computed: (live) => ({ schemaId: live.id, version: live.version }),
});
