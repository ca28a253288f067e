import { describe, expect, it } from 'vitest';

import { uploadNumbersHash } from '../../providers/mor/hash';
import { morCall } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';

const sim = useSimulator();

describe('MOR routing over HTTP', () => {
  it('serves the API under /mor/api/<method>', async () => {
    const answer = await morCall(sim(), 'autodialer_upload_numbers', { u: 'demo', id: '2', hash: uploadNumbersHash({ id: 2 }, sim().credentials.mor.apiSecret) });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Please provide a file');
  });

  it('answers an unknown method with a 404 web page, as a Rails server does', async () => {
    const answer = await morCall(sim(), 'user_delete_everything', {});
    expect(answer.status).toBe(404);
    expect(answer.text).toMatch(/<html>/);
    expect((await fetch(`${sim().urls.mor}/api/__proto__`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses GET unless "Allow GET API" is on', async () => {
    const { username, apiSecret } = sim().credentials.mor;
    const fields = { u: username, id: '2', hash: uploadNumbersHash({ id: 2 }, apiSecret) };
    const refused = await morCall(sim(), 'autodialer_upload_numbers', fields, { method: 'GET' });
    expect(refused.status).toBe(405);
    sim().state.mor.allowGet = true;
    const allowed = await morCall(sim(), 'autodialer_upload_numbers', fields, { method: 'GET' });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('Please provide a file');
  });

  it('refuses other methods', async () => {
    expect((await fetch(`${sim().urls.mor}/api/cli_add`, { method: 'PUT' })).status).toBe(405);
  });
});
