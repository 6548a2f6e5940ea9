/**
 * Signing interactions as Discord does (Ed25519 over timestamp + body), and
 * posting them to the bot's HTTP endpoint over loopback with keep-alive.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Agent, request } from 'node:http';

/** A fresh application key pair: the private half signs, `publicKeyHex` goes in DISCORD_PUBLIC_KEY. */
export function applicationKeys(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

/** The signature headers for `body` at `timestamp` (unix seconds, default now). */
export function signatureHeaders(privateKey: KeyObject, body: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const ts = String(timestamp);
  const signature = sign(null, Buffer.concat([Buffer.from(ts), Buffer.from(body)]), privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts };
}

/** An HTTP answer. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One request to `http://127.0.0.1:port{path}`. */
export function httpRequest(port: number, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs `interaction` and POSTs it to /interactions. */
export function postInteraction(port: number, privateKey: KeyObject, interaction: unknown): Promise<HttpAnswer> {
  const body = JSON.stringify(interaction);
  return httpRequest(port, 'POST', '/interactions', body, signatureHeaders(privateKey, body));
}
