import { headerText, type SimRequest } from '../http/sim-http';

export interface MorUploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface MorParams {
  get(name: string): string | undefined;
  /** The multipart `file` field, when it came as a file part (with a filename). */
  readonly file?: MorUploadedFile;
}

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

// Request.formData() is the platform's own multipart parser; a body it cannot read counts as
// no form at all, so the method answers as if the fields were missing.
async function readForm(request: SimRequest): Promise<FormData | undefined> {
  const type = headerText(request.headers, 'content-type') ?? '';
  if (!FORM_TYPES.test(type) || request.body.length === 0) return undefined;
  try {
    return await new Response(request.body, { headers: { 'content-type': type } }).formData();
  } catch {
    return undefined;
  }
}

/**
 * u, id, hash and the rest, from the query string and the form body alike: the wiki's curl
 * example puts them in the query, its Node example in the form. When both carry a name the
 * body wins, as in Rails' params.
 */
export async function readMorParams(request: SimRequest): Promise<MorParams> {
  const fields = new Map<string, string>(request.query);
  const form = await readForm(request);
  let file: MorUploadedFile | undefined;
  for (const [name, value] of form ?? []) {
    if (typeof value === 'string') fields.set(name, value);
    else if (name === 'file') file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { get: (name) => fields.get(name), ...(file === undefined ? {} : { file }) };
}
