import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { SearchIndex } from '../../src/knowledge/SearchIndex';
import { unclearPhrasings } from '../../src/knowledge/unclearPhrasings';

const FIXTURE = join(__dirname, '../fixtures/knowledge');

describe('kb:check notes for editors', () => {
  it("names a phrasing that reads like another entry's, and the entry it also reaches", () => {
    const kb = loadKnowledge(FIXTURE);
    const before = unclearPhrasings(kb, SearchIndex.build(kb));
    const borrowed = kb.entries.en.get('iom-what-is-iom')!.alternates[0]!;
    kb.entries.en.get('iom-member-states')!.alternates.push(borrowed);
    const after = unclearPhrasings(kb, SearchIndex.build(kb));
    const added = after.filter((note) => !before.includes(note));
    assert.ok(added.some((note) => note.startsWith('en iom-member-states') && note.includes(`"${borrowed}" also reaches iom-what-is-iom`)), added.join('\n'));
  });
});
