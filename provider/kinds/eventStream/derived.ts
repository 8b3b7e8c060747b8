/** The replay sequence data the platform reports on an event stream once a replay exists. */
export interface ReplaySequence {
    firstSequenceIndex: number;
    lastSequenceIndex: number;
    deliveredIndices: readonly number[];
}

/** The replay's gap check, as the `replayStatus` output. */
export interface ReplayCoverage {
    firstSequenceIndex: number;
    lastSequenceIndex: number;
    /** True when every index from first to last was delivered. */
    contiguous: boolean;
    /** Ascending. */
    missingSequenceIndices: number[];
    /** Share of the expected indices delivered, 0..100, rounded down to 2 decimals so 100 means none missing. */
    coveragePercent: number;
}

/**
 * Which sequence indices of a replay never arrived. Repeated or out-of-range delivered indices do not inflate
 * the coverage, and a one-index replay that arrived is fully covered (not 0%, as a naive span ratio has it).
 * An empty range (last before first) expects nothing, so it is complete.
 */
export function replayCoverage(sequence: ReplaySequence): ReplayCoverage {
    const { firstSequenceIndex: first, lastSequenceIndex: last } = sequence;
    const expected = Math.max(0, last - first + 1);
    const delivered = new Set(sequence.deliveredIndices.filter((index) => index >= first && index <= last));
    const missingSequenceIndices: number[] = [];
    for (let index = first; index <= last; index++) if (!delivered.has(index)) missingSequenceIndices.push(index);
    const coveragePercent = expected === 0 ? 100 : Math.floor((delivered.size * 10_000) / expected) / 100;
    return {
        firstSequenceIndex: first,
        lastSequenceIndex: last,
        contiguous: missingSequenceIndices.length === 0,
        missingSequenceIndices,
        coveragePercent,
    };
}
