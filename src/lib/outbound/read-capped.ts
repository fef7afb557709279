import { OutboundError } from './outbound-error.js';

/**
 * Reads an answer's body, stopping as soon as it passes `maxBytes`: a chunked answer (no content-length)
 * or one that lies about its length cannot make Roster hold more than the cap. Counted after decoding,
 * so a compressed answer cannot expand past it either.
 */
export async function readCapped(
  response: { headers: { get(name: string): string | null }; body: ReadableStream<Uint8Array> | null },
  maxBytes: number,
): Promise<Buffer> {
  const tooLarge = () => new OutboundError('too_large', `answer larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
