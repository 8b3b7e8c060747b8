import { kindProvider } from "../../kindProvider";
import { postedUnversionedCrud } from "../../lifecycle/postedUnversionedCrud";
import { breakingFieldChanges } from "../dataSchema/fieldChanges";
import { comparable, dataTableApi as api, fieldsOf, type LiveDataTable, toBody } from "./api";
import { DATA_TABLE_LIMITS, type DataTableInputs, dataTableInputs, dataTableRules } from "./schema";

const LABEL = "data table";

type Props = Record<string, unknown>;

function fieldOrder(inputs: Props): string[] {
    return Array.isArray(inputs.fields) ? inputs.fields.map((field) => String(field?.name)) : [];
}

function inputsFromLive(live: LiveDataTable, oldInputs: Props): Props {
    return {
        name: live.name,
        description: live.description,
        // Only a division the stack chose is an input; left out, the platform puts the table in the home division.
        divisionId: oldInputs.divisionId === undefined ? undefined : live.division?.id,
        fields: fieldsOf(live, fieldOrder(oldInputs)),
        clientValidation: oldInputs.clientValidation,
    };
}

/**
 * An Architect data table (`/api/v2/flows/datatables`). Tables carry no version, so an update reads the table
 * first and refuses to overwrite a change made outside Pulumi; the platform only adds fields in place, so removing
 * or retyping one replaces the table (and its rows).
 */
export const dataTableProvider = kindProvider<DataTableInputs, LiveDataTable>({
    label: LABEL,
    schema: dataTableInputs,
    rules: dataTableRules,
    nameMaxLength: DATA_TABLE_LIMITS.nameLength,
    replacesFor: {
        inputs: ["fields"],
        replaces: (olds, news) => (breakingFieldChanges(olds.fields, news.fields).length > 0 ? ["fields"] : []),
    },
    checkOnly: ["clientValidation"],

    ...postedUnversionedCrud(api, toBody, {
        label: LABEL,
        written: (body) => comparable(body),
        live: (live) => comparable(live, true),
    }),

    inputsFromLive,
    computed: (live) => ({ datatableId: live.id }),
});
