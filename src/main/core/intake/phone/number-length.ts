/** checkNumberLength()'s answers ('IS_POSSIBLE_LOCAL_ONLY' is dropped by libphonenumber-js too). */
export type LengthVerdict = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/**
 * libphonenumber-js checkNumberLength() without a type: lengths are sorted, so the first and
 * last decide "too short" and "too long"; missing lengths (pre-1.0.18 metadata) mean possible.
 */
export function checkNumberLength(
  nationalNumber: string,
  possibleLengths: readonly number[] | undefined,
): LengthVerdict {
  if (possibleLengths === undefined) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  const shortest = possibleLengths[0];
  const longest = possibleLengths[possibleLengths.length - 1];
  // An empty list is truthy in the library and matches no length.
  if (shortest === undefined || longest === undefined) return 'INVALID_LENGTH';
  if (shortest === length) return 'IS_POSSIBLE';
  if (shortest > length) return 'TOO_SHORT';
  if (longest < length) return 'TOO_LONG';
  return possibleLengths.includes(length) ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}
