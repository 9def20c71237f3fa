import { createHash, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import type { RequestHandler } from 'express';
import type { MetricsConfig } from '../config';
import { ErrorCode } from '../errors';
import type { Metrics } from './metrics';

/** The networks of a CIDR list, for membership tests of IPv4 and IPv6 addresses. */
export function networkList(cidrs: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [address, prefix] = cidr.split('/');
    const type = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** A socket's address as the allow-list sees it: an IPv4 client of a dual-stack server arrives as ::ffff:a.b.c.d. */
export function clientAddress(remote: string | undefined): { address: string; type: 'ipv4' | 'ipv6' } | null {
  if (!remote) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  if (mapped) return { address: mapped[1], type: 'ipv4' };
  const family = net.isIP(remote);
  return family === 0 ? null : { address: remote, type: family === 6 ? 'ipv6' : 'ipv4' };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics in Prometheus' text format, for callers from an allowed network
 * (the socket's address: a proxy in front must be in the list itself) or with
 * `Authorization: Bearer <SAMVERKAN_METRICS_TOKEN>`; everyone else gets 403.
 */
export function metricsRoute(metrics: Metrics, access: MetricsConfig): RequestHandler {
  const allowed = networkList(access.allow);
  const token = access.token ? digest(access.token) : null;
  return async (req, res) => {
    const client = clientAddress(req.socket.remoteAddress);
    const fromNetwork = client !== null && allowed.check(client.address, client.type);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const withToken = token !== null && bearer !== undefined && timingSafeEqual(digest(bearer), token);
    if (!fromNetwork && !withToken) {
      (res.locals.errorCodes ??= []).push(ErrorCode.FORBIDDEN);
      res.status(403).json({
        errors: [
          {
            message: 'Metrics are served only to the networks in SAMVERKAN_METRICS_ALLOW, or with Authorization: Bearer <SAMVERKAN_METRICS_TOKEN>.',
            extensions: { code: ErrorCode.FORBIDDEN },
          },
        ],
      });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
