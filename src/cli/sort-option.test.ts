import { describe, expect, it } from 'vitest';
import { RosterError } from '../lib/errors.js';
import { appSortFields } from '../modules/apps/apps.repo.js';
import { sortOption } from './sort-option.js';

describe('--sort', () => {
  it('takes every field the list sorts by, either way, and nothing when left out', () => {
    for (const field of appSortFields) {
      expect(sortOption(field, appSortFields)).toBe(field);
      expect(sortOption(`-${field}`, appSortFields)).toBe(`-${field}`);
    }
    expect(sortOption(undefined, appSortFields)).toBeUndefined();
  });

  it('refuses an unknown field, naming the option and what it accepts', () => {
    let error: unknown;
    try {
      sortOption('--users', appSortFields);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).details).toEqual([
      { field: '--sort', message: expect.stringContaining('-users') },
    ]);
  });
});
