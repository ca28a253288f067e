import type { CallDataContact } from '../providers/isales/calldata-file';
import type { PlannedContact } from './upload-plan';

/**
 * The call data a contact carries to iSales: its name and custom columns as one JSON object in
 * callData (agents and IVR flows read it from there), its caller column as `caller`.
 */
export function callDataOf(contact: PlannedContact): string | undefined {
  const data: Record<string, string> = { ...(contact.name === undefined ? {} : { name: contact.name }), ...contact.fields };
  return Object.keys(data).length === 0 ? undefined : JSON.stringify(data);
}

export function toCallDataContact(contact: PlannedContact): CallDataContact {
  const callData = callDataOf(contact);
  return {
    sourceRow: contact.row,
    numbers: contact.numbers,
    ...(contact.caller === undefined ? {} : { caller: contact.caller }),
    ...(callData === undefined ? {} : { callData }),
  };
}
