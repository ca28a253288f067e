import type { CountryCode } from 'libphonenumber-js/core';

import type { CheckOptions } from '../../../../shared/sheet-schemas';
import { isSupportedCountry } from '../../locale-country';
import { UserError } from '../../user-error';
import { createPhoneNormaliser } from '../phone/normalise-phone';
import { splitPhoneCell } from '../phone/split-phone-cell';
import type { PhoneTools } from './row-checker';

const cache = new Map<string, PhoneTools>();

/** The phone tools for a country and mode, compiled once and shared by every sheet that uses them. */
export function phoneToolsFor(options: CheckOptions): PhoneTools {
  const key = `${options.country}:${options.mode}`;
  let tools = cache.get(key);
  if (!tools) {
    // The contract takes any two capital letters; libphonenumber throws on a code it has no plan for.
    if (!isSupportedCountry(options.country)) {
      throw new UserError('bad-input', `Dialsheet has no numbering plan for the country code "${options.country.slice(0, 8)}"; give a two-letter ISO code such as UA or PL.`);
    }
    tools = {
      split: splitPhoneCell,
      normalise: createPhoneNormaliser({ defaultCountry: options.country as CountryCode, mode: options.mode }),
    };
    cache.set(key, tools);
  }
  return tools;
}
