import { readFileSync } from 'node:fs';
import { type Document, isMap, isNode, LineCounter, parseDocument } from 'yaml';
import type { ZodIssue, ZodType, ZodTypeDef } from 'zod';

/** A knowledge file that cannot be used: the message is `file:line: reason`. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'KnowledgeError';
  }
}

/** A parsed YAML file that can say on which line any value sits. */
export class YamlFile {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Reads and parses a file; YAML syntax errors become a `KnowledgeError` with their line. */
  static read(file: string): YamlFile {
    const lines = new LineCounter();
    const text = readFileSync(file, 'utf8');
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    const [error] = doc.errors;
    if (error) {
      const reason = error.message.split('\n')[0] ?? error.code;
      // An error found at the end of the file (an unclosed quote) belongs to its last written line.
      const offset = Math.min(error.pos[0], text.trimEnd().length);
      throw new KnowledgeError(file, lines.linePos(offset).line, `invalid YAML: ${reason}`);
    }
    return new YamlFile(file, doc, lines);
  }

  /** Validates the whole document; the first schema issue becomes a `KnowledgeError` on its line. */
  parse<T>(schema: ZodType<T, ZodTypeDef, unknown>): T {
    const result = schema.safeParse(this.doc.toJS());
    if (result.success) return result.data;
    const issue = result.error.issues[0] as ZodIssue;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    throw this.error(key === undefined ? issue.path : [...issue.path, key], describe(issue));
  }

  /** The 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: ReadonlyArray<string | number>): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const at = path.slice(0, depth);
      const parent = depth > 0 ? this.doc.getIn(at.slice(0, -1), true) : undefined;
      // For a map key, point at the key itself (an unknown or misplaced key is what is wrong).
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === at[depth - 1]);
        const node = pair && isNode(pair.key) ? pair.key : undefined;
        if (node?.range) return this.lines.linePos(node.range[0]).line;
        continue;
      }
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(at, true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return 1;
  }

  /** A `KnowledgeError` located at `path`. */
  error(path: ReadonlyArray<string | number>, reason: string): KnowledgeError {
    return new KnowledgeError(this.file, this.lineOf(path), reason);
  }
}

function describe(issue: ZodIssue): string {
  const where = issue.path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
  const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
  const reason =
    issue.code === 'unrecognized_keys'
      ? `unknown field "${issue.keys.join('", "')}"`
      : missing && issue.message === 'Required'
        ? 'is missing'
        : issue.message;
  return where ? `${where}: ${reason}` : reason;
}
