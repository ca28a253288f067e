import { describe, expect, it } from 'vitest';

import { describeIsalesCode, ISALES_ERROR_CODES, ISALES_SUCCESS } from './error-codes';

describe('describeIsalesCode', () => {
  it('gives the documented meaning, telling 7-digit from 8-digit codes apart', () => {
    expect(describeIsalesCode('0200018')).toBe('duplicate numbers');
    expect(describeIsalesCode('0200001')).toBe('parameter error (see the description)');
    expect(describeIsalesCode('02000001')).toBe('a parameter is empty');
  });

  it('does not read inherited properties or unknown codes as codes', () => {
    expect(describeIsalesCode('toString')).toBeUndefined();
    expect(describeIsalesCode('0209999')).toBeUndefined();
  });

  it('does not list success as an error', () => {
    expect(Object.keys(ISALES_ERROR_CODES)).not.toContain(ISALES_SUCCESS);
  });
});
