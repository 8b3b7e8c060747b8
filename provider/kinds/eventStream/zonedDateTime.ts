const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Epoch ms of an ISO 8601 date-time that carries a zone (`Z` or an offset) and names a real calendar date;
 * undefined otherwise. `Date.parse` alone accepts dates such as February 30 and zone-less times (read as
 * local time, so the same program would mean different instants on different machines).
 */
export function parseZonedDateTime(value: string): number | undefined {
    const parts = ISO_WITH_ZONE.exec(value);
    if (!parts) return undefined;
    const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((part) => Number(part ?? 0));
    const calendar = new Date(Date.UTC(year, month - 1, day));
    const realDate =
        calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
    if (!realDate || hour > 23 || minute > 59 || second > 59) return undefined;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
}
