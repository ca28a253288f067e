import { describe, expect, it } from 'vitest';

import { buildCallDataRow, CALL_DATA_COLUMNS, calledCell, type CallDataInput, type CallDataResult } from './calldata-row';

function problemsOf(result: CallDataResult) {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.row)}`);
  return result.problems;
}

const minimal: CallDataInput = { called: [{ calledNo: '380930000001' }] };

describe('buildCallDataRow', () => {
  it('returns the row in the template column order', () => {
    expect(CALL_DATA_COLUMNS).toEqual(['sessionId', 'called', 'caller', 'callData', 'customField', 'recycleTime']);
    const result = buildCallDataRow({
      sessionId: 'S-1',
      called: [{ calledNo: '380930000001', delayTime: 30, type: 'mobile' }, { calledNo: '*100#' }],
      caller: '4420',
      callData: '{"iSales":{"fullName":"Lin Zihang"}}',
      customField: 'batch 7',
      recycleTime: '2024-02-29 23:59:59',
    });
    expect(buildCallDataRow({ ...minimal, recycleTime: '2024-12-31 00:00:00' }).ok).toBe(true);
    expect(result).toEqual({
      ok: true,
      row: [
        'S-1',
        '[{"calledNo":"380930000001","delayTime":"30","type":"mobile"},{"calledNo":"*100#"}]',
        '4420',
        '{"iSales":{"fullName":"Lin Zihang"}}',
        'batch 7',
        '2024-02-29 23:59:59',
      ],
    });
  });

  it('leaves absent optional columns empty', () => {
    expect(buildCallDataRow(minimal)).toEqual({ ok: true, row: ['', '[{"calledNo":"380930000001"}]', '', '', '', ''] });
  });

  it('accepts every length limit exactly', () => {
    const result = buildCallDataRow({
      sessionId: 's'.repeat(32),
      called: [{ calledNo: '1'.repeat(24), delayTime: '7200' }],
      caller: '2'.repeat(24),
      callData: 'd'.repeat(1024),
      customField: 'c'.repeat(200),
    });
    expect(result.ok).toBe(true);
  });

  it.each<[string, CallDataInput, string]>([
    ['sessionId', { ...minimal, sessionId: 's'.repeat(33) }, 'sessionId has 33 characters; iSales accepts at most 32.'],
    ['calledNo', { called: [{ calledNo: '1'.repeat(25) }] }, 'called[0].calledNo has 25 characters; iSales accepts at most 24.'],
    ['caller', { ...minimal, caller: '2'.repeat(25) }, 'caller has 25 characters; iSales accepts at most 24.'],
    ['callData', { ...minimal, callData: 'd'.repeat(1025) }, 'callData has 1025 characters; iSales accepts at most 1024.'],
    ['customField', { ...minimal, customField: 'c'.repeat(201) }, 'customField has 201 characters; iSales accepts at most 200.'],
  ])('refuses a %s one character too long, naming the field', (_name, input, message) => {
    expect(problemsOf(buildCallDataRow(input))).toEqual([{ field: message.split(' ')[0], reason: 'too-long', message }]);
  });

  it.each(['+380930000001', '380 93 000', '38093-000', '12a'])('refuses calledNo %j: only digits, * and #', (calledNo) => {
    const [problem, ...rest] = problemsOf(buildCallDataRow({ called: [{ calledNo }] }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'called[0].calledNo', reason: 'invalid-characters' });
    expect(problem!.message).toContain(calledNo);
  });

  it('needs at least one called entry and a non-empty calledNo', () => {
    expect(problemsOf(buildCallDataRow({ called: [] }))).toMatchObject([{ field: 'called', reason: 'required' }]);
    expect(problemsOf(buildCallDataRow({ called: [{ calledNo: '' }] }))).toMatchObject([
      { field: 'called[0].calledNo', reason: 'required' },
    ]);
  });

  it.each(['-1', '7201', '1.5', 'ten', ''])('refuses delayTime %j, outside whole seconds 0..7200', (delayTime) => {
    expect(problemsOf(buildCallDataRow({ called: [{ calledNo: '1', delayTime }] }))).toMatchObject([
      { field: 'called[0].delayTime', reason: 'out-of-range' },
    ]);
  });

  it('accepts delayTime 0 given as a number and writes it as a string', () => {
    expect(calledCell([{ calledNo: '1', delayTime: 0 }])).toBe('[{"calledNo":"1","delayTime":"0"}]');
  });

  it.each(['2024-02-30 10:00:00', '2023-02-29 10:00:00', '2024-04-31 10:00:00', '0099-01-01 10:00:00', '2024-01-01 10:60:00', '2024-13-01 10:00:00', '2024-01-01 24:00:00', '2024-01-01T10:00:00', '2024-1-1 10:00:00'])(
    'refuses recycleTime %j',
    (recycleTime) => {
      expect(problemsOf(buildCallDataRow({ ...minimal, recycleTime }))).toMatchObject([
        { field: 'recycleTime', reason: 'invalid-format' },
      ]);
    },
  );

  it('requires JSON callData only when the flow needs it', () => {
    expect(buildCallDataRow({ ...minimal, callData: 'plain text' }).ok).toBe(true);
    expect(problemsOf(buildCallDataRow({ ...minimal, callData: 'plain text' }, { requireJsonCallData: true }))).toMatchObject([
      { field: 'callData', reason: 'not-json' },
    ]);
    expect(buildCallDataRow({ ...minimal, callData: '{"a":1}' }, { requireJsonCallData: true }).ok).toBe(true);
  });

  it('lists every problem of a row at once, in column order, with the called index', () => {
    const result = buildCallDataRow({
      sessionId: 'x'.repeat(40),
      called: [{ calledNo: '1' }, { calledNo: '+2', delayTime: 9999 }],
      recycleTime: 'tomorrow',
    });
    expect(problemsOf(result).map((p) => p.field)).toEqual([
      'sessionId',
      'called[1].calledNo',
      'called[1].delayTime',
      'recycleTime',
    ]);
  });

  it('keeps a quoted junk value short in the message', () => {
    const [problem] = problemsOf(buildCallDataRow({ called: [{ calledNo: 'x'.repeat(5000) }] }));
    expect(problem!.message.length).toBeLessThan(150);
  });
});
