import { describe, expect, it } from 'vitest';

import { EXCERPT_MAX_CHARS } from '../body-excerpt';
import { decodeIsalesAnswer, parseImportTaskQuery, parseUploadFileServerAnswer, type IsalesAnswer } from './answer';

function errorOf<T>(answer: IsalesAnswer<T>) {
  if (answer.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.value)}`);
  return answer.error;
}

// The seed's response example, exactly as published: a doubled "{" and a trailing comma.
const SEED_UPLOAD_RESPONSE = `{
{
 "returnCode": "0200000",
 "importTaskId": "164870990605164487770867067540",
 "resultCode": "0200000",
	"resultDesc": "Exporting data... View details in Import Result.",
	"returnDesc": "Exporting data... View details in Import Result.",
}`;
const UPLOAD_RESPONSE = JSON.stringify({
  returnCode: '0200000',
  importTaskId: '164870990605164487770867067540',
  resultCode: '0200000',
  resultDesc: 'Exporting data... View details in Import Result.',
  returnDesc: 'Exporting data... View details in Import Result.',
});

describe('decodeIsalesAnswer', () => {
  it('reads 0200000 in both code fields as success', () => {
    const answer = decodeIsalesAnswer({ status: 200, body: UPLOAD_RESPONSE });
    expect(answer).toMatchObject({ ok: true, value: { description: 'Exporting data... View details in Import Result.' } });
  });

  it('reads a documented error code with its meaning and iSales words', () => {
    const body = JSON.stringify({ resultCode: '02000010', resultDesc: 'hour and minute', returnCode: '02000010', returnDesc: 'x' });
    expect(errorOf(decodeIsalesAnswer({ status: 200, body }))).toMatchObject({
      kind: 'provider-error',
      code: '02000010',
      meaning: 'hour and minute must be given together',
      providerText: 'hour and minute',
      retryable: false,
    });
  });

  it('reads the short {resultCode, description} shape', () => {
    const body = '{"resultCode":"02000005","description":"userName length out of range"}';
    expect(errorOf(decodeIsalesAnswer({ status: 200, body }))).toMatchObject({
      code: '02000005',
      meaning: 'a parameter length is out of range',
      providerText: 'userName length out of range',
    });
  });

  it('fails when the two code fields disagree, reporting the failing one', () => {
    const body = JSON.stringify({ resultCode: '0200000', returnCode: '0200019' });
    expect(errorOf(decodeIsalesAnswer({ status: 200, body }))).toMatchObject({ code: '0200019' });
  });

  it('keeps an undocumented code without inventing a meaning', () => {
    const error = errorOf(decodeIsalesAnswer({ status: 200, body: '{"resultCode":"0209999","resultDesc":"new"}' }));
    expect(error.code).toBe('0209999');
    expect(error.meaning).toBeUndefined();
    expect(error.message).toContain('0209999');
  });

  it('treats "called too fast" (0200022) as retryable rate limiting', () => {
    expect(errorOf(decodeIsalesAnswer({ status: 200, body: '{"returnCode":"0200022"}' }))).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
    });
  });

  it('tells a signature failure (401) from other failures', () => {
    expect(errorOf(decodeIsalesAnswer({ status: 401, body: '' }))).toMatchObject({
      kind: 'signature-rejected',
      httpStatus: 401,
      retryable: false,
    });
    expect(errorOf(decodeIsalesAnswer({ status: 403, body: 'Forbidden' })).kind).toBe('http-error');
  });

  it('marks 429 and 5xx retryable, quoting the Chinese flow-control text', () => {
    const error = errorOf(decodeIsalesAnswer({ status: 429, body: '请勿频繁操作，请稍后再试' }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryable: true, providerText: '请勿频繁操作，请稍后再试' });
    expect(errorOf(decodeIsalesAnswer({ status: 503, body: '' }))).toMatchObject({ kind: 'server-error', retryable: true });
  });

  it.each<[string, number, string, string]>([
    ['an empty body', 200, '', 'empty-body'],
    ['the seed example as published (not valid JSON)', 200, SEED_UPLOAD_RESPONSE, 'not-json'],
    ['an HTML page', 200, '<html><body>Login</body></html>', 'not-json'],
    ['a JSON array', 200, '[]', 'unexpected-answer'],
    ['JSON without codes', 200, '{"ok":true}', 'unexpected-answer'],
  ])('refuses %s without throwing', (_name, status, body, kind) => {
    expect(errorOf(decodeIsalesAnswer({ status, body })).kind).toBe(kind);
  });

  it('quotes at most about 200 characters of a bad body', () => {
    const error = errorOf(decodeIsalesAnswer({ status: 200, body: `<${'x'.repeat(5000)}` }));
    expect(error.providerText.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
  });

  it('never quotes a redacted value the server echoed', () => {
    const body = '{"resultCode":"02000002","resultDesc":"serverPwd Pa55word! has invalid characters"}';
    const error = errorOf(decodeIsalesAnswer({ status: 200, body }, { redact: ['Pa55word!'] }));
    expect(error.providerText).toBe('serverPwd *** has invalid characters');
    expect(JSON.stringify(error)).not.toContain('Pa55word!');
  });

  it('reads a body given as bytes', () => {
    expect(decodeIsalesAnswer({ status: 200, body: new TextEncoder().encode(UPLOAD_RESPONSE) }).ok).toBe(true);
  });
});

describe('parseUploadFileServerAnswer', () => {
  it('returns the import task id of the seed example (with its JSON typos fixed)', () => {
    expect(parseUploadFileServerAnswer({ status: 200, body: UPLOAD_RESPONSE })).toEqual({
      ok: true,
      value: {
        importTaskId: '164870990605164487770867067540',
        description: 'Exporting data... View details in Import Result.',
      },
    });
  });

  it('calls a success without importTaskId unexpected', () => {
    const answer = parseUploadFileServerAnswer({ status: 200, body: '{"resultCode":"0200000"}' });
    expect(errorOf(answer)).toMatchObject({ kind: 'unexpected-answer', providerText: '{"resultCode":"0200000"}' });
  });
});

describe('parseImportTaskQuery', () => {
  const task = {
    id: '164870990605164487770867067540',
    beginTime: '2022-03-11T07:27:09.000+00:00',
    endTime: '2022-03-11T07:28:10.000+00:00',
    status: '2',
    succNum: 499990,
    repeatNum: '6',
    failNum: 3,
    blackNum: 1,
    errMsg: null,
  };
  const body = (result: unknown[]): string =>
    JSON.stringify({ resultCode: '0200000', resultDesc: 'ok', returnCode: '0200000', returnDesc: 'ok', count: result.length, result });

  it('reads a completed task with its counts, accepting counts as numbers or strings', () => {
    expect(parseImportTaskQuery({ status: 200, body: body([task]) })).toEqual({
      ok: true,
      value: {
        count: 1,
        tasks: [
          {
            id: '164870990605164487770867067540',
            status: 'completed',
            finished: true,
            beginTime: '2022-03-11T07:27:09.000+00:00',
            endTime: '2022-03-11T07:28:10.000+00:00',
            succNum: 499990,
            repeatNum: 6,
            failNum: 3,
            blackNum: 1,
            errMsg: undefined,
          },
        ],
      },
    });
  });

  it.each<[string, string, boolean]>([
    ['0', 'preparing', false],
    ['1', 'running', false],
    ['2', 'completed', true],
    ['3', 'failed', true],
  ])('maps status %s to %s', (code, status, finished) => {
    const answer = parseImportTaskQuery({ status: 200, body: body([{ id: 'T', status: code }]) });
    expect(answer).toMatchObject({ ok: true, value: { tasks: [{ status, finished }] } });
  });

  it('keeps the error message of a failed task', () => {
    const answer = parseImportTaskQuery({ status: 200, body: body([{ ...task, status: '3', errMsg: 'template error' }]) });
    expect(answer).toMatchObject({ ok: true, value: { tasks: [{ status: 'failed', errMsg: 'template error' }] } });
  });

  it('reads no result as no tasks', () => {
    expect(parseImportTaskQuery({ status: 200, body: '{"resultCode":"0200000","count":0}' })).toEqual({
      ok: true,
      value: { count: 0, tasks: [] },
    });
  });

  it.each([
    ['an unknown status', { id: 'T', status: '4' }],
    ['a negative count', { id: 'T', status: '2', succNum: -1 }],
    ['a task without id', { status: '2' }],
  ])('calls %s an unexpected answer', (_name, bad) => {
    expect(errorOf(parseImportTaskQuery({ status: 200, body: body([bad]) })).kind).toBe('unexpected-answer');
  });
});
