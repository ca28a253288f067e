import { Metadata, type CountryCode } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';

/** The per-type patterns libphonenumber-js/max keeps; the names are its own. */
export type MetadataTypeName =
  | 'FIXED_LINE'
  | 'MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'PERSONAL_NUMBER'
  | 'VOICEMAIL'
  | 'UAN'
  | 'PAGER'
  | 'VOIP'
  | 'SHARED_COST';

const TYPE_NAMES: readonly MetadataTypeName[] = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'PERSONAL_NUMBER',
  'VOICEMAIL',
  'UAN',
  'PAGER',
  'VOIP',
  'SHARED_COST',
];

export interface TypeFacts {
  /** '' is meaningful: for MOBILE it says "same pattern as FIXED_LINE", so it is kept as is. */
  readonly pattern: string;
  readonly possibleLengths: readonly number[] | undefined;
}

/** One numbering plan exactly as libphonenumber-js reads it, with its "absent" zeros made undefined. */
export interface PlanFacts {
  readonly callingCode: string;
  readonly iddPrefix: string | undefined;
  readonly nationalPrefix: string | undefined;
  /** Already defaulted to the national prefix, as NumberingPlan.nationalPrefixForParsing() does. */
  readonly nationalPrefixForParsing: string | undefined;
  readonly nationalPrefixTransformRule: string | undefined;
  readonly nationalNumberPattern: string;
  readonly possibleLengths: readonly number[] | undefined;
  readonly leadingDigits: string | undefined;
  readonly hasTypes: boolean;
  readonly types: ReadonlyMap<MetadataTypeName, TypeFacts>;
}

// The public typings of Metadata/NumberingPlan list only a few methods; the runtime class has
// these too, and they are the very ones libphonenumber-js's own parser calls.
interface RuntimeMetadata {
  selectNumberingPlan(countryOrCallingCode: string): unknown;
  numberingPlan?: unknown;
}

interface RuntimeNumberingPlan {
  callingCode(): unknown;
  IDDPrefix(): unknown;
  nationalPrefix(): unknown;
  nationalPrefixForParsing(): unknown;
  nationalPrefixTransformRule(): unknown;
  nationalNumberPattern(): unknown;
  possibleLengths(): unknown;
  leadingDigits(): unknown;
  hasTypes(): unknown;
  type(name: MetadataTypeName): unknown;
}

interface RuntimeType {
  pattern(): unknown;
  possibleLengths(): unknown;
}

const PLAN_METHODS = [
  'callingCode',
  'IDDPrefix',
  'nationalPrefix',
  'nationalPrefixForParsing',
  'nationalPrefixTransformRule',
  'nationalNumberPattern',
  'possibleLengths',
  'leadingDigits',
  'hasTypes',
  'type',
] as const;

function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((name) => typeof Reflect.get(value, name) === 'function');
}

function isRuntimeMetadata(value: unknown): value is RuntimeMetadata {
  return hasMethods(value, ['selectNumberingPlan']);
}

function isRuntimePlan(value: unknown): value is RuntimeNumberingPlan {
  return hasMethods(value, PLAN_METHODS);
}

function isRuntimeType(value: unknown): value is RuntimeType {
  return hasMethods(value, ['pattern', 'possibleLengths']);
}

/** A library upgrade that renames these internals must stop the app loudly, not skew results. */
function internalsChanged(what: string): Error {
  return new Error(`libphonenumber-js internals changed (${what}); the phone fast path must be re-checked`);
}

// Compressed metadata writes 0 for "not present".
function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function requiredText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw internalsChanged(what);
  return value;
}

function optionalLengths(value: unknown): readonly number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((length): length is number => typeof length === 'number');
}

function readTypes(plan: RuntimeNumberingPlan): Map<MetadataTypeName, TypeFacts> {
  const types = new Map<MetadataTypeName, TypeFacts>();
  for (const name of TYPE_NAMES) {
    const type = plan.type(name);
    if (type === undefined) continue;
    if (!isRuntimeType(type)) throw internalsChanged(`type ${name}`);
    types.set(name, {
      pattern: requiredText(type.pattern(), `${name} pattern`),
      possibleLengths: optionalLengths(type.possibleLengths()),
    });
  }
  return types;
}

function readPlan(plan: RuntimeNumberingPlan): PlanFacts {
  return {
    callingCode: requiredText(plan.callingCode(), 'calling code'),
    iddPrefix: optionalText(plan.IDDPrefix()),
    nationalPrefix: optionalText(plan.nationalPrefix()),
    nationalPrefixForParsing: optionalText(plan.nationalPrefixForParsing()),
    nationalPrefixTransformRule: optionalText(plan.nationalPrefixTransformRule()),
    nationalNumberPattern: requiredText(plan.nationalNumberPattern(), 'national number pattern'),
    possibleLengths: optionalLengths(plan.possibleLengths()),
    leadingDigits: optionalText(plan.leadingDigits()),
    hasTypes: plan.hasTypes() === true,
    types: readTypes(plan),
  };
}

/**
 * Reads a numbering plan through libphonenumber-js's own Metadata class, so that defaults
 * (national prefix for parsing falling back to the national prefix, type lengths falling back
 * to the plan's) are the library's and not a re-implementation of its compressed layout.
 * `key` is a country ("UA") or a calling code ("800"), as selectNumberingPlan() accepts.
 */
export function readPlanFacts(key: string): PlanFacts {
  const metadata: unknown = new Metadata(metadataJson);
  if (!isRuntimeMetadata(metadata)) throw internalsChanged('Metadata');
  metadata.selectNumberingPlan(key);
  const plan = metadata.numberingPlan;
  if (!isRuntimePlan(plan)) throw internalsChanged('NumberingPlan');
  return readPlan(plan);
}

/**
 * The countries sharing a calling code, main country first, as
 * Metadata.getCountryCodesForCallingCode() returns them: non-geographic codes ("800": ["001"])
 * have none.
 */
export function countriesForCallingCode(callingCode: string): readonly CountryCode[] | undefined {
  const countries = Object.hasOwn(metadataJson.country_calling_codes, callingCode)
    ? metadataJson.country_calling_codes[callingCode]
    : undefined;
  if (countries === undefined) return undefined;
  if (countries.length === 1 && countries[0]?.length === 3) return undefined;
  return countries;
}

/** Metadata.isNonGeographicCallingCode() for the current metadata layout ("800", "882", ...). */
export function isNonGeographicCallingCode(callingCode: string): boolean {
  return Object.hasOwn(metadataJson.nonGeographic, callingCode);
}

export function isKnownCountry(country: string): country is CountryCode {
  return Object.hasOwn(metadataJson.countries, country);
}
