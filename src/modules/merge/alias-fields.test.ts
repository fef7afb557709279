import { describe, expect, it } from 'vitest';
import { sourceKinds } from '../../connectors/registry.js';
import { aliasFields } from './alias-fields.js';

describe('alias fields', () => {
  it('name only source kinds Roster has, so every field can be chosen for a connected source', () => {
    const kinds = new Set(sourceKinds.map((k) => k.kind));
    const unknown = aliasFields.flatMap((f) =>
      f.kinds.filter((k) => !kinds.has(k)).map((k) => `${f.field}: ${k}`),
    );
    expect(unknown).toEqual([]);
  });
});
