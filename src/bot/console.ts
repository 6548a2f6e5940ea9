/**
 * The local console: the bot without Discord. A line like
 * `/ask question: who said megaphone diplomacy` runs the very same command
 * handler, router and renderer as on Discord, and the reply is drawn as text
 * (or, in payload mode, written as the JSON body Discord would receive).
 * Tab completion asks the same autocomplete handlers.
 */
import { createInterface, type Interface } from 'node:readline';
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import type { EventEmitter } from 'node:events';
import type { Engine } from '../engine/index.ts';
import type { Logger } from '../log.ts';
import { ADMINISTRATOR, type Articles } from './articles.ts';
import { isMessageCommand, NO_OPTIONS, optionsOf, type Command, type CommandOptions, type Place, type ReplyPayload } from './command.ts';
import { EPHEMERAL_FLAG, USER_MESSAGE_MAX } from './limits.ts';
import { toPlainText } from './markdown.ts';
import { CONSOLE_TEXT } from './messages.ts';
import { createRateLimiter } from './rate-limit.ts';
import { renderNotice } from './render.ts';
import { closestName, createRouter, type Invocation, type Responder, type Router } from './router.ts';

/** The user id the console acts as. */
export const CONSOLE_USER_ID = '0';
/** The console's one pseudo-server, whose default article `/article-use` sets (in memory, for the session). */
export const CONSOLE_GUILD_ID = '00000000000000000';
/** The person at the console owns its pseudo-server. */
export const CONSOLE_PLACE: Place = Object.freeze({ guildId: CONSOLE_GUILD_ID, permissions: ADMINISTRATOR });
/** The option that carries a message's text to a message context-menu command in the console. */
export const MESSAGE_OPTION = 'message';
/** A line without a leading `/` is a question for this command. */
const DEFAULT_COMMAND = 'ask';
/** Words that end the console, with or without a `/`. */
const QUIT_WORDS = new Set(['quit', 'exit']);

// ----- parsing ----------------------------------------------------------------

/** How a command is typed in the console: its name, or for a context-menu command, its name in kebab case. */
export function consoleName(command: Command): string {
  return isMessageCommand(command) ? command.data.name.toLowerCase().replace(/\s+/g, '-') : command.data.name;
}

/** Every way a command may be typed after the `/`, lower case. */
function namesOf(command: Command): string[] {
  return [...new Set([consoleName(command), command.data.name.toLowerCase()])];
}

/** The options the console accepts for a command: its own, or `message:` for a message command. */
type ConsoleOption = Pick<APIApplicationCommandOption, 'name' | 'type' | 'required'> & { readonly min_length?: number; readonly max_length?: number };

function consoleOptions(command: Command): readonly ConsoleOption[] {
  // Discord takes at most 4,000 characters in a message.
  if (isMessageCommand(command)) return [{ name: MESSAGE_OPTION, type: ApplicationCommandOptionType.String, required: true, max_length: USER_MESSAGE_MAX }];
  return optionsOf(command);
}

/** The command closest to a name that is none, as typed in the console: a prefix of one, or a few edits from one. */
export function closestCommand(name: string, commands: readonly Command[]): string | null {
  return closestName(name, commands.map(consoleName));
}

/**
 * A line typed without `/` that names a command: a bare command word
 * (`help`, `timeline`), `ask …`, a hyphenated command with its text
 * (`who-is nauert`), or a command followed by one of its `option:`s. Anything
 * else is a question.
 */
function bareCommand(line: string, commands: readonly Command[]): string | null {
  const word = (/^\S+/.exec(line)?.[0] ?? '').toLowerCase();
  const rest = line.slice(word.length).trim();
  const command = commands.find((c) => consoleName(c) === word);
  if (!command) return null;
  const takesOption = consoleOptions(command).some((o) => new RegExp(`(?:^|\\s)${escapeRegExp(o.name)}:`, 'i').test(rest));
  return rest === '' || word === DEFAULT_COMMAND || word.includes('-') || takesOption ? `${consoleName(command)} ${rest}`.trim() : null;
}

/** What one console line means. */
export type ParsedLine =
  /** Blank, or a `#` comment. */
  | { readonly kind: 'nothing' }
  | { readonly kind: 'invocation'; readonly invocation: Invocation }
  /** A number alone: press the button of that number in the last reply. */
  | { readonly kind: 'press'; readonly number: number }
  /** `quit` or `exit`. */
  | { readonly kind: 'quit' }
  /** Typed wrongly: the reply says how to type it. */
  | { readonly kind: 'usage'; readonly payload: ReplyPayload };

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** Finds the command a line names: the longest name that the text after `/` starts with. */
function matchCommand(afterSlash: string, commands: readonly Command[]): { command: Command; rest: string } | null {
  const lower = afterSlash.toLowerCase();
  let best: { command: Command; rest: string; length: number } | null = null;
  for (const command of commands) {
    for (const name of namesOf(command)) {
      if (!lower.startsWith(name)) continue;
      const next = afterSlash.charAt(name.length);
      if (next !== '' && !/[\s:]/.test(next)) continue;
      if (!best || name.length > best.length) best = { command, rest: afterSlash.slice(name.length), length: name.length };
    }
  }
  return best && { command: best.command, rest: best.rest };
}

/** Where each `option:` stands in `rest`, in order. */
function optionMarkers(rest: string, names: readonly string[]): { name: string; start: number; valueStart: number }[] {
  if (names.length === 0) return [];
  const pattern = new RegExp(`(^|\\s)(${names.map(escapeRegExp).join('|')}):`, 'giu');
  return [...rest.matchAll(pattern)].map((m) => ({
    name: m[2]!.toLowerCase(),
    start: m.index + m[1]!.length,
    valueStart: m.index + m[0].length,
  }));
}

/**
 * Parses `/name option: value option2: value2`. Values may hold spaces; text
 * before the first `option:` goes to the first required option; a line
 * without `/` is a question for `/ask`.
 */
export function parseLine(line: string, commands: readonly Command[]): ParsedLine {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'nothing' };
  if (/^\d{1,3}$/.test(trimmed)) return { kind: 'press', number: Number(trimmed) };
  if (QUIT_WORDS.has(trimmed.replace(/^\//, '').toLowerCase())) return { kind: 'quit' };
  const user = { id: CONSOLE_USER_ID };
  const afterSlash = trimmed.startsWith('/') ? trimmed.slice(1) : (bareCommand(trimmed, commands) ?? `${DEFAULT_COMMAND} ${trimmed}`);
  const usage = (text: string): ParsedLine => ({ kind: 'usage', payload: renderNotice(text) });
  const matched = matchCommand(afterSlash, commands);
  if (!matched) {
    // The router answers it (with the closest command), as it answers an unknown command from Discord.
    const name = /^[^\s:]*/.exec(afterSlash)![0];
    return { kind: 'invocation', invocation: { name, options: NO_OPTIONS, user, place: CONSOLE_PLACE } };
  }
  const { command } = matched;
  const rest = matched.rest.replace(/^:/, ' ');
  const declared = consoleOptions(command);
  const markers = optionMarkers(rest, declared.map((o) => o.name));
  const values = new Map<string, string>();
  markers.forEach((m, i) => values.set(m.name, rest.slice(m.valueStart, markers[i + 1]?.start ?? rest.length).trim()));

  const leading = rest.slice(0, markers[0]?.start ?? rest.length).trim();
  if (leading) {
    const first = declared.find((o) => o.required && o.type === ApplicationCommandOptionType.String);
    if (!first || values.has(first.name)) return usage(CONSOLE_TEXT.unexpectedText(consoleName(command)));
    values.set(first.name, leading);
  }
  for (const o of declared) {
    if (o.required && !values.has(o.name)) return usage(CONSOLE_TEXT.missingOption(o.name, command.example));
    // Discord itself refuses what does not fit an option's limits; the console says so instead.
    const length = Array.from(values.get(o.name) ?? '').length;
    if (values.has(o.name) && o.max_length !== undefined && length > o.max_length) return usage(CONSOLE_TEXT.tooLong(o.name, o.max_length, length));
    if (values.has(o.name) && o.min_length !== undefined && length < o.min_length) return usage(CONSOLE_TEXT.tooShort(o.name, o.min_length));
  }

  const booleans = new Map<string, boolean>();
  const users = new Map<string, { id: string }>();
  for (const o of declared) {
    const value = values.get(o.name);
    if (value === undefined) continue;
    if (o.type === ApplicationCommandOptionType.Boolean) {
      const b = /^(?:true|yes|1)$/i.test(value) ? true : /^(?:false|no|0)$/i.test(value) ? false : null;
      if (b === null) return usage(CONSOLE_TEXT.badBoolean(o.name));
      booleans.set(o.name, b);
    } else if (o.type === ApplicationCommandOptionType.User) {
      const id = /^<@!?(\d{1,20})>$|^(\d{1,20})$/.exec(value);
      if (!id) return usage(CONSOLE_TEXT.badUser(o.name));
      users.set(o.name, { id: (id[1] ?? id[2])! });
    }
  }
  const options: CommandOptions = {
    getString: (name) => (declared.some((o) => o.name === name && o.type === ApplicationCommandOptionType.String) ? (values.get(name) ?? null) : null),
    getBoolean: (name) => booleans.get(name) ?? null,
    getUser: (name) => users.get(name) ?? null,
  };
  return {
    kind: 'invocation',
    invocation: {
      name: command.data.name,
      options: isMessageCommand(command) ? NO_OPTIONS : options,
      user,
      place: CONSOLE_PLACE,
      ...(isMessageCommand(command) ? { targetMessage: { content: values.get(MESSAGE_OPTION) ?? '' } } : {}),
    },
  };
}

// ----- completion -------------------------------------------------------------

/** Tab completion of a line: `candidates` complete its last `on` characters. */
export interface Completion {
  readonly candidates: readonly string[];
  /** The end of the line being completed; each candidate replaces it. */
  readonly on: string;
  /** For autocomplete values: the candidates are names a person reads (not a shared prefix to extend). */
  readonly names?: boolean;
}

/** Completes command names, then option names, then option values through the command's autocomplete. */
export function completeLine(line: string, router: Router): Completion {
  const none: Completion = { candidates: [], on: '' };
  if (!line.startsWith('/')) return none;
  if (/^\/\S*$/.test(line)) {
    const typed = line.slice(1).toLowerCase();
    const names = router.commands.map(consoleName).filter((n) => n.startsWith(typed));
    return { candidates: names.map((n) => `/${n} `), on: line };
  }
  const matched = matchCommand(line.slice(1), router.commands);
  if (!matched) return none;
  const { command, rest } = matched;
  const declared = consoleOptions(command);
  const markers = optionMarkers(rest, declared.map((o) => o.name));
  const given = new Set(markers.map((m) => m.name));
  const lastWord = /(?:^|\s)(\S*)$/.exec(rest)?.[1] ?? '';
  const optionNames = (): Completion => {
    const names = declared.filter((o) => !given.has(o.name) && o.name.startsWith(lastWord.toLowerCase())).map((o) => `${o.name}: `);
    return { candidates: names, on: lastWord };
  };
  const last = markers.at(-1);
  if (!last) return optionNames();
  const value = rest.slice(last.valueStart).trimStart();
  const option = declared.find((o) => o.name === last.name)!;
  if (option.type === ApplicationCommandOptionType.Boolean) {
    const words = ['true ', 'false '].filter((w) => w.startsWith(value.toLowerCase()));
    return words.length > 0 ? { candidates: words, on: value } : optionNames();
  }
  if ('autocomplete' in option && option.autocomplete) {
    // The names, as a person reads them; the command resolves a name as it does a picked choice.
    // The other options typed so far: an `article:` picks the article whose names are listed.
    const typed = new Map(markers.slice(0, -1).map((m, i) => [m.name, rest.slice(m.valueStart, markers[i + 1]?.start ?? rest.length).trim()]));
    const options: CommandOptions = { ...NO_OPTIONS, getString: (n) => typed.get(n) ?? null };
    const choices = router.complete(command.data.name, { name: option.name, value }, { options, place: CONSOLE_PLACE });
    return { candidates: choices.map((c) => `${c.name} `), on: value, names: true };
  }
  return value.includes(' ') || value === '' ? optionNames() : none;
}

// ----- drawing ------------------------------------------------------------------

const ANSI_BOLD = ['\x1b[1m', '\x1b[22m'] as const;

/** A reply as text for a terminal: title, quoted excerpt, fields, footer, link. Bold as ANSI when `color`. */
export function drawPayload(payload: ReplyPayload, { color = false }: { color?: boolean } = {}): string {
  const text = (md: string): string => toPlainText(md, color ? ANSI_BOLD : ['', '']);
  const indent = (s: string): string =>
    s
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n');
  const lines: string[] = [];
  if (payload.flags !== undefined && (payload.flags & EPHEMERAL_FLAG) !== 0) lines.push(CONSOLE_TEXT.ephemeral);
  if (payload.content) lines.push(text(payload.content).replace(/<@!?(\d+)>/g, '@$1'));
  for (const embed of payload.embeds) {
    if (embed.title) lines.push(color ? `${ANSI_BOLD[0]}${text(embed.title)}${ANSI_BOLD[1]}` : text(embed.title));
    if (embed.description) lines.push(indent(text(embed.description)));
    // The footer cites the excerpt above, so it is drawn under it rather than at the bottom as Discord does.
    if (embed.footer) lines.push(indent(text(embed.footer.text)));
    for (const field of embed.fields ?? []) lines.push('', indent(text(field.name)), indent(text(field.value)));
  }
  const pressable = buttonsOf(payload);
  for (const row of payload.components) {
    for (const button of row.components) {
      if ('url' in button) lines.push(CONSOLE_TEXT.button(button.label ?? '', button.url));
      const n = 'custom_id' in button ? pressable.indexOf(button.custom_id) : -1;
      if (n >= 0) lines.push(CONSOLE_TEXT.numberedButton(n + 1, 'label' in button ? (button.label ?? '') : ''));
    }
  }
  if (pressable.length > 0) lines.push(CONSOLE_TEXT.pressHint);
  return lines.join('\n');
}

/** The `custom_id`s of a reply's buttons that can be pressed (not links, not disabled), in order: button 1 first. */
export function buttonsOf(payload: ReplyPayload): string[] {
  return payload.components.flatMap((row) => row.components.flatMap((b) => ('custom_id' in b && !b.disabled ? [b.custom_id] : [])));
}

// ----- the loop -------------------------------------------------------------------

/** Options for {@link runConsole}. */
export interface ConsoleOptions {
  /** The articles served (with the pseudo-server's default); or, for one article, just its `engine`. */
  readonly articles?: Articles;
  readonly engine?: Engine;
  readonly commands: readonly Command[];
  readonly logger: Logger;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** A person at a terminal: prompt, banner, tab completion, colour, and the rate limit as on Discord. */
  readonly interactive: boolean;
  /** `text` draws each reply; `payload` writes each reply's JSON body on one line, and nothing else. */
  readonly mode: 'text' | 'payload';
  /** Shown first when interactive. */
  readonly banner?: string;
  /** SIGINT and SIGTERM from here end the console; default none (the caller handles signals). */
  readonly signals?: Pick<EventEmitter, 'on' | 'off'>;
  /** The rate limit applied when interactive; default 5 commands per 10 s. */
  readonly rateLimit?: { readonly count: number; readonly windowMs: number };
}

/** Reads command lines until the input ends (or a signal), answering each. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { articles, engine, commands, logger, input, output, interactive, mode, signals } = options;
  const router = createRouter({ commands, ...(articles ? { articles } : {}), ...(engine ? { engine } : {}), logger, limiter: interactive ? createRateLimiter(options.rateLimit && { limit: options.rateLimit.count, windowMs: options.rateLimit.windowMs }) : null, timestamps: 'plain' });
  // The buttons of the last reply, which a number presses; a page turn redraws and replaces them.
  let buttons: string[] = [];
  const write = (payload: ReplyPayload, { keepButtons = false } = {}): void => {
    // A notice (text only: a typo, "too fast") leaves the last reply's buttons pressable.
    if (!keepButtons && payload.embeds.length > 0) buttons = buttonsOf(payload);
    output.write(mode === 'payload' ? `${JSON.stringify(payload)}\n` : `${drawPayload(payload, { color: interactive })}\n\n`);
  };
  const completer = (line: string): [string[], string] => {
    const { candidates, on, names } = completeLine(line, router);
    if (candidates.length > 1 && names) {
      // Names share no useful prefix ("the …"): list them once and leave the line as it is.
      output.write(`\n${candidates.map((c) => `  ${c.trimEnd()}`).join('\n')}\n`);
      rl.prompt(true);
      return [[], line];
    }
    // One candidate replaces what was typed; readline does that itself (Node 20).
    return [[...candidates], on];
  };
  const rl: Interface = createInterface({
    input,
    ...(interactive ? { output, terminal: true, completer, prompt: CONSOLE_TEXT.prompt } : { terminal: false }),
    crlfDelay: Infinity,
  });
  const close = (): void => rl.close();
  signals?.on('SIGINT', close);
  signals?.on('SIGTERM', close);
  // Ctrl-C as in a shell: a line being typed is cleared; on an empty line it quits.
  rl.on('SIGINT', () => {
    if (rl.line === '') return close();
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
  });
  try {
    if (interactive) {
      if (options.banner) output.write(`${options.banner}\n\n`);
      rl.prompt();
    }
    for await (const line of rl) {
      const parsed = parseLine(line, commands);
      if (parsed.kind === 'quit') break;
      if (parsed.kind === 'usage') write(parsed.payload, { keepButtons: true });
      if (parsed.kind === 'invocation') await router.run(parsed.invocation, consoleResponder(write));
      if (parsed.kind === 'press') {
        const customId = buttons[parsed.number - 1];
        if (customId === undefined) write(renderNotice(CONSOLE_TEXT.noSuchButton(parsed.number, buttons.length)), { keepButtons: true });
        else await router.click({ customId, user: { id: CONSOLE_USER_ID } }, consoleResponder(write));
      }
      if (interactive) rl.prompt();
    }
  } finally {
    signals?.off('SIGINT', close);
    signals?.off('SIGTERM', close);
    rl.close();
  }
}

/** Replies go to the console; like Discord, a second `reply` is refused (only follow-ups may come after it). */
function consoleResponder(write: (payload: ReplyPayload) => void): Responder {
  let replied = false;
  return {
    get replied() {
      return replied;
    },
    async reply(payload) {
      if (replied) throw new Error('The reply to this command was already sent.');
      replied = true;
      write(payload);
    },
    async followUp(payload) {
      write(payload);
    },
  };
}
