import { createHash, timingSafeEqual } from 'node:crypto';

import { headerText, jsonAnswer, type SimAnswer, type SimHandler, type SimRequest } from '../http/sim-http';
import type { RingostatCampaign, RingostatProject, RingostatState } from './ringostat-state';

/**
 * POST /power-dialer/campaigns/campaign-rows. Documented: the x-project-id and Auth-key
 * headers, the {campaignId, fio?, phone_number} body, one number per request, and
 * {"result": true} on success. Everything about failures is a GUESS, as in provider-apis.md
 * §3.3: the status codes (401 unknown key, 403 key of another project, 404 unknown campaign,
 * 400 bad body) and the {"result": false, "message"} body shape.
 */
export const CAMPAIGN_ROWS_PATH = '/power-dialer/campaigns/campaign-rows';

const refuse = (status: number, message: string): SimAnswer => jsonAnswer(status, { result: false, message });

function sameKey(a: string, b: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

type Authorised = { readonly ok: true; readonly project: RingostatProject } | { readonly ok: false; readonly answer: SimAnswer };

function authorise(state: RingostatState, request: SimRequest): Authorised {
  const key = headerText(request.headers, 'auth-key') ?? '';
  const owner = [...state.projects.values()].find((project) => sameKey(key, project.authKey));
  if (key === '' || owner === undefined) return { ok: false, answer: refuse(401, 'Unauthorized') };
  const projectId = headerText(request.headers, 'x-project-id') ?? '';
  if (projectId !== owner.projectId) return { ok: false, answer: refuse(403, 'Forbidden') };
  return { ok: true, project: owner };
}

interface RowInput {
  readonly campaignId: number;
  readonly phoneNumber: string;
  readonly fio?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

// The docs' example sends campaignId as a number; a digit string is accepted too (a guess).
function campaignIdOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

// International format; the prose writes a "+", the example does not, so both pass.
const PHONE = /^\+?\d{7,15}$/;

function parseRow(body: Buffer): RowInput | string {
  const json = parseJson(body);
  if (!isRecord(json)) return 'The body must be a JSON object.';
  const campaignId = campaignIdOf(json.campaignId);
  if (campaignId === undefined) return 'campaignId is required.';
  const phone = json.phone_number;
  if (typeof phone !== 'string' || !PHONE.test(phone)) return 'phone_number must be a phone number in international format.';
  if (json.fio !== undefined && typeof json.fio !== 'string') return 'fio must be a string.';
  return { campaignId, phoneNumber: phone, ...(typeof json.fio === 'string' ? { fio: json.fio } : {}) };
}

function addRow(campaign: RingostatCampaign, row: RowInput, at: Date): void {
  campaign.rows.push({ phoneNumber: row.phoneNumber, ...(row.fio === undefined ? {} : { fio: row.fio }), at });
  campaign.received.record(row.phoneNumber);
}

export function createRingostatHandler(state: RingostatState, now: () => Date): SimHandler {
  return async (request) => {
    if (request.routePath !== CAMPAIGN_ROWS_PATH) return refuse(404, 'Not Found');
    if (request.method !== 'POST') return refuse(405, 'Method Not Allowed');
    const auth = authorise(state, request);
    if (!auth.ok) return auth.answer;
    const row = parseRow(request.body);
    if (typeof row === 'string') return refuse(400, row);
    const campaign = auth.project.campaigns.get(row.campaignId);
    if (campaign === undefined) return refuse(404, 'Campaign not found');
    addRow(campaign, row, now());
    return jsonAnswer(200, { result: true });
  };
}
