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
