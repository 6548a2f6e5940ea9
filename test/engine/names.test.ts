// Names met by stem alike: of several entities a reader's words reach, those named as singular or plural as
// the reader's word (vocab.ts namesIn), over the seed pack, whose overlay calls Dan Coats "intelligence chief"
// and the leaders "intelligence chiefs", and knows "intel" for "intelligence".
import { describe, expect, it } from 'vitest';
import { createGeneralEngine } from '../../src/engine/general.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const engine = createGeneralEngine(loadKnowledge(), { cache: false });

describe('a name reached by a synonym is the one as singular or plural as the reader\'s word', () => {
  it.each([
    ['who is the intel chief?', 'coats'],
    ['who are the intel chiefs?', 'intel-leaders'],
  ])('%s → %s', (question, id) => {
    const read = engine.read(question);
    expect(read.kind === 'who-is' ? read.entity : 'names' in read ? read.names[0] : null).toBe(id);
  });
});
