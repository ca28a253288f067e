import { posix } from 'node:path';

import type { SimAnswer } from '../http/sim-http';
import { normalisePath } from '../sftp/memory-fs';
import { integerField, textField, type IsalesCall, type IsalesContext } from './isales-context';
import { createImportTask, nextOccurrence } from './isales-import-task';
import { ISALES_CODE, isalesFail, isalesOk, isalesParameterFail } from './isales-reply';
import { isalesCampaignKey } from './isales-state';

/** The documented success description (seed example), spelling and all. */
export const UPLOAD_ACCEPTED = 'Exporting data... View details in Import Result.';

type Schedule = { readonly ok: true; readonly at?: Date } | { readonly ok: false; readonly answer: SimAnswer };

function schedule(call: IsalesCall, now: Date): Schedule {
  const hour = integerField(call.body, 'hour');
  const minute = integerField(call.body, 'minute');
  if (hour.kind === 'absent' && minute.kind === 'absent') return { ok: true };
  if (hour.kind === 'absent' || minute.kind === 'absent') {
    return { ok: false, answer: isalesParameterFail(ISALES_CODE.hourAndMinute, 'The hour and minute parameters must be set at the same time.') };
  }
  if (hour.kind !== 'ok' || minute.kind !== 'ok' || hour.value > 23 || minute.value > 59) {
    return { ok: false, answer: isalesParameterFail(ISALES_CODE.wrongValue, 'hour must be 0-23 and minute 0-59.') };
  }
  return { ok: true, at: nextOccurrence(now, hour.value, minute.value) };
}

// filePath is "relative to the default path of the file server" (seed Table 6); its example
// starts with "/". Climbing out with ".." is refused (the code for it is a guess).
function filePathUnder(root: string, filePath: string): string | undefined {
  if (filePath.includes('\\') || filePath.split('/').includes('..')) return undefined;
  return normalisePath(`./${filePath}`, root);
}

function requiredText(call: IsalesCall, name: string): { ok: true; value: string } | { ok: false; answer: SimAnswer } {
  const field = textField(call.body, name);
  if (field.kind === 'absent') return { ok: false, answer: isalesParameterFail(ISALES_CODE.empty, `${name} is empty.`) };
  if (field.kind === 'wrong-type') return { ok: false, answer: isalesParameterFail(ISALES_CODE.wrongType, `${name} must be a string.`) };
  return { ok: true, value: field.value };
}

/**
 * calldatafile/uploadFileServer: checks the body, then creates an import task that reads the
 * file from the simulated SFTP server. A missing or malformed file fails the task, not this
 * call: the import is asynchronous, and the docs list no file errors for this call.
 */
export function uploadFileServer(context: IsalesContext, call: IsalesCall): SimAnswer {
  const serverId = requiredText(call, 'serverId');
  if (!serverId.ok) return serverId.answer;
  const fileName = requiredText(call, 'fileName');
  if (!fileName.ok) return fileName.answer;
  if (/[/\\]/.test(fileName.value) || fileName.value === '.' || fileName.value === '..') {
    return isalesParameterFail(ISALES_CODE.invalidCharacters, 'fileName must be a file name, without a path.');
  }
  const filePath = textField(call.body, 'filePath');
  if (filePath.kind === 'wrong-type') return isalesParameterFail(ISALES_CODE.wrongType, 'filePath must be a string.');
  const when = schedule(call, context.now());
  if (!when.ok) return when.answer;
  const server = context.state.isales.fileServers.get(serverId.value);
  // Not documented: the answer for an unknown serverId.
  if (server === undefined || server.vdnId !== call.vdnId) return isalesParameterFail(ISALES_CODE.parameter, 'The file server does not exist.');
  const dir = filePathUnder(server.root, filePath.kind === 'ok' ? filePath.value : '');
  if (dir === undefined) return isalesParameterFail(ISALES_CODE.invalidCharacters, 'filePath must stay inside the file server directory.');
  const campaign = context.state.isales.campaigns.get(isalesCampaignKey(call.vdnId, call.campaignId));
  if (campaign === undefined) return isalesFail(ISALES_CODE.campaignMissing);
  // 0200019 is documented for add-numbers; that file imports check the state too is a guess.
  if (!campaign.acceptsNumbers) return isalesFail(ISALES_CODE.stateForbidsAdding);
  const task = createImportTask(
    { state: context.state, timers: context.timers, stepMs: context.config.importStepMs, now: context.now },
    { vdnId: call.vdnId, campaignId: call.campaignId, file: posix.join(dir, fileName.value), ...(when.at === undefined ? {} : { scheduledFor: when.at }) },
  );
  return isalesOk(UPLOAD_ACCEPTED, { importTaskId: task.id });
}
