import type { SimAnswer } from '../http/sim-http';
import { integerField, type IsalesCall, type IsalesContext } from './isales-context';
import { ISALES_CODE, isalesFail, isalesOk, isalesParameterFail } from './isales-reply';
import { isalesCampaignKey, type IsalesImportTask } from './isales-state';

/** Documented: limit 1-100. */
export const MAX_QUERY_LIMIT = 100;

// The documented time form: 2022-03-11T07:27:09.000+00:00.
function isalesTime(time: Date | undefined): string | null {
  return time === undefined ? null : time.toISOString().replace('Z', '+00:00');
}

/** One DataImportTask as documented; that the counts are JSON numbers is a guess. */
export function importTaskJson(task: IsalesImportTask): Record<string, unknown> {
  return {
    id: task.id,
    beginTime: isalesTime(task.beginTime),
    endTime: isalesTime(task.endTime),
    status: task.status,
    succNum: task.succNum,
    repeatNum: task.repeatNum,
    failNum: task.failNum,
    blackNum: task.blackNum,
    errMsg: task.errMsg,
  };
}

function taskIdsFilter(value: unknown): ReadonlySet<string> | undefined | 'wrong-type' {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) return 'wrong-type';
  return new Set(value);
}

/** calldatafile/queryDataImportTask: the campaign's tasks, newest first, one page of them. */
export function queryDataImportTask(context: IsalesContext, call: IsalesCall): SimAnswer {
  const limit = integerField(call.body, 'limit');
  const offset = integerField(call.body, 'offset');
  if (limit.kind === 'absent') return isalesParameterFail(ISALES_CODE.empty, 'limit is empty.');
  if (limit.kind === 'wrong-type' || offset.kind === 'wrong-type') return isalesParameterFail(ISALES_CODE.wrongType, 'offset and limit must be whole numbers.');
  if (limit.value < 1 || limit.value > MAX_QUERY_LIMIT) return isalesParameterFail(ISALES_CODE.wrongValue, `limit must be 1-${MAX_QUERY_LIMIT}.`);
  const ids = taskIdsFilter(call.body.importTaskIds);
  if (ids === 'wrong-type') return isalesParameterFail(ISALES_CODE.wrongType, 'importTaskIds must be a list of strings.');
  if (!context.state.isales.campaigns.has(isalesCampaignKey(call.vdnId, call.campaignId))) return isalesFail(ISALES_CODE.campaignMissing);
  const tasks = [...context.state.isales.importTasks.values()]
    .filter((task) => task.vdnId === call.vdnId && task.campaignId === call.campaignId && (ids === undefined || ids.has(task.id)))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  const start = offset.kind === 'ok' ? offset.value : 0;
  return isalesOk('success', { count: tasks.length, result: tasks.slice(start, start + limit.value).map(importTaskJson) });
}
