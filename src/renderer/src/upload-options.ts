import type { z } from 'zod';

import { concurrencySchema, numbersPerFileSchema, requestsPerSecondSchema } from '../../shared/profiles/profile-schemas';
import type { UploadOptions } from '../../shared/upload-schemas';
import type { OptionsDraft, SendTarget } from './hooks/useSendTarget';
import type { UploadChoice } from './hooks/useUpload';

export type NumericOption = 'numbersPerFile' | 'concurrency' | 'requestsPerSecond';

/** What is wrong with the typed options: the bounds to say in the window's language. */
export type OptionErrors = Partial<Record<NumericOption, { readonly min: number; readonly max: number }>> & { readonly at?: true };

export type ChoiceResult = { readonly ok: true; readonly value: UploadChoice } | { readonly ok: false; readonly errors: OptionErrors };

// The same schemas the core checks with, so the window and the core agree on every bound.
const SCHEMAS: Record<NumericOption, z.ZodNumber> = {
  numbersPerFile: numbersPerFileSchema,
  concurrency: concurrencySchema,
  requestsPerSecond: requestsPerSecondSchema,
};

/** A typed number as the option's value, or undefined when it is not one the provider takes. */
function numberOf(field: NumericOption, text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const parsed = SCHEMAS[field].safeParse(Number(trimmed));
  return parsed.success ? parsed.data : undefined;
}

function atOf(text: string): { hour: number; minute: number } | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

function optionsOf(target: SendTarget, draft: OptionsDraft): { options: UploadOptions; errors: OptionErrors } {
  const options: { -readonly [K in keyof UploadOptions]: UploadOptions[K] } = {};
  const errors: { -readonly [K in keyof OptionErrors]: OptionErrors[K] } = {};
  const take = (field: NumericOption): void => {
    const value = numberOf(field, draft[field]);
    if (value === undefined) errors[field] = { min: SCHEMAS[field].minValue ?? 0, max: SCHEMAS[field].maxValue ?? 0 };
    else options[field] = value;
  };
  switch (target.profile?.provider) {
    case 'mor':
      take('numbersPerFile');
      break;
    case 'ringostat':
      take('concurrency');
      take('requestsPerSecond');
      break;
    case 'isales':
      if (target.profile.sftp !== null && draft.schedule === 'at') {
        const at = atOf(draft.at);
        if (at === undefined) errors.at = true;
        else options.at = at;
      }
      break;
    case undefined:
      break;
  }
  return { options, errors };
}

/** The upload's target as the core takes it, or what is wrong with what was typed. */
export function choiceOf(target: SendTarget): ChoiceResult {
  const { options, errors } = optionsOf(target, target.draft);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      profileId: target.profileId,
      ...(target.campaignId === '' ? {} : { campaignId: target.campaignId }),
      ...(Object.keys(options).length === 0 ? {} : { options }),
    },
  };
}
