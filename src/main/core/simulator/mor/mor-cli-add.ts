import { gzipSync } from 'node:zlib';

import { CLI_ADD_HASHED_ORDER } from '../../providers/mor/hash';
import type { SimAnswer } from '../http/sim-http';
import { morGate } from './mor-auth';
import type { MorParams } from './mor-params';
import type { MorCli, MorDevice, MorState, MorUser } from './mor-state';
import { cliExists, MOR_TEXT } from './mor-texts';
import { morPageXml, type XmlChildren } from './mor-xml';

/**
 * Documented: "Returning XML is put in file. That file is gziped and returned as a response
 * content." Whether MOR also sends Content-Encoding is unknown; it is left out here so a client
 * that trusts the header instead of the gzip magic bytes fails against the simulator too. The
 * Content-Type is a guess.
 */
function gzippedAnswer(children: XmlChildren): SimAnswer {
  return { status: 200, headers: { 'content-type': 'application/x-gzip' }, body: gzipSync(morPageXml(children)) };
}

const error = (text: string): SimAnswer => gzippedAnswer([['error', text]]);

function findCliOwner(state: MorState, cli: { number?: string; domain?: string }): string | undefined {
  for (const device of state.devices.values()) {
    const taken = device.clis.some(
      (existing) => (cli.number !== undefined && existing.number === cli.number) || (cli.domain !== undefined && existing.domain === cli.domain),
    );
    if (taken) return device.owner;
  }
  return undefined;
}

// Admins may add to any user's device. That a simple user may add to their own devices (and
// only those) is a guess; the page only speaks of admin, reseller and accountant.
function mayUseDevice(user: MorUser, device: MorDevice): boolean {
  return user.role === 'admin' || device.owner === user.username;
}

function validationError(state: MorState, params: MorParams): string | undefined {
  const deviceId = params.get('device_id') ?? '';
  const number = params.get('cli_number') ?? '';
  const domain = params.get('cli_domain') ?? '';
  const ivrId = params.get('ivr_id');
  if (deviceId === '') return MOR_TEXT.deviceIdEmpty;
  if (number === '' && domain === '') return MOR_TEXT.cliNumberEmpty;
  if (number !== '' && !/^\d+$/.test(number)) return MOR_TEXT.cliNotNumeric;
  if (ivrId !== undefined && ivrId !== '' && !(/^\d+$/.test(ivrId) && state.ivrIds.has(Number(ivrId)))) return MOR_TEXT.ivrNotFound;
  return undefined;
}

function newCli(params: MorParams): MorCli {
  const number = params.get('cli_number') ?? '';
  const ivrId = params.get('ivr_id');
  return {
    ...(number === '' ? { domain: params.get('cli_domain') ?? '' } : { number }),
    description: params.get('cli_description') ?? '',
    comment: params.get('comment') ?? '',
    banned: params.get('banned') === '1',
    ...(ivrId === undefined || ivrId === '' ? {} : { ivrId: Number(ivrId) }),
  };
}

/**
 * cli_add: hashes its listed parameters that are present, in CLI_ADD_HASHED_ORDER, without u
 * (the app's signer, providers/mor/hash.ts, makes the same reading). Every answer is gzipped.
 */
export function cliAdd(state: MorState, params: MorParams): SimAnswer {
  const hashed = CLI_ADD_HASHED_ORDER.map((name) => params.get(name));
  const gate = morGate(state, params, { hashed, roles: ['user', 'admin'], deniedText: MOR_TEXT.notAuthorised });
  if (!gate.ok) return error(gate.error);
  const invalid = validationError(state, params);
  if (invalid !== undefined) return error(invalid);
  const device = /^\d+$/.test(params.get('device_id') ?? '') ? state.devices.get(Number(params.get('device_id'))) : undefined;
  if (device === undefined) return error(MOR_TEXT.deviceNotFound);
  if (!mayUseDevice(gate.user, device)) return error(MOR_TEXT.notAuthorised);
  const cli = newCli(params);
  const owner = findCliOwner(state, cli);
  if (owner !== undefined) return error(cliExists(owner));
  device.clis.push(cli);
  return gzippedAnswer([['status', MOR_TEXT.cliCreated]]);
}
