import type { ServerResponse } from 'node:http';

/** Adds a request header to the response's Vary, keeping what is there (RFC 9110 §12.5.5). */
export function addVary(res: ServerResponse, header: string): void {
  const current = res.getHeader('vary');
  const listed = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (listed.some((name) => name === '*' || name.toLowerCase() === header.toLowerCase())) return;
  res.setHeader('vary', [...listed, header].join(', '));
}
