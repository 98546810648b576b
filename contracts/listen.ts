/**
 * `--listen HOST:PORT`, as every LuxP1 server takes it (`luxp1 serve`, `luxp1 central`): IPv6 in
 * brackets (`[::1]:8418`), port 0 for any free one.
 */

/** Parses HOST:PORT ([::1]:PORT for IPv6); null when malformed. */
export function parseListen(text: string): { host: string; port: number } | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(text);
  if (!m || Number(m[3]) > 65535) return null;
  return { host: m[1] ?? m[2] ?? '', port: Number(m[3]) };
}

/** True for a host name or address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}
