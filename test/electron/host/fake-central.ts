/**
 * A stand-in for the central system's `POST /api/pair` (central-mock/API.md) on loopback, answering
 * from the test's own table; for host tests that need a pairing answer the real central would not
 * give (a key for another meter, a lock).
 */
import { createServer } from 'node:http';

export type PairAnswer = [status: number, body: object];

export async function startFakeCentral(
  answer: (meterId: string, code: string) => PairAnswer,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const { meterId, code } = JSON.parse(body) as { meterId: string; code: string };
      const [status, json] = answer(meterId, code);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
