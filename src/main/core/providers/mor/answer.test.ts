import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { EXCERPT_MAX_CHARS } from '../body-excerpt';
import {
  decodeMorAnswer,
  parseCliAddResult,
  parseIvrPollResults,
  parseUploadResult,
  splitIvrPollResults,
  type MorAnswer,
} from './answer';
import type { MorError, MorErrorKind } from './errors';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const gzip = (text: string): Uint8Array => new Uint8Array(gzipSync(Buffer.from(text, 'utf8')));

// Copied from the seeds (wiki pages), whitespace as the copies have it.
const UPLOAD_SUCCESS = `<?xml version="1.0" encoding="UTF-8"?> <page>

 <status>
   <success>7 out of 7 numbers were imported</success>
 </status>

</page>`;
const uploadError = (text: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<page>
  <error>${text}</error>
</page>`;
const IVR_SUCCESS_AS_COPIED =
  '<?xml version="1.0" encoding="UTF-8"?> <page> <status> <ivr_poll_results_string>1111 2222,2020-01-01 01:01:01,2090-12-31 23:59:59</ivr_poll_results_string> </status> </page>';
const CLI_SUCCESS = `<page>
      <status>CLI successfully created</status>
</page>`;
const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n';

function errorOf<T>(answer: MorAnswer<T>): MorError {
  if (answer.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.value)}`);
  return answer.error;
}

describe('decodeMorAnswer: documented errors', () => {
  it.each<[string, MorErrorKind]>([
    ['Incorrect hash', 'incorrect-hash'],
    ['Access Denied', 'access-denied'],
    ['You are not authorized to use this functionality', 'not-authorized'],
    ['You are not authorised to use this functionality', 'not-authorized'],
    ['Campaign was not found', 'campaign-not-found'],
    ['Campaign does not have any Numbers', 'campaign-has-no-numbers'],
    ['File is empty', 'file-empty'],
    ['Please provide a file', 'file-missing'],
    ['Please provide CSV file', 'file-not-csv'],
    ['CLI must be numeric', 'cli-not-numeric'],
    ['CLI already exists. It is assigned to user_name device', 'cli-exists'],
    ['CLI Number cannot be empty', 'cli-number-empty'],
    ['IVR was not found', 'ivr-not-found'],
    ['Device ID cannot be empty', 'device-id-empty'],
    ['Error message', 'other'],
  ])('reads <error>%s</error> as %s and keeps the words', (text, kind) => {
    const error = errorOf(decodeMorAnswer(bytes(uploadError(text))));
    expect(error.kind).toBe(kind);
    expect(error.providerText).toBe(text);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('reads an <error> that is the whole document', () => {
    expect(errorOf(decodeMorAnswer(bytes('<error>Access Denied</error>'))).kind).toBe('access-denied');
  });

  it('treats an error as an error even when a status is present too', () => {
    const body = '<page><status><success>1 out of 1 numbers were imported</success></status><error>Incorrect hash</error></page>';
    expect(errorOf(parseUploadResult(bytes(body))).kind).toBe('incorrect-hash');
  });

  it('decodes XML entities in the provider words', () => {
    expect(errorOf(decodeMorAnswer(bytes('<page><error>A &amp; B</error></page>'))).providerText).toBe('A & B');
  });
});

describe('decodeMorAnswer: gzip', () => {
  it('gunzips a body by its magic bytes, with no header to say so', () => {
    const answer = decodeMorAnswer(gzip(CLI_SUCCESS));
    expect(answer.ok && answer.value.content.status).toBe('CLI successfully created');
  });

  it('reads a gzipped error', () => {
    expect(errorOf(decodeMorAnswer(gzip(uploadError('Incorrect hash')))).kind).toBe('incorrect-hash');
  });

  it('reports a cut-off gzip body as bad-gzip, quoting no binary', () => {
    const whole = gzip(UPLOAD_SUCCESS);
    const error = errorOf(decodeMorAnswer(whole.subarray(0, whole.length - 10)));
    expect(error.kind).toBe('bad-gzip');
    expect(error.providerText).toBe('');
  });

  it('refuses to unpack more than the limit', () => {
    const bomb = gzip(`<page><status>${'a'.repeat(100_000)}</status></page>`);
    expect(bomb.length).toBeLessThan(1000);
    expect(errorOf(decodeMorAnswer(bomb, { maxBytes: 10_000 })).kind).toBe('too-large');
  });

  it('refuses a plain body over the limit', () => {
    expect(errorOf(decodeMorAnswer(bytes(UPLOAD_SUCCESS), { maxBytes: 10 })).kind).toBe('too-large');
  });
});

describe('decodeMorAnswer: bodies that are not MOR XML', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \r\n\t '],
  ])('calls an %s body empty-body', (_name, body) => {
    expect(errorOf(decodeMorAnswer(bytes(body))).kind).toBe('empty-body');
  });

  it('calls a web server error page html-page and quotes its words', () => {
    const error = errorOf(decodeMorAnswer(bytes(HTML_502)));
    expect(error.kind).toBe('html-page');
    expect(error.providerText).toBe('502 Bad Gateway 502 Bad Gateway nginx/1.18.0');
  });

  it('calls malformed XML not-xml and quotes it', () => {
    const error = errorOf(decodeMorAnswer(bytes('<page><status><success>7 out of 7')));
    expect(error.kind).toBe('not-xml');
    expect(error.providerText).toBe('<page><status><success>7 out of 7');
  });

  it('calls plain text not-xml', () => {
    expect(errorOf(decodeMorAnswer(bytes('Internal Server Error'))).kind).toBe('not-xml');
  });

  it('quotes at most about 200 characters of a long bad body', () => {
    const error = errorOf(decodeMorAnswer(bytes(`<broken ${'x'.repeat(5000)}`)));
    expect(error.providerText.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(error.providerText.startsWith('<broken xxx')).toBe(true);
  });

  it('does not throw on names the XML reader refuses', () => {
    expect(errorOf(decodeMorAnswer(bytes('<page><__proto__>x</__proto__></page>'))).kind).toBe('not-xml');
  });

  it('calls an empty <page/> an unexpected answer', () => {
    expect(errorOf(decodeMorAnswer(bytes('<?xml version="1.0"?><page/>'))).kind).toBe('unexpected-answer');
  });

  it('never throws on random bytes', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let round = 0; round < 300; round += 1) {
      const junk = Uint8Array.from({ length: round % 64 }, next);
      if (round % 3 === 0) junk.set([0x1f, 0x8b].slice(0, junk.length));
      const answer = decodeMorAnswer(junk);
      if (!answer.ok) expect(answer.error.providerText.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    }
  });
});

describe('decodeMorAnswer: tolerated wrappings', () => {
  it('finds <page> inside the HTML tag of the "XML API Extension" setting', () => {
    const wrapped = `<html><body>${UPLOAD_SUCCESS}</body></html>`;
    expect(parseUploadResult(bytes(wrapped))).toMatchObject({ ok: true, value: { imported: 7 } });
  });

  it('skips a UTF-8 byte-order mark', () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(UPLOAD_SUCCESS)]);
    expect(parseUploadResult(body).ok).toBe(true);
  });
});

describe('parseUploadResult', () => {
  it('reads the wiki success example', () => {
    expect(parseUploadResult(bytes(UPLOAD_SUCCESS))).toEqual({
      ok: true,
      value: { imported: 7, offered: 7, notImported: 0, text: '7 out of 7 numbers were imported' },
    });
  });

  it('counts the numbers MOR did not import', () => {
    const body = '<page><status><success>5 out of 7 numbers were imported</success></status></page>';
    expect(parseUploadResult(bytes(body))).toMatchObject({ ok: true, value: { imported: 5, offered: 7, notImported: 2 } });
  });

  it('reads a gzipped success', () => {
    expect(parseUploadResult(gzip(UPLOAD_SUCCESS))).toMatchObject({ ok: true, value: { imported: 7 } });
  });

  it.each([
    ['a success without counts', '<page><status><success>Numbers imported</success></status></page>'],
    ['more imported than offered', '<page><status><success>8 out of 7 numbers were imported</success></status></page>'],
    ['another method answer', CLI_SUCCESS],
  ])('calls %s an unexpected answer and quotes it', (_name, body) => {
    const error = errorOf(parseUploadResult(bytes(body)));
    expect(error.kind).toBe('unexpected-answer');
    expect(error.providerText.length).toBeGreaterThan(0);
  });
});

describe('parseIvrPollResults', () => {
  it('splits the two-line wiki example into rows and keeps the raw string', () => {
    const raw = '1111\n2222,2020-01-01 01:01:01,2090-12-31 23:59:59';
    const body = `<?xml version="1.0" encoding="UTF-8"?> <page> <status> <ivr_poll_results_string>${raw}</ivr_poll_results_string> </status> </page>`;
    expect(parseIvrPollResults(bytes(body))).toEqual({
      ok: true,
      value: { raw, rows: [['1111'], ['2222', '2020-01-01 01:01:01', '2090-12-31 23:59:59']] },
    });
  });

  it('keeps the seed copy, whose line break became a space, exactly as raw', () => {
    const answer = parseIvrPollResults(bytes(IVR_SUCCESS_AS_COPIED));
    expect(answer.ok && answer.value.raw).toBe('1111 2222,2020-01-01 01:01:01,2090-12-31 23:59:59');
  });

  it('keeps leading zeros: values stay text', () => {
    const body = '<page><status><ivr_poll_results_string>00380930000001,1</ivr_poll_results_string></status></page>';
    expect(parseIvrPollResults(bytes(body))).toMatchObject({ ok: true, value: { rows: [['00380930000001', '1']] } });
    const bare = '<page><status><ivr_poll_results_string>00380930000001</ivr_poll_results_string></status></page>';
    expect(parseIvrPollResults(bytes(bare))).toMatchObject({ ok: true, value: { raw: '00380930000001' } });
  });

  it('reads an empty result as no rows', () => {
    const body = '<page><status><ivr_poll_results_string/></status></page>';
    expect(parseIvrPollResults(bytes(body))).toEqual({ ok: true, value: { raw: '', rows: [] } });
  });

  it('calls a status without the results string an unexpected answer', () => {
    const body = '<page><status><success>ok</success></status></page>';
    expect(errorOf(parseIvrPollResults(bytes(body))).kind).toBe('unexpected-answer');
  });

  it('reads the documented no-numbers error', () => {
    const body = '<page><error>Campaign does not have any Numbers</error></page>';
    expect(errorOf(parseIvrPollResults(bytes(body))).kind).toBe('campaign-has-no-numbers');
  });
});

describe('splitIvrPollResults', () => {
  it('accepts CRLF and CR line ends and skips blank lines', () => {
    expect(splitIvrPollResults('a,1\r\n\r\nb,2\rc')).toEqual([['a', '1'], ['b', '2'], ['c']]);
  });
});

describe('parseCliAddResult', () => {
  it('reads the gzipped wiki success example', () => {
    expect(parseCliAddResult(gzip(CLI_SUCCESS))).toEqual({ ok: true, value: { text: 'CLI successfully created' } });
  });

  it('reads a gzipped documented error with its words', () => {
    const error = errorOf(parseCliAddResult(gzip('<page><error>CLI already exists. It is assigned to alice device</error></page>')));
    expect(error).toMatchObject({ kind: 'cli-exists', providerText: 'CLI already exists. It is assigned to alice device' });
  });

  it('does not take an unknown status for success', () => {
    expect(errorOf(parseCliAddResult(bytes('<page><status>Something else</status></page>'))).kind).toBe('unexpected-answer');
  });
});
