import type { CountryCode } from 'libphonenumber-js/core';

import {
  countriesForCallingCode,
  readPlanFacts,
  type MetadataTypeName,
  type PlanFacts,
  type TypeFacts,
} from './metadata-facts';

/** A regex + the lengths libphonenumber-js checks before it (isNumberTypeEqualTo). */
export interface TypeRule {
  readonly name: MetadataTypeName;
  readonly pattern: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
}

/** MOBILE: no entry, an empty pattern (= same as FIXED_LINE), or its own rule. */
export type MobileRule = 'absent' | 'same-as-fixed-line' | TypeRule;

export interface CompiledPlan {
  readonly key: string;
  readonly callingCode: string;
  readonly iddPrefix: RegExp | undefined;
  /** national_prefix_for_parsing, anchored as extractNationalNumberFromPossiblyIncompleteNumber() anchors it. */
  readonly nationalPrefixForParsing: RegExp | undefined;
  readonly possibleLengths: readonly number[] | undefined;
  readonly nationalNumber: RegExp;
  readonly leadingDigits: RegExp | undefined;
  readonly hasTypes: boolean;
  readonly fixedLine: TypeRule | undefined;
  readonly mobile: MobileRule;
  /** MOBILE then the rest, in getNumberType()'s NON_FIXED_LINE_PHONE_TYPES order. */
  readonly nonFixedLine: readonly TypeRule[];
}

// getNumberType.js checks these after FIXED_LINE, in this order; the first match names the type.
export const NON_FIXED_LINE_ORDER: readonly MetadataTypeName[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/** matchesEntirely() builds exactly this. */
export function entireMatch(pattern: string): RegExp {
  return new RegExp('^(?:' + pattern + ')$');
}

/** `text.search(pattern) === 0` and `new RegExp('^(?:' + pattern + ')')` accept the same texts. */
export function prefixMatch(pattern: string): RegExp {
  return new RegExp('^(?:' + pattern + ')');
}

// isNumberTypeEqualTo() returns false for a type whose pattern is empty, so none is compiled.
function compileType(name: MetadataTypeName, facts: TypeFacts | undefined): TypeRule | undefined {
  if (facts === undefined || facts.pattern === '') return undefined;
  return { name, pattern: entireMatch(facts.pattern), possibleLengths: facts.possibleLengths };
}

function compileMobile(facts: TypeFacts | undefined): MobileRule {
  if (facts === undefined) return 'absent';
  return compileType('MOBILE', facts) ?? 'same-as-fixed-line';
}

function compileNonFixedLine(facts: PlanFacts): TypeRule[] {
  const rules: TypeRule[] = [];
  for (const name of NON_FIXED_LINE_ORDER) {
    const rule = compileType(name, facts.types.get(name));
    if (rule !== undefined) rules.push(rule);
  }
  return rules;
}

export function compilePlan(key: string, facts: PlanFacts): CompiledPlan {
  return {
    key,
    callingCode: facts.callingCode,
    iddPrefix: facts.iddPrefix === undefined ? undefined : prefixMatch(facts.iddPrefix),
    nationalPrefixForParsing:
      facts.nationalPrefixForParsing === undefined ? undefined : prefixMatch(facts.nationalPrefixForParsing),
    possibleLengths: facts.possibleLengths,
    nationalNumber: entireMatch(facts.nationalNumberPattern),
    leadingDigits: facts.leadingDigits === undefined ? undefined : prefixMatch(facts.leadingDigits),
    hasTypes: facts.hasTypes,
    fixedLine: compileType('FIXED_LINE', facts.types.get('FIXED_LINE')),
    mobile: compileMobile(facts.types.get('MOBILE')),
    nonFixedLine: compileNonFixedLine(facts),
  };
}

// Compiled on first use: a list rarely touches more than a handful of the 245 plans.
const plans = new Map<string, CompiledPlan>();

/** The plan for a country ("KZ") or, for a calling code ("7"), its main country's plan. */
export function planFor(key: string): CompiledPlan {
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = compilePlan(key, readPlanFacts(key));
    plans.set(key, plan);
  }
  return plan;
}

export interface CallingCodeEntry {
  readonly callingCode: string;
  /** Main country first; a plan per country, for getCountryByNationalNumber(). */
  readonly countries: readonly { readonly country: CountryCode; readonly plan: CompiledPlan }[];
  /** selectNumberingPlan(callingCode): the main country's plan. */
  readonly mainPlan: CompiledPlan;
}

const callingCodes = new Map<string, CallingCodeEntry | null>();

function compileCallingCode(callingCode: string): CallingCodeEntry | null {
  const countries = countriesForCallingCode(callingCode);
  const main = countries?.[0];
  if (countries === undefined || main === undefined) return null;
  return {
    callingCode,
    countries: countries.map((country) => ({ country, plan: planFor(country) })),
    mainPlan: planFor(main),
  };
}

/** Geographic calling codes only; non-geographic ones ("800") and unknown ones give undefined. */
export function callingCodeEntry(callingCode: string): CallingCodeEntry | undefined {
  let entry = callingCodes.get(callingCode);
  if (entry === undefined) {
    entry = compileCallingCode(callingCode);
    callingCodes.set(callingCode, entry);
  }
  return entry ?? undefined;
}
