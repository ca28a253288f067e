import { describe, expect, it } from 'vitest';

import { compilePlan, planFor } from './fast-plan';
import type { MetadataTypeName, PlanFacts, TypeFacts } from './metadata-facts';
import { isValidNationalNumber, numberTypeOf } from './number-type';

function syntheticPlan(types: Partial<Record<MetadataTypeName, TypeFacts>>, hasTypes = true): PlanFacts {
  return {
    callingCode: '999',
    iddPrefix: undefined,
    nationalPrefix: undefined,
    nationalPrefixForParsing: undefined,
    nationalPrefixTransformRule: undefined,
    nationalNumberPattern: '\\d{6,8}',
    possibleLengths: [6, 7, 8],
    leadingDigits: undefined,
    hasTypes,
    types: new Map(Object.entries(types) as [MetadataTypeName, TypeFacts][]),
  };
}

describe('numberTypeOf on real plans', () => {
  it('types Ukrainian, Russian and Italian numbers', () => {
    expect(numberTypeOf('931234567', planFor('UA'))).toBe('MOBILE');
    expect(numberTypeOf('442345678', planFor('UA'))).toBe('FIXED_LINE');
    expect(numberTypeOf('8005553535', planFor('RU'))).toBe('TOLL_FREE');
    expect(numberTypeOf('0612345678', planFor('IT'))).toBe('FIXED_LINE');
  });

  it('says FIXED_LINE_OR_MOBILE where the plan cannot tell them apart (US)', () => {
    expect(numberTypeOf('2015550123', planFor('US'))).toBe('FIXED_LINE_OR_MOBILE');
  });

  it('gives nothing for a number outside the national pattern', () => {
    expect(numberTypeOf('031234567', planFor('UA'))).toBeUndefined();
    expect(isValidNationalNumber('031234567', planFor('UA'))).toBe(false);
  });
});

describe('numberTypeOf mirrors getNumberType() rules', () => {
  it('rejects a type by its possible lengths before trying its pattern', () => {
    const plan = compilePlan('T', syntheticPlan({ MOBILE: { pattern: '5\\d{5,7}', possibleLengths: [8] } }));
    expect(numberTypeOf('5123456', plan)).toBeUndefined();
    expect(numberTypeOf('51234567', plan)).toBe('MOBILE');
  });

  it('reports FIXED_LINE_OR_MOBILE when both match, or when MOBILE is absent', () => {
    const both = compilePlan(
      'T',
      syntheticPlan({
        FIXED_LINE: { pattern: '[45]\\d{5}', possibleLengths: undefined },
        MOBILE: { pattern: '5\\d{5}', possibleLengths: undefined },
      }),
    );
    expect(numberTypeOf('412345', both)).toBe('FIXED_LINE');
    expect(numberTypeOf('512345', both)).toBe('FIXED_LINE_OR_MOBILE');
    const noMobile = compilePlan('T', syntheticPlan({ FIXED_LINE: { pattern: '4\\d{5}', possibleLengths: undefined } }));
    expect(numberTypeOf('412345', noMobile)).toBe('FIXED_LINE_OR_MOBILE');
  });

  it('takes the first matching type in the library order (PREMIUM_RATE before TOLL_FREE)', () => {
    const overlap = compilePlan(
      'T',
      syntheticPlan({
        TOLL_FREE: { pattern: '8\\d{5}', possibleLengths: undefined },
        PREMIUM_RATE: { pattern: '8\\d{5}', possibleLengths: undefined },
      }),
    );
    expect(numberTypeOf('812345', overlap)).toBe('PREMIUM_RATE');
  });

  it('validates a plan without types by its national pattern only, and types nothing', () => {
    const untyped = compilePlan('T', syntheticPlan({}, false));
    expect(isValidNationalNumber('123456', untyped)).toBe(true);
    expect(isValidNationalNumber('12345', untyped)).toBe(false);
    expect(numberTypeOf('123456', untyped)).toBeUndefined();
  });
});
