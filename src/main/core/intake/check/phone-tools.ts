import { type CountryCode, ParseError, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/max';

import type { NumberType } from '../../../../shared/intake-options';
import type { CheckOptions } from '../../../../shared/sheet-schemas';
import type { NormalisedPhone, PhoneTools } from './row-checker';

const SEPARATORS = /[,;\n\r|/]+/;
const MIN_DIGITS = 3;
const MAX_DIGITS = 24;

function splitCell(cell: string): string[] {
  return cell
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const countryName = (country: string): string => new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;

function lengthProblem(raw: string, country: CountryCode): NormalisedPhone | null {
  const problem = validatePhoneNumberLength(raw, country);
  if (problem === 'TOO_SHORT') return { ok: false, reason: 'too-short', message: `Too short for a phone number: “${raw}”.` };
  if (problem === 'TOO_LONG') return { ok: false, reason: 'too-long', message: `Too long for a phone number: “${raw}”.` };
  return null;
}

function e164(raw: string, country: CountryCode): NormalisedPhone {
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(raw, country);
  } catch (error) {
    const code = error instanceof ParseError ? error.message : '';
    if (code === 'INVALID_COUNTRY') return { ok: false, reason: 'invalid-country-code', message: `No country uses the code in “${raw}”.` };
    if (code === 'TOO_SHORT') return { ok: false, reason: 'too-short', message: `Too short for a phone number: “${raw}”.` };
    if (code === 'TOO_LONG') return { ok: false, reason: 'too-long', message: `Too long for a phone number: “${raw}”.` };
    return { ok: false, reason: 'not-a-number', message: `Not a phone number: “${raw}”.` };
  }
  if (!parsed.isValid()) {
    return (
      lengthProblem(raw, country) ?? {
        ok: false,
        reason: 'invalid-for-country',
        message: `Not a valid ${countryName(parsed.country ?? country)} number: “${raw}”.`,
      }
    );
  }
  return {
    ok: true,
    e164: parsed.number,
    digits: parsed.number.slice(1),
    ...(parsed.country ? { country: parsed.country } : {}),
    ...(parsed.getType() ? { type: parsed.getType() as NumberType } : {}),
  };
}

function asGiven(raw: string): NormalisedPhone {
  if (/[^\d\s+().-]/.test(raw)) return { ok: false, reason: 'not-a-number', message: `Not a phone number: “${raw}”.` };
  const digits = raw.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS) return { ok: false, reason: 'too-short', message: `Too short for a phone number: “${raw}”.` };
  if (digits.length > MAX_DIGITS) return { ok: false, reason: 'too-long', message: `Too long for a phone number: “${raw}”.` };
  return { ok: true, e164: `+${digits}`, digits };
}

const cache = new Map<string, PhoneTools>();

/** The phone tools for a country and mode, made once and shared. */
export function phoneToolsFor(options: CheckOptions): PhoneTools {
  const key = `${options.country}:${options.mode}`;
  let tools = cache.get(key);
  if (!tools) {
    const country = options.country as CountryCode;
    tools = { split: splitCell, normalise: options.mode === 'digits' ? asGiven : (raw) => e164(raw, country) };
    cache.set(key, tools);
  }
  return tools;
}
