import { describe, expect, it } from 'vitest';
import { RosterError } from '../../../lib/errors.js';
import { compileRule, compileRules, type RuleDefinition } from './rules.js';

const line = (vendor: string, description = '') => ({ vendor, description });
const rule = (over: Partial<RuleDefinition>): RuleDefinition => ({
  id: 1,
  action: 'match',
  appId: 1,
  field: 'vendor',
  op: 'contains',
  value: 'x',
  priority: 10,
  ...over,
});

describe('expense rules', () => {
  it('contains and equals ignore case and runs of spaces; equals is the whole field', () => {
    const contains = compileRule({ field: 'vendor', op: 'contains', value: 'amzn  mktp' });
    expect(contains(line('AMZN MKTP US*2K4HG7L21'))).toBe(true);
    expect(contains(line('AMAZON WEB SERVICES'))).toBe(false);
    const equals = compileRule({ field: 'description', op: 'equals', value: 'annual plan' });
    expect(equals(line('ANY', '  Annual   Plan '))).toBe(true);
    expect(equals(line('ANY', 'Annual plan renewal'))).toBe(false);
  });

  it('runs regular expressions anywhere in the field, ignoring case, and refuses what RE2 cannot bound', () => {
    const regex = compileRule({ field: 'vendor', op: 'regex', value: '^(snowflake|dwh)\\b' });
    expect(regex(line('Snowflake Computing'))).toBe(true);
    expect(regex(line('MY SNOWFLAKE'))).toBe(false);
    for (const value of ['(a+)+\\1', '(?=x)y', '[z-a]']) {
      const error = (() => {
        try {
          compileRule({ field: 'vendor', op: 'regex', value });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(RosterError);
      expect((error as RosterError).details[0]?.field).toBe('value');
    }
  });

  it('takes the first rule by priority, then the older rule at equal priority', () => {
    const rules = compileRules([
      rule({ id: 3, priority: 5, value: 'slack', appId: 30 }),
      rule({ id: 2, priority: 1, value: 'slack t', appId: 20 }),
      rule({ id: 1, priority: 5, value: 'slack', appId: 10 }),
    ]);
    expect(rules.first(line('SLACK T0123'))?.id).toBe(2);
    expect(rules.first(line('SLACK TECHNOLOGIES'))?.id).toBe(2);
    expect(rules.first(line('SLACK'))?.id).toBe(1);
    expect(rules.first(line('ZOOM'))).toBeNull();
  });
});
