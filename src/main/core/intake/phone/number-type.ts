import type { PhoneNumberType } from 'libphonenumber-js/core';

import type { CompiledPlan, TypeRule } from './fast-plan';

// isNumberTypeEqualTo(): a length the type cannot have is rejected before its regex runs.
function isOfType(nationalNumber: string, rule: TypeRule): boolean {
  const lengths = rule.possibleLengths;
  if (lengths !== undefined && !lengths.includes(nationalNumber.length)) return false;
  return rule.pattern.test(nationalNumber);
}

function fixedLineKind(nationalNumber: string, plan: CompiledPlan): PhoneNumberType {
  const mobile = plan.mobile;
  if (mobile === 'absent' || mobile === 'same-as-fixed-line') return 'FIXED_LINE_OR_MOBILE';
  return isOfType(nationalNumber, mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
}

/** libphonenumber-js getNumberType() on a compiled plan: same checks, same order. */
export function numberTypeOf(nationalNumber: string, plan: CompiledPlan): PhoneNumberType | undefined {
  if (!plan.nationalNumber.test(nationalNumber)) return undefined;
  if (plan.fixedLine !== undefined && isOfType(nationalNumber, plan.fixedLine)) {
    return fixedLineKind(nationalNumber, plan);
  }
  for (const rule of plan.nonFixedLine) {
    if (isOfType(nationalNumber, rule)) return rule.name;
  }
  return undefined;
}

/** isValidNumber(): plans without type patterns fall back to the general pattern. */
export function isValidNationalNumber(nationalNumber: string, plan: CompiledPlan): boolean {
  if (plan.hasTypes) return numberTypeOf(nationalNumber, plan) !== undefined;
  return plan.nationalNumber.test(nationalNumber);
}
