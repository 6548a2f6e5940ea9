/**
 * `npm run deploy`: registers the commands with Discord — in the server
 * DISCORD_GUILD_ID when set (instantly), else globally — and prints what it
 * registered. `--dry-run` prints the JSON it would send and needs no token.
 */
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commands as allCommands } from '../../commands/index.ts';
import { ConfigError, requireDeployConfig, type Env } from '../config.ts';
import { scrub } from '../log.ts';
import { EXIT, isEntryModule, loadSetup, parseFlags, processIo, runAsEntry, type Io } from '../bot/app.ts';
import type { Command } from '../bot/command.ts';
import { COMMAND_DESCRIPTION_MAX, COMMAND_NAME_PATTERN, COMMAND_OPTIONS_MAX, CONTEXT_MENU_NAME_MAX } from '../bot/limits.ts';

const USAGE = `Usage: npm run deploy              register the commands (DISCORD_TOKEN, DISCORD_APPLICATION_ID; DISCORD_GUILD_ID for one server)
       npm run -s deploy -- --dry-run  print the JSON that would be sent (no token needed)`;

/**
 * The bodies to register. Guild commands drop `integration_types` and
 * `contexts`, which Discord documents as global-only.
 */
export function registrationBodies(commands: readonly Command[], scope: 'global' | 'guild'): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((c) => {
    const body = c.data.toJSON();
    if (scope === 'global') return body;
    const { integration_types: _integrationTypes, contexts: _contexts, ...rest } = body;
    return rest;
  });
}

/** Problems Discord would reject the registration for (names, descriptions, counts); empty when none. */
export function registrationProblems(bodies: readonly RESTPostAPIApplicationCommandsJSONBody[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const body of bodies) {
    const chatInput = body.type === undefined || body.type === 1;
    const key = `${body.type ?? 1}:${body.name}`;
    if (seen.has(key)) problems.push(`${body.name}: registered twice`);
    seen.add(key);
    if (chatInput) {
      if (!COMMAND_NAME_PATTERN.test(body.name) || body.name !== body.name.toLowerCase()) problems.push(`${body.name}: not a valid command name`);
      const description = 'description' in body ? body.description : '';
      if (!description || description.length > COMMAND_DESCRIPTION_MAX) problems.push(`${body.name}: description must be 1–${COMMAND_DESCRIPTION_MAX} characters`);
      const options = 'options' in body ? (body.options ?? []) : [];
      if (options.length > COMMAND_OPTIONS_MAX) problems.push(`${body.name}: more than ${COMMAND_OPTIONS_MAX} options`);
      for (const o of options) {
        if (!COMMAND_NAME_PATTERN.test(o.name) || o.name !== o.name.toLowerCase()) problems.push(`${body.name} ${o.name}: not a valid option name`);
        if (!o.description || o.description.length > COMMAND_DESCRIPTION_MAX) problems.push(`${body.name} ${o.name}: description must be 1–${COMMAND_DESCRIPTION_MAX} characters`);
      }
    } else if (body.name.length < 1 || body.name.length > CONTEXT_MENU_NAME_MAX) {
      problems.push(`${body.name}: context-menu names are 1–${CONTEXT_MENU_NAME_MAX} characters`);
    }
  }
  return problems;
}

const describe = (bodies: readonly RESTPostAPIApplicationCommandsJSONBody[]): string =>
  bodies.map((b) => (b.type === undefined || b.type === 1 ? `/${b.name}` : `"${b.name}" (message menu)`)).join(', ');

/** Why a registration failed, in words naming the variable to check. Never contains the token. */
function explain(err: unknown, guildId: string | null): string {
  const e = err as { status?: unknown; code?: unknown; message?: unknown };
  if (e.status === 401) return 'DISCORD_TOKEN was rejected by Discord (401 Unauthorized): reset it in the Developer Portal and update .env.';
  if (e.status === 403 && guildId) return 'Discord refused (403): is the bot in the server DISCORD_GUILD_ID, with the applications.commands scope?';
  if (e.status === 404 || e.code === 10002) return `Discord answered 404: check DISCORD_APPLICATION_ID${guildId ? ' and DISCORD_GUILD_ID' : ''}.`;
  return `Registering failed: ${String(e.message ?? err)}`;
}

export async function runDeploy(argv: readonly string[], env?: Env, io: Io = processIo(), commands: readonly Command[] = allCommands): Promise<number> {
  const values = parseFlags(argv, { 'dry-run': { type: 'boolean' } }, USAGE, io);
  if (typeof values === 'number') return values;
  const setup = loadSetup(env, io, () => 'warn');
  if (typeof setup === 'number') return setup;
  const { config } = setup;
  const scope = config.guildId ? 'guild' : 'global';
  const where = config.guildId ? `in the server ${config.guildId}` : 'globally (all servers, DMs and user installs)';
  const bodies = registrationBodies(commands, scope);
  const problems = registrationProblems(bodies);
  if (problems.length > 0) {
    io.stderr.write(`The commands are not valid for Discord:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return EXIT.failure;
  }

  if (values['dry-run']) {
    io.stdout.write(`${JSON.stringify(bodies, null, 2)}\n`);
    io.stderr.write(`Dry run: would register ${bodies.length} commands ${where}: ${describe(bodies)}\n`);
    return EXIT.ok;
  }

  let token: string;
  let applicationId: string;
  try {
    const needed = requireDeployConfig(config);
    token = needed.token.reveal();
    applicationId = needed.applicationId;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return EXIT.usage;
  }
  const route = config.guildId ? Routes.applicationGuildCommands(applicationId, config.guildId) : Routes.applicationCommands(applicationId);
  const rest = new REST({ api: config.apiUrl, retries: 1, timeout: 15_000 }).setToken(token);
  try {
    const registered = (await rest.put(route, { body: bodies })) as RESTPostAPIApplicationCommandsJSONBody[];
    io.stdout.write(`Registered ${registered.length} commands ${where}: ${describe(registered)}\n`);
    if (scope === 'global') io.stdout.write('Global commands can take a while to appear; set DISCORD_GUILD_ID to try them in one server at once.\n');
    return EXIT.ok;
  } catch (err) {
    io.stderr.write(`${scrub(explain(err, config.guildId), token)}\n`);
    return EXIT.failure;
  }
}

if (isEntryModule(import.meta.url)) await runAsEntry(() => runDeploy(process.argv.slice(2)));
