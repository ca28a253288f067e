import { describe, expect, it } from 'vitest';

import { classifyMorError, type MorErrorKind } from '../../providers/mor/errors';
import { cliExists, MOR_TEXT, noActions, noFreeNumbers, numbersImported } from './mor-texts';

describe('MOR texts', () => {
  it('are the words the app recognises, kind by kind', () => {
    const expected: Array<[string, MorErrorKind]> = [
      [MOR_TEXT.accessDenied, 'access-denied'],
      [MOR_TEXT.incorrectHash, 'incorrect-hash'],
      [MOR_TEXT.notAuthorized, 'not-authorized'],
      [MOR_TEXT.notAuthorised, 'not-authorized'],
      [MOR_TEXT.campaignNotFound, 'campaign-not-found'],
      [MOR_TEXT.noNumbers, 'campaign-has-no-numbers'],
      [MOR_TEXT.fileEmpty, 'file-empty'],
      [MOR_TEXT.fileMissing, 'file-missing'],
      [MOR_TEXT.fileNotCsv, 'file-not-csv'],
      [MOR_TEXT.cliNotNumeric, 'cli-not-numeric'],
      [cliExists('someone'), 'cli-exists'],
      [MOR_TEXT.cliNumberEmpty, 'cli-number-empty'],
      [MOR_TEXT.ivrNotFound, 'ivr-not-found'],
      [MOR_TEXT.deviceIdEmpty, 'device-id-empty'],
      [MOR_TEXT.deviceNotFound, 'other'],
    ];
    for (const [text, kind] of expected) expect([text, classifyMorError(text)]).toEqual([text, kind]);
  });

  it('spells the wiki sentences out', () => {
    expect(numbersImported(7, 7)).toBe('7 out of 7 numbers were imported');
    expect(noFreeNumbers('X')).toBe('No free numbers for Campaign: X');
    expect(noActions('X')).toBe('No actions for Campaign: X');
    expect(cliExists('user_name')).toBe('CLI already exists. It is assigned to user_name device');
  });
});
