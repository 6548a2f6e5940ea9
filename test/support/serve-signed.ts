/**
 * HTTP interactions mode in the test's own process: its configuration on a free
 * loopback port, verified with a test key pair, calling the Discord double; and
 * the server started through `serveInteractions`, as `npm start` does.
 */
import { loadConfig, type Env } from '../../src/config.ts';
import { serveInteractions, type InteractionsModeOptions } from '../../src/http/serve.ts';

/** The configuration of HTTP mode on 127.0.0.1, a free port, the given public key and Discord API, plus `env`. */
export function signedModeConfig(publicKeyHex: string, apiUrl: string, env: Env = {}): InteractionsModeOptions['config'] {
  const config = loadConfig({ INTERACTIONS_PORT: '0', INTERACTIONS_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_API_URL: apiUrl, ...env });
  if (!config.interactions) throw new Error('INTERACTIONS_PORT did not select HTTP mode');
  return { ...config, interactions: config.interactions };
}

/** Starts the server; resolves once it listens, with its port and the exit code it will end with. */
export async function serveSigned(options: Omit<InteractionsModeOptions, 'onListening'>): Promise<{ port: number; served: Promise<number> }> {
  let served!: Promise<number>;
  const port = await new Promise<number>((resolve) => {
    served = serveInteractions({ ...options, onListening: resolve });
  });
  return { port, served };
}
