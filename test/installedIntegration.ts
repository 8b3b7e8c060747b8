/** An integration as the platform lists it with `expand=config.current`: the fields the tests look at. */
export interface InstalledIntegration {
    id: string;
    name: string;
    intendedState: string;
    reportedState: { code: string };
    config: {
        current: {
            version: number;
            notes?: string;
            properties: Record<string, unknown>;
            credentials: Record<string, { id: string }>;
        };
    };
}
