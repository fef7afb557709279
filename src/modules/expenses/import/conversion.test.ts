import { describe, expect, it } from 'vitest';
import { convert } from './conversion.js';

describe('convert', () => {
  it('rounds the exact product to four decimals, halves away from zero, as numeric does', () => {
    expect(convert('1', '1.273450000000')).toBe('1.2735');
    expect(convert('-1', '1.273450000000')).toBe('-1.2735');
    expect(convert('1', '1.273449999999')).toBe('1.2734');
    expect(convert('12345678901234.5678', '1.000000000001')).toBe('12345678901246.9135');
    expect(convert('0.0001', '0.400000000000')).toBe('0.0000');
    expect(convert('-0.0001', '0.400000000000')).toBe('0.0000');
    expect(convert('25.5', '2')).toBe('51.0000');
  });
});
