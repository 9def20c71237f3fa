/** A small keep-alive JSON client for the load generator: lighter than fetch, so the client takes less of the 2 cores. */
import http from 'node:http';

export type Post = (url: string, body: unknown) => Promise<unknown>;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** For a resend: a connection of its own, never a kept-alive one that may be closing too. */
const fresh = new http.Agent({ keepAlive: false });

/**
 * POSTs JSON and parses the answer. A kept-alive socket that the server closed
 * while it idled (its keep-alive timeout) fails with ECONNRESET ("socket hang up")
 * when reused: that request never reached the server, so it is sent once more on
 * a new connection (the workloads only read).
 */
export const post: Post = (url, body) =>
  send(url, body, agent).catch((error: Error & { reusedSocket?: boolean; code?: string }) => {
    if (error.reusedSocket && error.code === 'ECONNRESET') return send(url, body, fresh);
    throw error;
  });

const send = (url: string, body: unknown, via: http.Agent): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = http.request(url, { method: 'POST', agent: via, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(new Error(`${url} answered ${res.statusCode} with a body that is not JSON: ${String(error)}`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', (error: Error & { reusedSocket?: boolean }) => {
      error.reusedSocket = req.reusedSocket;
      reject(error);
    });
    req.end(payload);
  });
