/**
 * `npm run invite`: prints the link that adds the bot to a server, for the
 * application DISCORD_APPLICATION_ID. It asks for the `bot` and
 * `applications.commands` scopes and no permission at all: every reply is an
 * interaction response or a follow-up, which Discord delivers through the
 * interaction's own webhook whatever the bot's channel permissions, and the
 * bot reads no messages (no privileged intent, no intent at all).
 */
import { ConfigError, type Env } from '../config.ts';
import { EXIT, isEntryModule, loadSetup, parseFlags, processIo, runAsEntry, type Io } from '../bot/app.ts';

const USAGE = `Usage: npm run -s invite   print the link that adds the bot to a server (needs DISCORD_APPLICATION_ID)`;

/** Discord's OAuth2 authorization page. */
export const OAUTH2_AUTHORIZE_URL = 'https://discord.com/oauth2/authorize';
/** The scopes asked for: the bot user, and its commands. */
export const INVITE_SCOPES = ['bot', 'applications.commands'] as const;
/** The permission bits asked for: none (see the module comment). */
export const INVITE_PERMISSIONS = 0n;
/** `integration_type` of a server install. */
const GUILD_INSTALL = 0;

/** The server-install link for `applicationId`. */
export function inviteUrl(applicationId: string): string {
  const url = new URL(OAUTH2_AUTHORIZE_URL);
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', INVITE_SCOPES.join(' '));
  url.searchParams.set('permissions', INVITE_PERMISSIONS.toString());
  url.searchParams.set('integration_type', String(GUILD_INSTALL));
  return url.toString();
}

export async function runInvite(argv: readonly string[], env?: Env, io: Io = processIo()): Promise<number> {
  const values = parseFlags(argv, {}, USAGE, io);
  if (typeof values === 'number') return values;
  const setup = loadSetup(env, io, () => 'warn');
  if (typeof setup === 'number') return setup;
  const { applicationId } = setup.config;
  if (!applicationId) {
    const err = new ConfigError([{ variable: 'DISCORD_APPLICATION_ID', problem: 'is not set; the link names the application (Developer Portal → General Information → Application ID)' }]);
    io.stderr.write(`${err.message}\n`);
    return EXIT.usage;
  }
  io.stdout.write(`${inviteUrl(applicationId)}\n`);
  return EXIT.ok;
}

if (isEntryModule(import.meta.url)) await runAsEntry(() => runInvite(process.argv.slice(2)));
