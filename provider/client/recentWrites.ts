/**
 * Objects this client wrote a moment ago. Genesys Cloud reads are eventually consistent: right after a write, a GET
 * of the object can still answer 404. Believing that 404 would make an adoption fail (and leave an orphan) or make
 * an update report the object gone, so a 404 on a path written within `windowMs` is read again until the window
 * has passed. Paths are as sent (ids encoded, no query).
 */
export class RecentWrites {
    private readonly writtenAt = new Map<string, number>();

    constructor(
        private readonly windowMs: number,
        private readonly now: () => number = Date.now,
    ) {}

    /** A write to `path` may have committed (it succeeded, or its outcome is unknown). */
    wrote(path: string): void {
        this.writtenAt.set(path, this.now());
    }

    /** The object at `path` was deleted: its 404 is the truth from now on. */
    deleted(path: string): void {
        this.writtenAt.delete(path);
    }

    /** How long to wait before reading `path` again after a 404, or undefined when the 404 is to be believed. */
    rereadDelayMs(path: string, stepMs: number): number | undefined {
        const at = this.writtenAt.get(path);
        if (at === undefined) return undefined;
        const left = at + this.windowMs - this.now();
        if (left <= 0) {
            this.writtenAt.delete(path);
            return undefined;
        }
        return Math.max(1, Math.min(stepMs, left));
    }
}
