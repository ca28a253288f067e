import type { SimAnswer } from '../http/sim-http';

/** A child list keeps element order, which MOR's documented answers show. */
export type XmlChildren = ReadonlyArray<readonly [string, XmlValue]>;
export type XmlValue = string | number | XmlChildren;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function render(children: XmlChildren, depth: number): string {
  const pad = '  '.repeat(depth);
  return children
    .map(([name, value]) =>
      typeof value === 'object'
        ? `${pad}<${name}>\n${render(value, depth + 1)}${pad}</${name}>\n`
        : `${pad}<${name}>${escapeXml(String(value))}</${name}>\n`,
    )
    .join('');
}

/** The documented envelope: an XML declaration and one <page>. */
export function morPageXml(children: XmlChildren): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<page>\n${render(children, 1)}</page>\n`;
}

// Not documented: the header a MOR server sends with its XML.
const XML_TYPE = { 'content-type': 'text/xml; charset=utf-8' };

/** MOR answers HTTP 200 for errors too; only the XML tells. */
export function morAnswer(children: XmlChildren): SimAnswer {
  return { status: 200, headers: XML_TYPE, body: morPageXml(children) };
}

export function morErrorAnswer(text: string): SimAnswer {
  return morAnswer([['error', text]]);
}

export function morStatusAnswer(children: XmlChildren): SimAnswer {
  return morAnswer([['status', children]]);
}
