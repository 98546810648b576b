/** A real mosquitto on a free loopback port, and a subscriber that records every message. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface Broker {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  return typeof address === 'object' && address ? address.port : 0;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('mosquitto did not listen');
}

export interface TestPki {
  ca: string; // CA certificate file
  cert: string; // a client certificate the CA signed, and its key
  key: string;
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl in `dir`. */
export function makePki(dir: string): TestPki & { serverCert: string; serverKey: string } {
  const f = (name: string) => join(dir, name);
  const run = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=LuxP1 test CA',
  );
  writeFileSync(f('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const [name, cn, ext] of [
    ['server', '127.0.0.1', true],
    ['client', 'luxp1', false],
  ] as const) {
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/CN=${cn}`);
    const sign = [
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-out',
      f(`${name}.crt`),
      '-days',
      '2',
    ];
    run(...sign, ...(ext ? ['-extfile', f('san.ext')] : []));
  }
  return { ca: f('ca.crt'), cert: f('client.crt'), key: f('client.key'), serverCert: f('server.crt'), serverKey: f('server.key') };
}

/** Starts mosquitto in `dir`; with `users` it refuses anonymous clients; with `tls` it speaks TLS only and requires a client certificate. */
export async function startBroker(
  dir: string,
  opts: { users?: Record<string, string>; port?: number; tls?: ReturnType<typeof makePki> } = {},
): Promise<Broker> {
  const port = opts.port ?? (await freePort());
  // `user`: started as root, mosquitto would switch to its own user, who cannot read our temp dir.
  const lines = [
    `listener ${port} 127.0.0.1`,
    `user ${userInfo().username}`,
    'persistence false',
    `allow_anonymous ${opts.users ? 'false' : 'true'}`,
  ];
  if (opts.users) {
    const file = join(dir, `passwd-${port}`);
    writeFileSync(file, '');
    for (const [user, password] of Object.entries(opts.users)) execFileSync('mosquitto_passwd', ['-b', file, user, password]);
    lines.push(`password_file ${file}`);
  }
  if (opts.tls) {
    const { ca, serverCert, serverKey } = opts.tls;
    lines.push(`cafile ${ca}`, `certfile ${serverCert}`, `keyfile ${serverKey}`, 'require_certificate true');
  }
  const conf = join(dir, `mosquitto-${port}.conf`);
  writeFileSync(conf, `${lines.join('\n')}\n`);
  const child = spawn('/usr/sbin/mosquitto', ['-c', conf], { stdio: 'ignore' });
  await waitForPort(port, child);
  return {
    port,
    url: `${opts.tls ? 'mqtts' : 'mqtt'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Message {
  topic: string;
  payload: string;
  retain: boolean;
}

export interface Subscriber {
  messages: Message[];
  /** Resolves with the first message (from now or already received) that matches. */
  waitFor(pred: (m: Message) => boolean, timeoutMs?: number): Promise<Message>;
  close(): Promise<void>;
}

/** Subscribes to `topic`; `onMessage` sees each message as it arrives (the benchmark times them). */
export async function subscribe(
  url: string,
  topic = '#',
  auth: IClientOptions = {},
  onMessage?: (m: Message) => void,
): Promise<Subscriber> {
  // MQTT 5 with retain-as-published: the retain flag as the publisher set it, also for live messages.
  const client: MqttClient = await mqtt.connectAsync(url, { ...auth, reconnectPeriod: 0, protocolVersion: 5 });
  const messages: Message[] = [];
  const waiters = new Set<() => void>();
  client.on('message', (t, p, packet) => {
    const m = { topic: t, payload: p.toString('utf8'), retain: packet.retain };
    onMessage?.(m);
    messages.push(m);
    for (const w of waiters) w();
  });
  await client.subscribeAsync(topic, { qos: 1, rap: true });
  return {
    messages,
    waitFor(pred, timeoutMs = 5_000) {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => (waiters.delete(check), reject(new Error('no such MQTT message in time'))), timeoutMs);
        const check = () => {
          const m = messages.find(pred);
          if (!m) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(m);
        };
        waiters.add(check);
      });
    },
    close: () => client.endAsync(),
  };
}
