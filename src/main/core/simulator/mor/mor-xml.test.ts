import { describe, expect, it } from 'vitest';

import { decodeMorAnswer } from '../../providers/mor/answer';
import { escapeXml, morErrorAnswer, morPageXml, morStatusAnswer } from './mor-xml';

const bytes = (body: Buffer | string): Uint8Array => (typeof body === 'string' ? Buffer.from(body) : body);

describe('MOR XML', () => {
  it('writes the documented envelope', () => {
    expect(morPageXml([['status', [['success', '7 out of 7 numbers were imported']]]])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<page>\n  <status>\n    <success>7 out of 7 numbers were imported</success>\n  </status>\n</page>\n',
    );
  });

  it('escapes text so a campaign name cannot break the XML', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const answer = morStatusAnswer([['message', 'No free numbers for Campaign: <A&B>']]);
    const decoded = decodeMorAnswer(bytes(answer.body));
    expect(decoded.ok && decoded.value.content.status).toEqual({ message: 'No free numbers for Campaign: <A&B>' });
  });

  it('answers errors with HTTP 200 and an <error> the app reads as a MOR error', () => {
    const answer = morErrorAnswer('Incorrect hash');
    expect(answer.status).toBe(200);
    expect(answer.headers?.['content-type']).toMatch(/xml/);
    const decoded = decodeMorAnswer(bytes(answer.body));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.kind).toBe('incorrect-hash');
  });
});
