import { buildCallDataRow, type CallDataReason } from '../../providers/isales/calldata-row';
import type { SimAnswer } from '../http/sim-http';
import { textField, type IsalesCall, type IsalesContext } from './isales-context';
import { ISALES_CODE, isalesFail, isalesOk, isalesParameterFail, type IsalesCode } from './isales-reply';
import { isalesCampaignKey, type IsalesCampaign } from './isales-state';

interface NewRecord {
  readonly sessionId: string;
  readonly called: string;
}

// The app's template rules give the reason; the documented code for each is the nearest fit.
const CODE_FOR: Readonly<Record<CallDataReason, IsalesCode>> = {
  required: ISALES_CODE.empty,
  'invalid-characters': ISALES_CODE.invalidCharacters,
  'too-long': ISALES_CODE.tooLong,
  'out-of-range': ISALES_CODE.wrongValue,
  'invalid-format': ISALES_CODE.badTimeFormat,
  'not-json': ISALES_CODE.wrongValue,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Checked = { readonly ok: true; readonly record: NewRecord } | { readonly ok: false; readonly answer: SimAnswer };

/** One entry of callDataList: `called` is a plain number string here, not the file's JSON array. */
function checkRecord(entry: unknown, index: number): Checked {
  if (!isRecord(entry)) return { ok: false, answer: isalesParameterFail(ISALES_CODE.wrongType, `callDataList[${index}] must be an object.`) };
  const fields = ['called', 'sessionId', 'caller', 'callData', 'customField', 'recycleTime'] as const;
  const values: Partial<Record<(typeof fields)[number], string>> = {};
  for (const name of fields) {
    const field = textField(entry, name);
    if (field.kind === 'wrong-type') return { ok: false, answer: isalesParameterFail(ISALES_CODE.wrongType, `callDataList[${index}].${name} must be a string.`) };
    if (field.kind === 'ok') values[name] = field.value;
  }
  const { called = '', ...rest } = values;
  const built = buildCallDataRow({ called: [{ calledNo: called }], ...rest });
  if (!built.ok) {
    const [problem] = built.problems;
    const code = problem === undefined ? ISALES_CODE.parameter : CODE_FOR[problem.reason];
    return { ok: false, answer: isalesParameterFail(code, `callDataList[${index}]: ${problem?.message ?? 'invalid'}`) };
  }
  return { ok: true, record: { sessionId: values.sessionId ?? '', called } };
}

type ListCheck = { readonly ok: true; readonly records: readonly NewRecord[] } | { readonly ok: false; readonly answer: SimAnswer };

function checkList(context: IsalesContext, call: IsalesCall): ListCheck {
  const list = call.body.callDataList;
  if (!Array.isArray(list) || list.length === 0) return { ok: false, answer: isalesParameterFail(ISALES_CODE.empty, 'callDataList is empty.') };
  if (list.length > context.config.maxRecordsPerAdd) return { ok: false, answer: isalesFail(ISALES_CODE.overPerCallMax) };
  const records: NewRecord[] = [];
  for (const [index, entry] of list.entries()) {
    const checked = checkRecord(entry, index);
    if (!checked.ok) return checked;
    records.push(checked.record);
  }
  return { ok: true, records };
}

// Guess: one bad record refuses the whole call, so a call either adds all its numbers or none.
function businessRefusal(context: IsalesContext, campaign: IsalesCampaign, records: readonly NewRecord[]): SimAnswer | undefined {
  if (!campaign.acceptsNumbers) return isalesFail(ISALES_CODE.stateForbidsAdding);
  if (campaign.records.length + records.length > campaign.maxUncompleted) return isalesFail(ISALES_CODE.overUncompletedLimit);
  if (records.some((r) => context.state.isales.blocklist.has(r.called))) return isalesFail(ISALES_CODE.blocklisted);
  const called = records.map((r) => r.called);
  if (new Set(called).size !== called.length || called.some((n) => campaign.numbers.has(n))) return isalesFail(ISALES_CODE.duplicates);
  return undefined;
}

/**
 * calldata/{campaignId} (V1, and V2 on the same path): JSON add-numbers. The 1-second rule is
 * kept per campaign (a guess: the docs do not say per what), and only a call let through
 * starts the next second, so a client hammering too fast is not locked out forever.
 */
export function addCallData(context: IsalesContext, call: IsalesCall): SimAnswer {
  const campaign = context.state.isales.campaigns.get(isalesCampaignKey(call.vdnId, call.campaignId));
  if (campaign === undefined) return isalesFail(ISALES_CODE.campaignMissing);
  const now = context.now().getTime();
  if (campaign.lastAddAt !== undefined && now - campaign.lastAddAt < context.config.minAddIntervalMs) return isalesFail(ISALES_CODE.tooFast);
  campaign.lastAddAt = now;
  const list = checkList(context, call);
  if (!list.ok) return list.answer;
  for (const record of list.records) campaign.received.record(record.called);
  const refusal = businessRefusal(context, campaign, list.records);
  if (refusal !== undefined) return refusal;
  const dataIdList = list.records.map((record) => {
    const dataId = context.state.nextId();
    campaign.records.push({ dataId, sessionId: record.sessionId, called: [record.called], via: 'api' });
    campaign.numbers.add(record.called);
    return { called: record.called, dataId };
  });
  return isalesOk('success', { returnObject: { dataIdList } });
}
