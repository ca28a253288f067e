import type { SimAnswer } from '../http/sim-http';
import { morGate, ownedCampaign } from './mor-auth';
import type { MorParams } from './mor-params';
import type { MorCampaign, MorState } from './mor-state';
import { MOR_TEXT, numbersImported } from './mor-texts';
import { morErrorAnswer, morStatusAnswer } from './mor-xml';

/**
 * The lines of an uploaded CSV that carry something. Not documented: whether MOR counts blank
 * lines in "M" (guess: no) or reads more than the first column (guess: the line is the number).
 */
export function csvLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface ImportCount {
  readonly imported: number;
  readonly offered: number;
}

/**
 * Adds the numbers MOR would take: digits only (the GUI asks for "correct dialing format";
 * that anything else is silently skipped is a guess), and no number twice in a campaign unless
 * it allows duplicates. Every line is recorded as having arrived, taken or not.
 */
export function importNumbers(campaign: MorCampaign, lines: readonly string[]): ImportCount {
  const present = new Set(campaign.numbers);
  let imported = 0;
  for (const line of lines) {
    campaign.received.record(line);
    if (!/^\d+$/.test(line)) continue;
    if (!campaign.allowDuplicates && present.has(line)) continue;
    campaign.numbers.push(line);
    present.add(line);
    imported++;
  }
  return { imported, offered: lines.length };
}

/**
 * autodialer_upload_numbers: hash is id + secret only. Which checks come first (the user, or
 * the file) is not documented; the user and campaign are checked first here.
 */
export function uploadNumbers(state: MorState, params: MorParams): SimAnswer {
  const gate = morGate(state, params, { hashed: [params.get('id')], roles: ['user'], deniedText: MOR_TEXT.notAuthorized });
  if (!gate.ok) return morErrorAnswer(gate.error);
  const campaign = ownedCampaign(state, params.get('id'), gate.user);
  if (campaign === undefined) return morErrorAnswer(MOR_TEXT.campaignNotFound);
  const file = params.file;
  if (file === undefined) return morErrorAnswer(MOR_TEXT.fileMissing);
  // Whether MOR minds ".CSV" is not documented; an extension test that ignores case is a guess.
  if (!/\.csv$/i.test(file.name)) return morErrorAnswer(MOR_TEXT.fileNotCsv);
  if (file.bytes.length === 0) return morErrorAnswer(MOR_TEXT.fileEmpty);
  const lines = csvLines(file.bytes);
  campaign.files.push({ name: file.name, lines: lines.length });
  const count = importNumbers(campaign, lines);
  return morStatusAnswer([['success', numbersImported(count.imported, count.offered)]]);
}
