import { kindProvider } from "../../kindProvider";
import { bodyMatches } from "../../lifecycle/bodyMatches";
import { createAdoptingOrphan } from "../../lifecycle/createByPost";
import { updateVersioned } from "../../lifecycle/versionedUpdate";
import { dataSchemaApi as api, LiveDataSchema, toBody } from "./api";
import { breakingFieldChanges } from "./fieldChanges";
import { canonicalFields, DataField, DataSchemaInputs, dataSchemaDefaults, dataSchemaInputs, dataSchemaRules } from "./schema";

const LABEL = "data schema";

const definition = kindProvider<DataSchemaInputs, LiveDataSchema>({
    label: LABEL,
    schema: dataSchemaInputs,
    rules: dataSchemaRules,
    defaults: dataSchemaDefaults,
    nameMaxLength: 200,
    replaceOn: [],
    // Adding a field is an in-place PUT; removing or retyping one is refused by the platform, so it replaces.
    replacesFor: (olds, news) => (breakingFieldChanges(olds.fields, news.fields).length > 0 ? ["fields"] : []),

    create(client, inputs) {
        const body = toBody(inputs);
        return createAdoptingOrphan({
            post: () => api.create(client, body),
            findByName: () => api.findByName(client, body.name),
        });
    },

    read: (client, id) => api.get(client, id),

    update(client, id, olds, inputs) {
        const body = toBody(inputs);
        return updateVersioned({
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            put: (version) => api.put(client, id, body, version),
            get: async () => {
                const live = await api.get(client, id);
                if (!live) throw new Error(`the ${LABEL} ${id} no longer exists on the platform: run \`pulumi refresh\` to drop it from the stack`);
                return live;
            },
            holdsOurChange: (live) => bodyMatches({ ...body }, { ...live }),
        });
    },

    delete: (client, id) => api.delete(client, id),

    idOf: (live) => live.id,

    inputsFromLive: (live) => ({ name: live.name, fields: canonicalFields(live.fields), rules: live.rules ?? [] }),

    outputs(live, inputs) {
        return { ...this.inputsFromLive(live, inputs), schemaId: live.id, version: live.version };
    },
});

/** Fields are nested, so their one default (`required: false`) is filled here for state to match the platform. */
export const dataSchemaProvider: typeof definition = {
    ...definition,
    check: (olds, news) => {
        const fields = news.fields;
        const canonical = Array.isArray(fields) && fields.every((f) => typeof f === "object" && f !== null && !Array.isArray(f));
        return definition.check(olds, canonical ? { ...news, fields: canonicalFields(fields as DataField[]) } : news);
    },
};
