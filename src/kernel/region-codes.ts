/**
 * The GB/T 2260 codes at and under `code`: a province 63xxxx, a prefecture 6301xx, a county itself.
 * "A region and all below it" follows the code hierarchy, so every read path (lists, counts,
 * credit lists, requests, compliance) and the write policy (a department's jurisdiction) ask
 * it as one `between lo and hi`.
 */
export function regionRange(code: string): [string, string] {
  if (code.endsWith('0000')) return [code, `${code.slice(0, 2)}9999`];
  if (code.endsWith('00')) return [code, `${code.slice(0, 4)}99`];
  return [code, code];
}
