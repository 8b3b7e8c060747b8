/** Traffic counters for tests and benchmarks; admin endpoint calls are not counted. */
export interface EmulatorStats {
    requests: number;
    responsesByStatus: Record<string, number>;
    /** Every 429 answered, from the rate limit or from the share429 fault. */
    rateLimited: number;
    tokensIssued: number;
    /** Writes that committed but whose response was dropped by the shareLostResponse fault. */
    lostResponses: number;
    /** Connections reset before any work by the shareReset fault. */
    connectionResets: number;
    /** Keyed "METHOD /route/{pattern}" so ids do not explode the key space; unmatched paths count as "METHOD (unmatched)". */
    perPath: Record<string, number>;
}

export class StatsRecorder {
    private requests = 0;
    private rateLimited = 0;
    private tokensIssued = 0;
    private lostResponses = 0;
    private connectionResets = 0;
    private readonly byStatus = new Map<number, number>();
    private readonly byPath = new Map<string, number>();

    request(pathKey: string): void {
        this.requests += 1;
        this.byPath.set(pathKey, (this.byPath.get(pathKey) ?? 0) + 1);
    }

    response(status: number): void {
        this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
        if (status === 429) this.rateLimited += 1;
    }

    tokenIssued(): void {
        this.tokensIssued += 1;
    }

    responseLost(): void {
        this.lostResponses += 1;
    }

    connectionReset(): void {
        this.connectionResets += 1;
    }

    snapshot(): EmulatorStats {
        return {
            requests: this.requests,
            responsesByStatus: Object.fromEntries([...this.byStatus].map(([k, v]) => [String(k), v])),
            rateLimited: this.rateLimited,
            tokensIssued: this.tokensIssued,
            lostResponses: this.lostResponses,
            connectionResets: this.connectionResets,
            perPath: Object.fromEntries(this.byPath),
        };
    }
}
