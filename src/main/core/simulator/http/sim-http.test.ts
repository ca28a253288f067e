import { describe, expect, it } from 'vitest';

import { headerText, jsonAnswer, textAnswer } from './sim-http';

describe('sim-http helpers', () => {
  it('builds JSON and text answers with their content types', () => {
    expect(jsonAnswer(200, { result: true })).toEqual({ status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: '{"result":true}' });
    expect(textAnswer(404, 'Not Found').headers?.['content-type']).toMatch(/^text\/plain/);
  });

  it('reads a header whatever its case, joining repeats', () => {
    expect(headerText({ 'auth-key': 'k' }, 'Auth-Key')).toBe('k');
    expect(headerText({ 'set-cookie': ['a', 'b'] }, 'set-cookie')).toBe('a, b');
    expect(headerText({}, 'x')).toBeUndefined();
  });
});
