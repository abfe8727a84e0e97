import type { Storage } from 'botbuilder';

/**
 * State documents as the JSON text the database keeps. Bot state read through this is parsed
 * once and serialised once per turn (botbuilder's `Storage` parses on read and serialises on
 * write, and the state layer serialises again to see what changed).
 */
export interface JsonDocuments {
  /** The stored JSON of each key that exists. */
  readJson(keys: string[]): Promise<Map<string, string>>;
  /** Upserts documents given as JSON; last writer wins (eTag `*`). */
  writeJson(docs: Map<string, string>): Promise<void>;
}

/** The storage's own JSON access, or one built on its `read`/`write` (e.g. botbuilder's `MemoryStorage` in tests). */
export function jsonDocumentsOf(storage: Storage): JsonDocuments {
  const own = storage as Partial<JsonDocuments>;
  if (typeof own.readJson === 'function' && typeof own.writeJson === 'function') return own as JsonDocuments;
  return {
    async readJson(keys) {
      const items = await storage.read(keys);
      const docs = new Map<string, string>();
      for (const [key, item] of Object.entries(items)) {
        const { eTag: _eTag, ...doc } = item as { eTag?: string };
        docs.set(key, JSON.stringify(doc));
      }
      return docs;
    },
    async writeJson(docs) {
      await storage.write(Object.fromEntries([...docs].map(([key, json]) => [key, { ...JSON.parse(json), eTag: '*' }])));
    },
  };
}
