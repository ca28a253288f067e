export const ISALES_SUCCESS = '0200000';

/** Codes the iSales docs list, with their documented meaning (provider-apis.md §2.7). */
export const ISALES_ERROR_CODES: Readonly<Record<string, string>> = {
  '0200001': 'parameter error (see the description)',
  '02000001': 'a parameter is empty',
  '02000002': 'a parameter holds invalid characters',
  '02000003': 'a parameter is too long',
  '02000004': 'a parameter is too short',
  '02000005': 'a parameter length is out of range',
  '02000006': 'a parameter has the wrong type',
  '02000007': 'a parameter value is wrong',
  '02000008': 'a parameter could not be converted',
  '02000009': 'the parameter combination is wrong',
  '02000010': 'hour and minute must be given together',
  '02000011': 'too many parameters',
  '0200002': 'the campaign start is before today',
  '0200005': 'a campaign with this name exists',
  '0200006': 'database error on the iSales server',
  '0200007': 'the campaign does not exist',
  '0200011': 'the campaign state does not allow resuming',
  '0200016': 'the campaign has ended',
  '0200017': 'the skill queue does not exist',
  '0200018': 'duplicate numbers',
  '0200019': 'the campaign state does not allow adding numbers',
  '0200020': 'the campaign would hold more than 200,000 uncompleted numbers',
  '0200022': 'called too often (wait at least 1 second between calls)',
  '0200024': 'a number is on the blocklist',
  '0200029': 'more records than one call may carry',
  '0200030': 'a time value has the wrong format',
};

/** Documented as a rate limit; waiting and sending the same records again is the cure. */
export const ISALES_TOO_FAST = '0200022';

export function describeIsalesCode(code: string): string | undefined {
  return Object.hasOwn(ISALES_ERROR_CODES, code) ? ISALES_ERROR_CODES[code] : undefined;
}
