/** A small keep-alive JSON client for the load generator: lighter than fetch, so the client takes less of the 2 cores. */
import http from 'node:http';

export type Post = (url: string, body: unknown) => Promise<unknown>;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export const post: Post = (url, body) =>
  new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
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
    req.on('error', reject);
    req.end(payload);
  });
