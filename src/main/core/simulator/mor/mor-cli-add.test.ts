import { describe, expect, it } from 'vitest';

import { decodeMorAnswer, parseCliAddResult } from '../../providers/mor/answer';
import type { MorErrorKind } from '../../providers/mor/errors';
import { cliAddHash, type CliAddParams } from '../../providers/mor/hash';
import { TAKEN_MOR_CLI } from '../demo-seed';
import { morCall, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';

const sim = useSimulator();

function fieldsOf(params: Partial<CliAddParams>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (params.deviceId !== undefined) fields.device_id = String(params.deviceId);
  if (params.cliNumber !== undefined) fields.cli_number = params.cliNumber;
  if (params.cliDescription !== undefined) fields.cli_description = params.cliDescription;
  if (params.comment !== undefined) fields.comment = params.comment;
  if (params.banned !== undefined) fields.banned = params.banned ? '1' : '0';
  if (params.ivrId !== undefined) fields.ivr_id = String(params.ivrId);
  return fields;
}

function addCli(params: Partial<CliAddParams>, overrides: { u?: string; secret?: string; extra?: Record<string, string> } = {}): Promise<ReadAnswer> {
  const { username, apiSecret } = sim().credentials.mor;
  // An absent device_id is sent empty, so "Device ID cannot be empty" is what MOR has to say.
  const full = { deviceId: '', ...params };
  const hash = cliAddHash(full, overrides.secret ?? apiSecret);
  return morCall(sim(), 'cli_add', { u: overrides.u ?? username, ...fieldsOf(full), ...overrides.extra, hash });
}

function kind(answer: ReadAnswer): MorErrorKind | undefined {
  const decoded = decodeMorAnswer(answer.bytes);
  return decoded.ok ? undefined : decoded.error.kind;
}

describe('cli_add over HTTP', () => {
  it('creates a CLI and answers gzipped, without a Content-Encoding header', async () => {
    const answer = await addCli({ deviceId: 1, cliNumber: '37060000099', cliDescription: 'desk', comment: 'c', banned: true, ivrId: 1 });
    expect(answer.headers.get('content-encoding')).toBeNull();
    expect([answer.bytes[0], answer.bytes[1]]).toEqual([0x1f, 0x8b]);
    const parsed = parseCliAddResult(answer.bytes);
    expect(parsed.ok && parsed.value.text).toBe('CLI successfully created');
    expect(sim().state.mor.devices.get(1)?.clis).toEqual([{ number: '37060000099', description: 'desk', comment: 'c', banned: true, ivrId: 1 }]);
  });

  it('takes a cli_domain instead of a number; it is not hashed', async () => {
    const answer = await addCli({ deviceId: 1 }, { extra: { cli_domain: 'sip.example.com' } });
    expect(answer.text).toContain('CLI successfully created');
    expect(sim().state.mor.devices.get(1)?.clis[0]?.domain).toBe('sip.example.com');
  });

  it('lets the admin add to any device', async () => {
    const answer = await addCli({ deviceId: 2, cliNumber: '37060000100' }, { u: 'admin' });
    expect(answer.text).toContain('CLI successfully created');
  });

  it('answers every documented error, gzipped too', async () => {
    const cases: Array<[Promise<ReadAnswer>, string, MorErrorKind]> = [
      [addCli({ deviceId: 1, cliNumber: '12ab' }), 'CLI must be numeric', 'cli-not-numeric'],
      [addCli({ deviceId: 1, cliNumber: TAKEN_MOR_CLI }), 'CLI already exists. It is assigned to other device', 'cli-exists'],
      [addCli({ deviceId: 1 }), 'CLI Number cannot be empty', 'cli-number-empty'],
      [addCli({ deviceId: 1, cliNumber: '123', ivrId: 99 }), 'IVR was not found', 'ivr-not-found'],
      [addCli({ cliNumber: '123' }), 'Device ID cannot be empty', 'device-id-empty'],
      [addCli({ deviceId: 1, cliNumber: '123' }, { u: 'ghost' }), 'Access Denied', 'access-denied'],
      [addCli({ deviceId: 1, cliNumber: '123' }, { u: 'accountant' }), 'You are not authorised to use this functionality', 'not-authorized'],
      [addCli({ deviceId: 2, cliNumber: '123' }), 'You are not authorised to use this functionality', 'not-authorized'],
      [addCli({ deviceId: 1, cliNumber: '123' }, { secret: 'nope' }), 'Incorrect hash', 'incorrect-hash'],
    ];
    for (const [pending, text, expected] of cases) {
      const answer = await pending;
      expect(answer.status).toBe(200);
      expect([answer.bytes[0], answer.bytes[1]]).toEqual([0x1f, 0x8b]);
      expect(answer.text).toContain(`<error>${text}</error>`);
      expect(kind(answer)).toBe(expected);
    }
    expect(sim().state.mor.devices.get(1)?.clis).toEqual([]);
  });

  it('says so for a device that does not exist (the text is a guess)', async () => {
    expect((await addCli({ deviceId: 77, cliNumber: '123' })).text).toContain('<error>Device was not found</error>');
  });
});
