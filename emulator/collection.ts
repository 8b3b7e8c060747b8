import { randomUUID } from "node:crypto";
import * as path from "node:path";
import { ApiError, notFound } from "./apiError";
import { readJsonFile, writeJsonFileAtomic } from "./jsonFile";
import type { JsonObject } from "./jsonObject";
import { deletePath, getPath, setPath } from "./objectPaths";

/** What a kind declares about one of its collections. */
export interface CollectionOptions {
    /** Persistence key and file name: letters, digits, `_` and `-` only. */
    name: string;
    /** Singular noun for messages, e.g. "Recording policy". */
    label: string;
    selfUri: (id: string) => string;
    /** Dot paths stored but never returned. An update that omits one keeps the stored value, since clients cannot read it back to resend it. */
    writeOnlyFields?: readonly string[];
}

/** What the server provides to every collection. */
export interface CollectionEnvironment {
    now: () => number;
    /** Current readAfterWrite404Ms fault. */
    readAfterWrite404Ms: () => number;
    /** When set, each collection persists to `<dataDir>/<name>.json`. */
    dataDir?: string;
}

interface StoredObject {
    id: string;
    version: number;
    dateCreated: string;
    dateModified: string;
    fields: JsonObject;
}

const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** A versioned, optionally persisted set of objects of one kind; every read goes through `present`, so write-only fields cannot leak. */
export class Collection {
    private readonly objects = new Map<string, StoredObject>();
    private readonly lastWrite = new Map<string, number>();
    private readonly file: string | undefined;

    constructor(
        private readonly options: CollectionOptions,
        private readonly env: CollectionEnvironment,
    ) {
        if (!NAME_PATTERN.test(options.name)) {
            throw new TypeError(`collection name ${JSON.stringify(options.name)} must match ${NAME_PATTERN}`);
        }
        this.file = env.dataDir ? path.join(env.dataDir, `${options.name}.json`) : undefined;
        this.load();
    }

    create(fields: JsonObject): JsonObject {
        return this.insert(randomUUID(), fields);
    }

    /** Upsert under a client-chosen id (storage targets, strategies, data records). */
    put(id: string, fields: JsonObject, expectedVersion?: number): { object: JsonObject; created: boolean } {
        if (this.objects.has(id)) return { object: this.update(id, fields, expectedVersion), created: false };
        return { object: this.insert(id, fields), created: true };
    }

    /** Throws 404 for unknown ids and for objects written within the readAfterWrite404Ms fault window. */
    get(id: string): JsonObject {
        const stored = this.objects.get(id);
        const writtenAt = this.lastWrite.get(id);
        const hiddenFor = this.env.readAfterWrite404Ms();
        if (!stored || (writtenAt !== undefined && hiddenFor > 0 && this.env.now() - writtenAt < hiddenFor)) {
            throw notFound(this.options.label, id);
        }
        return this.present(stored);
    }

    /** The object as a write sees it: never hidden by the read-after-write fault, which models lagging reads only. */
    current(id: string): JsonObject {
        const stored = this.objects.get(id);
        if (!stored) throw notFound(this.options.label, id);
        return this.present(stored);
    }

    update(id: string, fields: JsonObject, expectedVersion?: number): JsonObject {
        const stored = this.objects.get(id);
        if (!stored) throw notFound(this.options.label, id);
        if (expectedVersion !== undefined && expectedVersion !== stored.version) {
            throw new ApiError(
                409,
                "version.mismatch",
                `${this.options.label} ${id} is at version ${stored.version}, not ${expectedVersion}; read it again and retry with the current version.`,
                { id, currentVersion: String(stored.version), requestedVersion: String(expectedVersion) },
            );
        }
        const next = structuredClone(fields);
        for (const dotPath of this.options.writeOnlyFields ?? []) {
            const previous = getPath(stored.fields, dotPath);
            if (getPath(next, dotPath) === undefined && previous !== undefined) setPath(next, dotPath, previous);
        }
        const updated: StoredObject = {
            ...stored,
            version: stored.version + 1,
            dateModified: this.timestamp(),
            fields: next,
        };
        this.objects.set(id, updated);
        this.committed(id);
        return this.present(updated);
    }

    delete(id: string): void {
        if (!this.objects.delete(id)) throw notFound(this.options.label, id);
        this.lastWrite.delete(id);
        this.persist();
    }

    /** All objects in creation order, optionally keeping those whose top-level fields equal every filter value. */
    list(filter: Record<string, string> = {}): JsonObject[] {
        const wanted = Object.entries(filter);
        return [...this.objects.values()]
            .filter((o) => wanted.every(([key, value]) => o.fields[key] === value))
            .map((o) => this.present(o));
    }

    private insert(id: string, fields: JsonObject): JsonObject {
        const now = this.timestamp();
        const stored: StoredObject = {
            id,
            version: 1,
            dateCreated: now,
            dateModified: now,
            fields: structuredClone(fields),
        };
        this.objects.set(id, stored);
        this.committed(id);
        return this.present(stored);
    }

    private committed(id: string): void {
        this.lastWrite.set(id, this.env.now());
        this.persist();
    }

    private present(stored: StoredObject): JsonObject {
        const fields = structuredClone(stored.fields);
        for (const dotPath of this.options.writeOnlyFields ?? []) deletePath(fields, dotPath);
        return {
            id: stored.id,
            ...fields,
            version: stored.version,
            dateCreated: stored.dateCreated,
            dateModified: stored.dateModified,
            selfUri: this.options.selfUri(stored.id),
        };
    }

    private timestamp(): string {
        return new Date(this.env.now()).toISOString();
    }

    private persist(): void {
        if (this.file) writeJsonFileAtomic(this.file, { objects: [...this.objects.values()] });
    }

    private load(): void {
        if (!this.file) return;
        const saved = readJsonFile(this.file) as { objects?: StoredObject[] } | undefined;
        if (saved === undefined) return;
        if (!Array.isArray(saved.objects)) {
            throw new Error(
                `emulator state file ${this.file} has no "objects" array; restore it or delete it to start empty`,
            );
        }
        for (const stored of saved.objects) this.objects.set(stored.id, stored);
    }
}

/** One Collection per name, shared by every kind that asks for it. */
export class Collections {
    private readonly byName = new Map<string, Collection>();

    constructor(private readonly env: CollectionEnvironment) {}

    get(options: CollectionOptions): Collection {
        let collection = this.byName.get(options.name);
        if (!collection) {
            collection = new Collection(options, this.env);
            this.byName.set(options.name, collection);
        }
        return collection;
    }
}
