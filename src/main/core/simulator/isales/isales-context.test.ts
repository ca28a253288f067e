import { describe, expect, it } from 'vitest';

import { DEFAULT_ISALES_CONFIG, integerField, textField } from './isales-context';

describe('iSales body fields', () => {
  it('reads text, taking numbers as their text and empty as absent', () => {
    expect(textField({ a: 'x' }, 'a')).toEqual({ kind: 'ok', value: 'x' });
    expect(textField({ a: 7 }, 'a')).toEqual({ kind: 'ok', value: '7' });
    expect(textField({ a: '' }, 'a')).toEqual({ kind: 'absent' });
    expect(textField({ a: null }, 'a')).toEqual({ kind: 'absent' });
    expect(textField({}, 'a')).toEqual({ kind: 'absent' });
    expect(textField({ a: true }, 'a')).toEqual({ kind: 'wrong-type' });
    expect(textField({ a: ['x'] }, 'a')).toEqual({ kind: 'wrong-type' });
  });

  it('reads whole numbers written as numbers or digit strings', () => {
    expect(integerField({ h: '08' }, 'h')).toEqual({ kind: 'ok', value: 8 });
    expect(integerField({ h: 23 }, 'h')).toEqual({ kind: 'ok', value: 23 });
    expect(integerField({ h: '1.5' }, 'h')).toEqual({ kind: 'wrong-type' });
    expect(integerField({ h: -1 }, 'h')).toEqual({ kind: 'wrong-type' });
    expect(integerField({}, 'h')).toEqual({ kind: 'absent' });
  });
});

describe('DEFAULT_ISALES_CONFIG', () => {
  it('keeps the documented limits: 1 s between add calls, 20 records per call', () => {
    expect(DEFAULT_ISALES_CONFIG.minAddIntervalMs).toBe(1000);
    expect(DEFAULT_ISALES_CONFIG.maxRecordsPerAdd).toBe(20);
    expect(DEFAULT_ISALES_CONFIG.signatureEncoding).toBe('hex');
  });
});
