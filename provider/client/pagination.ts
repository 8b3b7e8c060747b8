import type { Query } from "./requestUrl";

/** Fetches one page: a GET of `path` (which may carry its own query) with `query` added. */
export type PageFetcher = <R>(path: string, query?: Query) => Promise<R>;

export interface NumberedPage<T> {
    entities?: T[];
    pageNumber?: number;
    pageCount?: number;
}

export interface TokenPage<T> {
    entities?: T[];
    nextPageToken?: string | null;
}

/** Where a linked list's page names the next one: `nextPage` (the audit log) or `nextUri` (the platform's cursor lists). */
export type PageLink = "nextPage" | "nextUri";

export type LinkedPage<T> = { entities?: T[] } & {
    /** Path of the next page, query included; empty or absent on the last page. */
    [link in PageLink]?: string | null;
};

/** The platform's maximum page size: fewest requests, and so least rate-limit budget, per list. */
export const MAX_PAGE_SIZE = 100;

// A server that keeps answering with more pages is a bug on its side; stop instead of looping forever.
const MAX_PAGES = 10_000;

/** Page-based lists (`pageSize`/`pageNumber`): follows pages until `pageNumber >= pageCount`. */
export async function collectNumberedPages<T>(fetchPage: PageFetcher, path: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    const pageSize = query.pageSize ?? MAX_PAGE_SIZE;
    for (let pageNumber = Number(query.pageNumber ?? 1); ; pageNumber++) {
        guardPageCount(pageNumber, path);
        const page = await fetchPage<NumberedPage<T>>(path, { ...query, pageSize, pageNumber });
        const entities = page.entities ?? [];
        items.push(...entities);
        // Without pageCount (non-conforming server) an empty page is the only safe end marker.
        const done = page.pageCount === undefined ? entities.length === 0 : pageNumber >= page.pageCount;
        if (done) return items;
    }
}

/** Token-based lists (`pageToken` in, `nextPageToken` out). */
export async function collectTokenPages<T>(fetchPage: PageFetcher, path: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    for (let pages = 1; ; pages++) {
        guardPageCount(pages, path);
        const page = await fetchPage<TokenPage<T>>(path, { pageSize: MAX_PAGE_SIZE, ...query, pageToken });
        items.push(...(page.entities ?? []));
        if (!page.nextPageToken) return items;
        pageToken = guardRepeat(seen, page.nextPageToken, path);
    }
}

/**
 * Lists whose pages link to the next one by path: `nextPage` (the audit log), or `nextUri` (the platform's cursor
 * lists, `before`/`after`, such as process-automation triggers).
 */
export async function collectLinkedPages<T>(
    fetchPage: PageFetcher,
    path: string,
    query: Query = {},
    link: PageLink = "nextPage",
): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let page = await fetchPage<LinkedPage<T>>(path, query);
    for (let pages = 2; ; pages++) {
        items.push(...(page.entities ?? []));
        const next = page[link];
        if (!next) return items;
        guardPageCount(pages, path);
        page = await fetchPage<LinkedPage<T>>(guardRepeat(seen, next, path));
    }
}

function guardPageCount(pages: number, path: string): void {
    if (pages > MAX_PAGES) throw new Error(`Listing ${path} did not end after ${MAX_PAGES} pages; giving up`);
}

function guardRepeat(seen: Set<string>, next: string, path: string): string {
    if (seen.has(next))
        throw new Error(`Listing ${path} returned the page link "${next}" twice; the listing would never end`);
    seen.add(next);
    return next;
}
