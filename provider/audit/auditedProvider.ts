import type { CallOutcome } from "../client/apiClient";
import type { KindProvider } from "../kindProvider";
import type { AuditTrail, OperationFacts } from "./auditTrail";
import { trackCalls } from "./callTracker";

type Props = Record<string, unknown>;

/**
 * The provider with every create, update and delete (and every failed one) written to the audit trail. Checks,
 * diffs and reads change nothing on the platform and pass straight through.
 */
export function auditedProvider(kind: string, provider: KindProvider, trail: () => AuditTrail): KindProvider {
    const secretFields = provider.secretFields ?? [];

    async function audited<T>(
        operation: OperationFacts["operation"],
        props: Props,
        knownId: string | undefined,
        run: () => Promise<T>,
        idOf: (result: T) => string,
    ): Promise<T> {
        const calls: CallOutcome[] = [];
        const started = performance.now();
        const facts = (platformId: string | undefined, error?: unknown): OperationFacts => ({
            kind,
            operation,
            props,
            secretFields,
            platformId,
            latencyMs: performance.now() - started,
            calls,
            error,
        });
        let result: T;
        try {
            result = await trackCalls(calls, run);
        } catch (err) {
            // A partial failure names the object it created.
            const partialId = (err as { id?: unknown })?.id;
            await trail().record(
                facts(knownId ?? (typeof partialId === "string" ? partialId : undefined), err ?? "failed"),
            );
            throw err;
        }
        await trail().record(facts(idOf(result)));
        return result;
    }

    return {
        secretFields,
        configure: (req) => provider.configure(req),
        check: (olds, news) => provider.check(olds, news),
        diff: (id, olds, news) => provider.diff(id, olds, news),
        read: (id, props) => provider.read(id, props),
        create: (inputs) =>
            audited(
                "create",
                inputs,
                undefined,
                () => provider.create(inputs),
                (result) => result.id,
            ),
        update: (id, olds, news) =>
            audited(
                "update",
                news,
                id,
                () => provider.update(id, olds, news),
                () => id,
            ),
        delete: (id, props) =>
            audited(
                "delete",
                props,
                id,
                () => provider.delete(id, props),
                () => id,
            ),
    };
}
