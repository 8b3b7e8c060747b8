import { ApiError } from "../apiError";
import { INTEGRATION_TYPES } from "./integrationTypes";
import { allOf } from "./permissions";
import type { PlatformModule } from "./platformModule";
import { PROPERTY_SCHEMAS } from "./recordingExportType";

const TYPE = "/api/v2/integrations/types/{typeId}";

function typeNotFound(typeId: string): ApiError {
    return new ApiError(404, "not.found", `Integration type ${typeId} not found`, { typeId });
}

/**
 * The integration types (`/api/v2/integrations/types/{typeId}`) and the schema of their configuration properties:
 * where a client learns which properties and credentials a type takes.
 */
export const integrationTypeRoutes: PlatformModule = {
    name: "integration types",
    routes: () => [
        {
            method: "GET",
            pattern: TYPE,
            permissions: allOf("integrations:integration:view"),
            handle: ({ params }) => {
                const spec = INTEGRATION_TYPES[params.typeId];
                if (!spec) throw typeNotFound(params.typeId);
                return { status: 200, body: spec.type };
            },
        },
        {
            method: "GET",
            pattern: `${TYPE}/configschemas/{configType}`,
            permissions: allOf("integrations:integration:view"),
            handle: ({ params }) => {
                const schema = PROPERTY_SCHEMAS[params.typeId];
                if (!schema) throw typeNotFound(params.typeId);
                if (params.configType !== "properties") {
                    throw new ApiError(
                        404,
                        "not.found",
                        `Integration type ${params.typeId} has no ${params.configType} schema`,
                    );
                }
                return { status: 200, body: schema };
            },
        },
    ],
};
