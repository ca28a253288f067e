import { describe, expect, it, vi } from 'vitest';

import { UserError } from '../user-error';
import { dispatch } from './dispatch';
import type { HandlerTable } from './handler-table';

const SHEET_ID = 'sheet-0123456789abcdef';

function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    appInfo: () => Promise.resolve({ name: 'Dialsheet', version: '1.2.3', countries: ['UA'], defaultCountry: 'UA' }),
    openSheetPath: unused,
    openSheetBytes: unused,
    reopenSheet: unused,
    setMapping: unused,
    setCheckOptions: unused,
    getSheetView: unused,
    sheetRows: ({ offset }) => Promise.resolve({ offset, total: 0, rows: [], done: true }),
    editCell: unused,
    removeRows: unused,
    restoreRows: unused,
    closeSheet: () => Promise.resolve({ closed: true }),
    listProfiles: unused,
    saveProfile: unused,
    deleteProfile: unused,
    testConnection: unused,
    pinHostKey: unused,
    pinCertificate: unused,
    planSheetUpload: unused,
    sendSheet: unused,
    listJobs: unused,
    jobSummary: unused,
    receiptRows: unused,
    pauseJob: unused,
    resumeJob: unused,
    cancelJob: unused,
    retryFailedJob: unused,
    decideUnknown: unused,
    exportReceipt: unused,
    ivrResults: unused,
    exportIvrResults: unused,
    checkClis: unused,
    addClis: unused,
    exportCliReceipt: unused,
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a valid call with its value', async () => {
    const result = await dispatch(table(), 'sheetRows', { sheetId: SHEET_ID, offset: 0, limit: 10, filter: 'all' }, vi.fn());
    expect(result).toEqual({ ok: true, value: { offset: 0, total: 0, rows: [], done: true } });
  });

  it('refuses a name that is not in the contract', async () => {
    const result = await dispatch(table(), 'deleteEverything', {}, vi.fn());
    expect(result).toEqual({ ok: false, error: { code: 'bad-input', message: 'Unknown call: deleteEverything' } });
  });

  it('refuses input that does not parse, naming the field', async () => {
    const handler = vi.fn();
    const result = await dispatch(table({ sheetRows: handler }), 'sheetRows', { sheetId: SHEET_ID, offset: -1, limit: 10, filter: 'all' }, vi.fn());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('bad-input');
    expect(!result.ok && result.error.message).toMatch(/^Bad input for sheetRows: offset: /);
    expect(handler).not.toHaveBeenCalled();
  });

  it('asks for a CLI receipt only by a run id addClis gives, never by a path or rows', async () => {
    const handler = vi.fn(() => Promise.resolve({ fileName: 'clis CLI receipt clis-0123456789ab.csv', dataBase64: '' }));
    const good = await dispatch(table({ exportCliReceipt: handler }), 'exportCliReceipt', { runId: 'clis-0123456789ab', format: 'csv' }, vi.fn());
    expect(good.ok).toBe(true);
    for (const input of [
      { runId: '../../etc/passwd', format: 'csv' },
      { runId: 'clis-0123456789ab', format: 'pdf' },
      { runId: 'clis-0123456789ab', format: 'csv', rows: [] },
    ]) {
      const result = await dispatch(table({ exportCliReceipt: handler }), 'exportCliReceipt', input, vi.fn());
      expect(!result.ok && result.error.code).toBe('bad-input');
    }
    expect(handler).toHaveBeenCalledOnce();
  });

  it('checks a sheet of CLIs by its name and bytes alone: no profile, no path', async () => {
    const answer = { ready: 1, invalid: 0, columns: [{ role: 'device' as const, header: 'Device' }], rows: [], notes: [] };
    const handler = vi.fn(() => Promise.resolve(answer));
    const good = await dispatch(table({ checkClis: handler }), 'checkClis', { name: 'clis.csv', dataBase64: 'RGV2aWNlLENMSQoxLDEyMwo=' }, vi.fn());
    expect(good).toEqual({ ok: true, value: answer });
    for (const input of [
      { profileId: 'demo-mor', name: 'clis.csv', dataBase64: '' },
      { path: '/etc/passwd' },
      { name: '', dataBase64: '' },
      { name: 'clis.csv', dataBase64: 'not base64!' },
    ]) {
      const result = await dispatch(table({ checkClis: handler }), 'checkClis', input, vi.fn());
      expect(!result.ok && result.error.code).toBe('bad-input');
    }
    expect(handler).toHaveBeenCalledOnce();
  });

  it('refuses extra fields in strict inputs', async () => {
    const result = await dispatch(table(), 'appInfo', { admin: true }, vi.fn());
    expect(result.ok).toBe(false);
  });

  it('passes a UserError through with its code and words', async () => {
    const failing = table({ closeSheet: () => Promise.reject(new UserError('not-found', 'That sheet is gone.')) });
    const result = await dispatch(failing, 'closeSheet', { sheetId: SHEET_ID }, vi.fn());
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'That sheet is gone.' } });
  });

  it('hides the text of an unexpected error from the caller and logs it', async () => {
    const logError = vi.fn();
    const secretish = new Error('connect ECONNREFUSED with key=hunter2');
    const result = await dispatch(table({ closeSheet: () => Promise.reject(secretish) }), 'closeSheet', { sheetId: SHEET_ID }, logError);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(logError).toHaveBeenCalledWith('call closeSheet failed', secretish);
  });

  it('refuses to pass on an answer that breaks the contract', async () => {
    const logError = vi.fn();
    const broken = table({ appInfo: () => Promise.resolve({ name: 'Dialsheet' } as never) });
    const result = await dispatch(broken, 'appInfo', {}, logError);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(logError).toHaveBeenCalledOnce();
  });
});
