import type { CountryCode } from 'libphonenumber-js/core';

import type { CheckOptions } from '../../../../shared/sheet-schemas';
import { createPhoneNormaliser } from '../phone/normalise-phone';
import { splitPhoneCell } from '../phone/split-phone-cell';
import type { PhoneTools } from './row-checker';

const cache = new Map<string, PhoneTools>();

/** The phone tools for a country and mode, compiled once and shared by every sheet that uses them. */
export function phoneToolsFor(options: CheckOptions): PhoneTools {
  const key = `${options.country}:${options.mode}`;
  let tools = cache.get(key);
  if (!tools) {
    tools = {
      split: splitPhoneCell,
      normalise: createPhoneNormaliser({ defaultCountry: options.country as CountryCode, mode: options.mode }),
    };
    cache.set(key, tools);
  }
  return tools;
}
