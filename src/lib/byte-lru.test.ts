import { describe, expect, it } from 'vitest';
import { ByteLru } from './byte-lru.js';

describe('ByteLru', () => {
  it('stays within its byte budget, dropping the least recently used first', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 40, 60_000);
    lru.set('b', 'B', 40, 60_000);
    expect(lru.get('a')).toBe('A'); // a is now the most recently used
    lru.set('c', 'C', 40, 60_000);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(80);
    for (let i = 0; i < 1_000; i++) lru.set(`k${i}`, 'x', 30, 60_000);
    expect(lru.bytes).toBeLessThanOrEqual(100);
    expect(lru.size).toBe(3);
  });

  it('does not keep a value larger than the whole budget, and replaces a key in place', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 60, 60_000);
    lru.set('huge', 'H', 101, 60_000);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    lru.set('a', 'A2', 70, 60_000);
    expect(lru.get('a')).toBe('A2');
    expect(lru.bytes).toBe(70);
  });

  it('drops a value once older than the age it was kept for', () => {
    let now = 1_000;
    const lru = new ByteLru<string>(100, () => now);
    lru.set('a', 'A', 10, 60_000);
    now += 59_999;
    expect(lru.get('a')).toBe('A');
    now += 1;
    expect(lru.get('a')).toBeUndefined();
    expect(lru.bytes).toBe(0);
  });
});
