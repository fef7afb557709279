import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCsv } from './csv-response.js';

describe('a streamed CSV download', () => {
  const app = Fastify({ logger: false });
  let fillEnded!: Promise<{ rows: number; how: string }>;
  let base: string;

  beforeAll(async () => {
    app.get('/endless.csv', async (_request, reply) => {
      let settle!: (outcome: { rows: number; how: string }) => void;
      fillEnded = new Promise((resolve) => {
        settle = resolve;
      });
      return sendCsv(reply, {
        filename: 'endless.csv',
        columns: ['n', 'text'],
        // Writes until told to stop: only the reader's going away can end it.
        fill: async (write) => {
          let rows = 0;
          try {
            for (;;) {
              await write({ n: rows, text: 'x'.repeat(200) });
              rows++;
            }
          } catch (error) {
            settle({ rows, how: (error as Error).name });
            throw error;
          }
        },
      });
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  it('stops writing when the client goes away after the first chunk', async () => {
    const first = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${base}/endless.csv`, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.toString('utf8'));
        });
      });
      req.once('error', (error) => {
        if (!req.destroyed) reject(error);
      });
      req.end();
    });
    expect(first).toMatch(/^n,text\n/);
    const outcome = await fillEnded;
    expect(outcome.how).toBe('AbortError');
    expect(outcome.rows).toBeGreaterThan(0);
  });
});
