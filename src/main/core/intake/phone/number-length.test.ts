import { describe, expect, it } from 'vitest';

import { checkNumberLength } from './number-length';

describe('checkNumberLength', () => {
  it('answers like libphonenumber-js for sorted possible lengths', () => {
    expect(checkNumberLength('93123456', [9, 10])).toBe('TOO_SHORT');
    expect(checkNumberLength('931234567', [9, 10])).toBe('IS_POSSIBLE');
    expect(checkNumberLength('9312345678', [9, 10])).toBe('IS_POSSIBLE');
    expect(checkNumberLength('93123456789', [9, 10])).toBe('TOO_LONG');
  });

  it('tells a gap between possible lengths from too short and too long', () => {
    expect(checkNumberLength('912345678901', [10, 14])).toBe('INVALID_LENGTH');
  });

  it('treats missing lengths as possible and an empty list as matching nothing', () => {
    expect(checkNumberLength('12', undefined)).toBe('IS_POSSIBLE');
    expect(checkNumberLength('12', [])).toBe('INVALID_LENGTH');
  });
});
