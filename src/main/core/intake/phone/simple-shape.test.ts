import { describe, expect, it } from 'vitest';

import { readSimpleShape } from './simple-shape';

describe('readSimpleShape', () => {
  it('takes digits, a leading plus and the separators " -.()"', () => {
    expect(readSimpleShape('+38 (093) 123-45-67')).toEqual({ international: true, digits: '380931234567' });
    expect(readSimpleShape('093.123.45.67')).toEqual({ international: false, digits: '0931234567' });
    expect(readSimpleShape('(+380) 93 123 45 67')).toEqual({ international: true, digits: '380931234567' });
  });

  it('leaves everything else to the library', () => {
    for (const text of ['093\t1234567', '0+380931234567', '++380931234567', '+380931234567+', '093/1234567', 'tel:0931234567', '093 123 45 67 ext 5', '０９３１２３４５６７']) {
      expect(readSimpleShape(text), text).toBeUndefined();
    }
  });

  it('leaves fewer than three digits and over-long text to the library', () => {
    expect(readSimpleShape('12')).toBeUndefined();
    expect(readSimpleShape('+1 2')).toBeUndefined();
    expect(readSimpleShape('1'.repeat(251))).toBeUndefined();
    expect(readSimpleShape('1'.repeat(250))?.digits).toHaveLength(250);
  });
});
