/** MOR's documented `<error>` and message texts, spelled exactly as the wiki pages spell them. */
export const MOR_TEXT = {
  accessDenied: 'Access Denied',
  incorrectHash: 'Incorrect hash',
  notAuthorized: 'You are not authorized to use this functionality',
  // The cli_add page spells it the British way; the autodialer pages do not.
  notAuthorised: 'You are not authorised to use this functionality',
  campaignNotFound: 'Campaign was not found',
  noNumbers: 'Campaign does not have any Numbers',
  noCallsInPeriod: 'Campaign does not have any Calls in selected time period',
  dateFromAfterTill: 'Date from is greater than date till',
  fileEmpty: 'File is empty',
  fileMissing: 'Please provide a file',
  fileNotCsv: 'Please provide CSV file',
  campaignStarted: 'Campaign started',
  campaignStopped: 'Campaign stopped',
  cliNotNumeric: 'CLI must be numeric',
  cliNumberEmpty: 'CLI Number cannot be empty',
  ivrNotFound: 'IVR was not found',
  deviceIdEmpty: 'Device ID cannot be empty',
  cliCreated: 'CLI successfully created',
  // Not documented: what MOR says for a device id that does not exist. A guess.
  deviceNotFound: 'Device was not found',
} as const;

export const noFreeNumbers = (campaign: string): string => `No free numbers for Campaign: ${campaign}`;
export const noActions = (campaign: string): string => `No actions for Campaign: ${campaign}`;
export const cliExists = (owner: string): string => `CLI already exists. It is assigned to ${owner} device`;
export const numbersImported = (imported: number, offered: number): string => `${imported} out of ${offered} numbers were imported`;
