/**
 * A test double of Discord's REST API v10 and gateway v10 that listens on
 * 127.0.0.1 only, for end-to-end tests that drive the real, unmodified
 * discord.js client.
 *
 * Point the client at it with `new Client({ intents, rest: { api: double.apiUrl } })`
 * (or set `DISCORD_API_URL` if the bot reads it). The gateway URL is handed out by
 * `GET /api/v10/gateway/bot`, so nothing else needs changing. Everything the client
 * sends is recorded (`requests`, `frames`, `connections`) and the double can inject
 * gateway trouble (dropped sockets, op 7, op 9, close codes) and REST failures
 * (429 with the headers discord.js reads, 5xx, 401).
 *
 * See /work/shared/notes/discord-on-loopback.md for what the real client needs.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

/** A JSON object as parsed from a request body or gateway frame. */
export type JsonObject = Record<string, unknown>;

/** Options for {@link startDiscordDouble}. */
export interface DiscordDoubleOptions {
  /** Snowflake of the application (and of the bot user). Must be 17–19 digits: discord.js only buckets webhook routes for such ids. Default `'1300000000000000001'`. */
  applicationId?: string;
  /** `heartbeat_interval` sent in HELLO, in ms. Default 41250 (Discord's). Use a few hundred ms to see heartbeats in a test. */
  heartbeatInterval?: number;
  /** When set, only this bot token is accepted (REST `Authorization: Bot <token>` and IDENTIFY); any other gets 401 / close 4004. Default: any token. */
  token?: string;
  /** Username of the bot user in READY and `/users/@me`. Default `'double-bot'`. */
  botUsername?: string;
  /**
   * Reject an interaction callback that arrives later than this many ms after the
   * INTERACTION_CREATE was sent, with 404 `Unknown interaction` (10062) like Discord
   * does after 3 s. Default: no deadline.
   */
  interactionDeadlineMs?: number;
  /**
   * Check bodies the way Discord does (message content ≤ 2000, embed limits, empty
   * messages, autocomplete choices, command names/descriptions) and answer 400 with a
   * Discord-style error. Default true.
   */
  validate?: boolean;
  /** `shards` recommended by `GET /gateway/bot` (what `shards: 'auto'` uses). Default 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency`: how many shards may identify at once. Default 1 (Discord's for most bots: one every 5 s). */
  maxConcurrency?: number;
}

/** A file part of a multipart/form-data request. */
export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The bytes as UTF-8 text (handy for small text attachments). */
  text: string;
}

/** One REST request the double received, with the answer it gave. */
export interface RecordedRequest {
  /** 0-based arrival order. */
  index: number;
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Path as it arrived on the wire, undecoded and with the `/api/v10` prefix, without the query. */
  rawPath: string;
  /** API version from the path (`/api/v10/...` → 10), or null when absent. */
  apiVersion: number | null;
  query: Record<string, string>;
  /** Header names are lower-case; repeated headers are joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON body; for multipart/form-data the parsed `payload_json` part. Undefined when there is none. */
  body: unknown;
  /** Body text as received (multipart bodies included). */
  rawBody: string;
  /** File parts of a multipart body. */
  files: RecordedFile[];
  /** `Date.now()` when the request arrived. */
  time: number;
  /** `performance.now()` when the request arrived: monotonic, sub-millisecond, for latency measurements. */
  at: number;
  /** Status the double answered with. */
  status: number;
  /** JSON the double answered with; undefined for 204. */
  response: unknown;
  /** True when the answer came from {@link DiscordDouble.failRoute} or {@link DiscordDouble.rejectToken}. */
  injected: boolean;
}

/** One gateway frame, in either direction. */
export interface RecordedFrame {
  /** `in`: sent by the client; `out`: sent by the double. */
  dir: 'in' | 'out';
  /** {@link GatewayConnectionInfo.id} of the socket it travelled on. */
  connection: number;
  /** Opcode, or null when the client sent something that is not a JSON payload. */
  op: number | null;
  t?: string | null;
  s?: number | null;
  /** Payload data; for undecodable input, the raw text. */
  d: unknown;
  time: number;
  /** `performance.now()` when it was sent or received: monotonic, sub-millisecond. */
  at: number;
}

/** One gateway WebSocket connection. */
export interface GatewayConnectionInfo {
  /** 1-based, in order of connection. */
  id: number;
  /** Request target the client connected with, e.g. `/gateway?v=10&encoding=json`. */
  url: string;
  openedAt: number;
  closedAt?: number;
  /** Close code seen by the double (1006 when the TCP connection just ended). */
  closeCode?: number;
  /** Session this socket identified or resumed into. */
  sessionId?: string;
}

/** Which requests a failure applies to. */
export interface RouteMatcher {
  /** HTTP method, case-insensitive. Default: any. */
  method?: string;
  /** Decoded path below `/api/v10` (exact string) or a pattern tested against it. Default: any. */
  path?: string | RegExp;
}

/** Matches recorded requests; a function gets each request. */
export type RequestMatcher =
  | (RouteMatcher & {
      /** Only requests answered with this status. */
      status?: number;
    })
  | ((request: RecordedRequest) => boolean);

/** Matches recorded frames; a function gets each frame. */
export type FrameMatcher =
  | { dir?: 'in' | 'out'; op?: number; t?: string }
  | ((frame: RecordedFrame) => boolean);

interface FailureExtras {
  /** Replace the JSON body. */
  body?: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/**
 * An injected failure. 429 carries the body `{message, retry_after, global}` and the
 * headers discord.js reads (`retry-after`, `x-ratelimit-*`, `x-ratelimit-scope`,
 * `x-ratelimit-global` when global). Others get Discord's `{message: '<status>: <text>', code: 0}`.
 */
export type FailureResponse =
  | (FailureExtras & {
      status: 429;
      /** Seconds, sent as a decimal in both `retry-after` and `retry_after` (Discord rounds the header up; decimals keep tests fast). */
      retryAfter: number;
      global?: boolean;
      /** `x-ratelimit-scope`. Default `global` when global, else `user`. */
      scope?: 'user' | 'global' | 'shared';
    })
  | (FailureExtras & { status: 400 | 401 | 403 | 404 | 405 | 500 | 502 | 503 | 504 });

/** Handle on an injected failure. */
export interface FailureHandle {
  /** How many requests it has answered so far. */
  readonly hits: number;
  /** How many more it will answer. */
  readonly remaining: number;
  /** Stop injecting it. */
  cancel(): void;
}

/** Where an interaction happens and who sends it. */
export interface InteractionContext {
  /** DM shape: top-level `user`, channel of type 1, no `guild_id` / `member`. Default: guild. */
  dm?: boolean;
  /** Merged over the default invoking user (`double.defaults.user`). */
  user?: JsonObject;
  /** Default `double.defaults.guildId`. */
  guildId?: string;
  /** Default `double.defaults.channelId` (guild) or `double.defaults.dmChannelId` (DM). */
  channelId?: string;
  /** Default `'en-US'`. */
  locale?: string;
  /** The invoking member's permissions in the channel (a decimal bitfield, guild only). Default: those of an ordinary member. */
  memberPermissions?: string;
}

/** An interaction to dispatch; unspecified fields get valid defaults. */
export interface InteractionSpec extends InteractionContext {
  /** Interaction type: 2 command (default), 3 component, 4 autocomplete, 5 modal. */
  type?: number;
  /** The `data` field (command name, options, …). Default `{}`. */
  data?: JsonObject;
  /** Merged over the finished payload, last. A key whose value is `undefined` is deleted: use it to send deliberately broken interactions. */
  fields?: Record<string, unknown>;
}

/** Sends exactly `raw` as the INTERACTION_CREATE `d`, nothing filled in. */
export interface RawInteraction {
  raw: unknown;
}

/** What {@link DiscordDouble.dispatchInteraction} sent. */
export interface DispatchedInteraction {
  /** Interaction id (empty string when a raw payload had none). */
  id: string;
  /** Interaction token (empty string when a raw payload had none). */
  token: string;
  /** Gateway sequence number of the dispatch. */
  s: number;
  /** The `d` that was sent. */
  payload: unknown;
}

/** Option values for the interaction builders: a name → value map (types inferred: string 3, integer 4, boolean 5, other number 10) or API option objects as-is. */
export type OptionsInput = Record<string, string | number | boolean> | JsonObject[];

/** Fixed ids the double uses when a test does not give its own. */
export interface DoubleDefaults {
  guildId: string;
  channelId: string;
  dmChannelId: string;
  /** The default invoking user. */
  user: JsonObject;
}

/** A running Discord stand-in. Create with {@link startDiscordDouble}; always `close()` it. */
export interface DiscordDouble {
  /** `http://127.0.0.1:PORT/api`: pass as `rest: { api }` or `DISCORD_API_URL`. */
  readonly apiUrl: string;
  /** Gateway URL handed out by `/gateway/bot`. */
  readonly gatewayUrl: string;
  /** URL sent as READY's `resume_gateway_url` (same server, different path). */
  readonly resumeGatewayUrl: string;
  readonly applicationId: string;
  /** The bot user sent in READY. */
  readonly botUser: JsonObject;
  readonly defaults: DoubleDefaults;
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Every gateway frame, both directions. */
  readonly frames: RecordedFrame[];
  /** Every gateway connection. */
  readonly connections: GatewayConnectionInfo[];
  /** Exceptions caught inside the double's own handlers; should stay empty. */
  readonly errors: Error[];
  /** Number of IDENTIFY (op 2) frames received. */
  readonly identifyCount: number;
  /** Number of RESUME (op 6) frames received. */
  readonly resumeCount: number;
  /** Id of the session the client last identified or resumed into. */
  readonly sessionId: string | undefined;

  /** Body of the last PUT of commands, as the client sent it. With `guildId`, the last PUT for that guild; with `null`, the last global PUT; without an argument, the last PUT of either kind. `[]` when none. */
  registeredCommands(guildId?: string | null): unknown[];

  /** Resolves with the first truthy value `probe` returns; re-checked on every recorded request, frame and connection change. Rejects after `timeoutMs` (default 5000). */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number, what?: string): Promise<T>;
  /** Next request recorded after this call that matches. */
  nextRequest(matcher: RequestMatcher, timeoutMs?: number): Promise<RecordedRequest>;
  /** Next frame recorded after this call that matches. */
  nextFrame(matcher: FrameMatcher, timeoutMs?: number): Promise<RecordedFrame>;
  /** Resolves when an open socket has identified or resumed (READY or RESUMED sent). */
  waitForConnection(timeoutMs?: number): Promise<GatewayConnectionInfo>;

  /** Sends an op 0 dispatch on the current session. If its socket is down the event is kept and replayed on RESUME. Returns the sequence number. Throws when no session exists. */
  dispatch(t: string, d: unknown): Promise<number>;
  /** Sends INTERACTION_CREATE. A spec is completed with every field discord.js needs; `{ raw }` is sent as is. */
  dispatchInteraction(input: InteractionSpec | RawInteraction): Promise<DispatchedInteraction>;
  /**
   * Builds an interaction and tracks it as {@link dispatchInteraction} does, but sends nothing: for
   * HTTP interactions mode, where a test POSTs it to the bot and relays the bot's HTTP answer to the
   * callback route (`/interactions/{id}/{token}/callback`), as Discord does with it.
   */
  httpInteraction(input: InteractionSpec | RawInteraction): JsonObject;
  /** Sends INTERACTION_CREATE on the live session of shard `shardId` (its IDENTIFY said `[shardId, count]`). Throws when that shard has none. */
  dispatchInteractionOnShard(shardId: number, input: InteractionSpec | RawInteraction): Promise<DispatchedInteraction>;
  /** Spec for a chat-input command (type 2, data.type 1). */
  slashCommand(name: string, options?: OptionsInput, ctx?: InteractionContext): InteractionSpec;
  /** Spec for an autocomplete interaction (type 4). `focused` names the focused option; with API option objects, mark it `focused: true` yourself or pass it here. */
  autocomplete(name: string, options: OptionsInput, focused?: string, ctx?: InteractionContext): InteractionSpec;
  /** Spec for a message context-menu command (type 2, data.type 3); `targetMessage` is merged over a complete message object. */
  messageContextMenu(name: string, targetMessage?: JsonObject, ctx?: InteractionContext): InteractionSpec;
  /**
   * Spec for a press of a button (type 3, component_type 2) with `customId`, on `message`: pass
   * {@link DiscordDouble.replyMessage} to press a button of a reply the bot sent, or any fields to merge over a
   * complete message of the bot's.
   */
  button(customId: string, message?: JsonObject, ctx?: InteractionContext): InteractionSpec;
  /** The message the bot's first response (type 4) to an interaction created, as Discord would send it back; undefined when none. */
  replyMessage(interactionId: string): JsonObject | undefined;

  /** Body of the first successful (2xx) callback POST for the interaction. */
  interactionResponse(interactionId: string, timeoutMs?: number): Promise<JsonObject>;
  /** Body of the first successful PATCH of `@original` for the interaction token. */
  originalEdit(token: string, timeoutMs?: number): Promise<JsonObject>;
  /** Body of the `index`-th (0-based) successful follow-up POST for the interaction token. */
  followUp(token: string, index?: number, timeoutMs?: number): Promise<JsonObject>;
  /** Every request (any status) about one interaction: its callback and its webhook routes. Accepts the id or the token. */
  interactionRequests(idOrToken: string): RecordedRequest[];

  /** Ends the current socket's TCP connection without a close frame (the client sees 1006). */
  dropSocket(): void;
  /** Sends op 7 RECONNECT on the current socket. */
  sendReconnect(): void;
  /** Sends op 9 INVALID_SESSION with `d: resumable`. When false the session is forgotten, as Discord does. */
  sendInvalidSession(resumable: boolean): void;
  /** Sends op 1: asks the client for an immediate heartbeat. */
  requestHeartbeat(): void;
  /** Closes the current socket with a close frame carrying `code`. */
  closeWith(code: number, reason?: string): void;
  /** Stop (false) or resume (true) answering heartbeats with op 11. */
  ackHeartbeats(enabled: boolean): void;

  /** Answers the next `times` (default 1) matching requests with `response` instead of handling them. */
  failRoute(matcher: RouteMatcher, response: FailureResponse, times?: number): FailureHandle;
  /** From now on (or until `rejectToken(false)`): every authenticated REST route answers 401 and IDENTIFY/RESUME are refused (close 4004). */
  rejectToken(reject?: boolean): void;

  /** Stops the servers and terminates every socket; pending waits reject. */
  close(): Promise<void>;
}

const DISCORD_EPOCH = 1420070400000n;
const GUILD_TEXT = 0;
const DM = 1;
const BOT_PERMISSIONS = '2248473465835073';

interface Session {
  id: string;
  token: string;
  seq: number;
  /** Dispatches kept for replay on RESUME. */
  events: { s: number; t: string; d: unknown }[];
  conn: Conn | undefined;
  shard: unknown;
}

interface Conn {
  info: GatewayConnectionInfo;
  ws: WebSocket;
  session: Session | undefined;
}

interface Failure {
  matcher: RouteMatcher;
  response: FailureResponse;
  remaining: number;
  hits: number;
}

interface TrackedInteraction {
  id: string;
  token: string;
  channelId: string | undefined;
  sentAt: number;
  acknowledged: boolean;
  /** Callback type that acknowledged it. */
  ackType: number | undefined;
  ephemeral: boolean;
  original: JsonObject | undefined;
  messages: Map<string, JsonObject>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  injected?: boolean;
}

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parses a request target; a base-relative `new URL()` would read `//x` as a host. */
function parseTarget(url: string | undefined): URL {
  const target = url ?? '/';
  return new URL(`http://127.0.0.1${target.startsWith('/') ? target : `/${target}`}`);
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data)).toString('utf8');
  return data.toString('utf8');
}

/** Discord-style `Invalid Form Body` error collector. */
class FormErrors {
  readonly tree: JsonObject = {};
  count = 0;

  add(path: (string | number)[], code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const k = String(key);
      const next = node[k];
      if (isObject(next)) {
        node = next;
      } else {
        const created: JsonObject = {};
        node[k] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
    list.push({ code, message });
    node._errors = list;
    this.count += 1;
  }

  reply(): Reply | undefined {
    if (this.count === 0) return undefined;
    return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: this.tree } };
  }
}

function checkLength(errors: FormErrors, path: (string | number)[], value: unknown, max: number, min = 0): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
    return;
  }
  // Discord counts UTF-16 code units like JavaScript does.
  if (value.length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  else if (value.length < min) errors.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
}

function embedLength(embed: JsonObject): number {
  let total = 0;
  const add = (v: unknown): void => {
    if (typeof v === 'string') total += v.length;
  };
  add(embed.title);
  add(embed.description);
  if (isObject(embed.footer)) add(embed.footer.text);
  if (isObject(embed.author)) add(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const f of embed.fields) {
      if (isObject(f)) {
        add(f.name);
        add(f.value);
      }
    }
  }
  return total;
}

/** Message limits from Discord's docs; `prefix` locates the message inside the body. */
function checkMessage(
  errors: FormErrors,
  prefix: (string | number)[],
  msg: JsonObject,
  fileCount: number,
  requireSomething: boolean,
): Reply | undefined {
  checkLength(errors, [...prefix, 'content'], msg.content, 2000);
  if (msg.embeds !== undefined && msg.embeds !== null) {
    if (!Array.isArray(msg.embeds)) {
      errors.add([...prefix, 'embeds'], 'BASE_TYPE_ARRAY', 'Must be an array.');
    } else {
      if (msg.embeds.length > 10) errors.add([...prefix, 'embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
      let total = 0;
      msg.embeds.forEach((embed, i) => {
        if (!isObject(embed)) return;
        const at = [...prefix, 'embeds', i];
        checkLength(errors, [...at, 'title'], embed.title, 256);
        checkLength(errors, [...at, 'description'], embed.description, 4096);
        if (isObject(embed.footer)) checkLength(errors, [...at, 'footer', 'text'], embed.footer.text, 2048);
        if (isObject(embed.author)) checkLength(errors, [...at, 'author', 'name'], embed.author.name, 256);
        if (Array.isArray(embed.fields)) {
          if (embed.fields.length > 25) errors.add([...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
          embed.fields.forEach((field, j) => {
            if (!isObject(field)) return;
            checkLength(errors, [...at, 'fields', j, 'name'], field.name, 256, 1);
            checkLength(errors, [...at, 'fields', j, 'value'], field.value, 1024, 1);
          });
        }
        total += embedLength(embed);
      });
      if (total > 6000) errors.add([...prefix, 'embeds'], 'MESSAGE_EMBEDS_TOO_LONG', 'Embed size exceeds maximum size of 6000');
    }
  }
  const formError = errors.reply();
  if (formError) return formError;
  if (requireSomething) {
    const nonEmpty = (v: unknown): boolean => (typeof v === 'string' ? v.length > 0 : Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);
    const hasBody =
      nonEmpty(msg.content) ||
      nonEmpty(msg.embeds) ||
      nonEmpty(msg.components) ||
      nonEmpty(msg.sticker_ids) ||
      nonEmpty(msg.poll) ||
      nonEmpty(msg.attachments) ||
      fileCount > 0;
    if (!hasBody) return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  }
  return undefined;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkOptions(errors: FormErrors, path: (string | number)[], options: unknown): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  let sawOptional = false;
  const names = new Set<string>();
  options.forEach((opt, i) => {
    if (!isObject(opt)) {
      errors.add([...path, i], 'MODEL_TYPE_REQUIRED', 'Must be an object.');
      return;
    }
    const name = str(opt.name) ?? '';
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      errors.add([...path, i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    if (names.has(name)) errors.add([...path, i, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option name already exists');
    names.add(name);
    checkLength(errors, [...path, i, 'description'], opt.description ?? '', 100, 1);
    if (opt.type === 1 || opt.type === 2) {
      checkOptions(errors, [...path, i, 'options'], opt.options);
    } else if (opt.required === true) {
      if (sawOptional) errors.add([...path, i, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    } else {
      sawOptional = true;
    }
    if (Array.isArray(opt.choices) && opt.choices.length > 25) {
      errors.add([...path, i, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
  });
}

function checkCommands(body: unknown): Reply | undefined {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors.reply();
  }
  if (body.length > 100) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  const seen = new Set<string>();
  body.forEach((cmd, i) => {
    if (!isObject(cmd)) {
      errors.add([i], 'MODEL_TYPE_REQUIRED', 'Must be an object.');
      return;
    }
    const type = typeof cmd.type === 'number' ? cmd.type : 1;
    const name = str(cmd.name) ?? '';
    if (type === 1) {
      if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
        errors.add([i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
      }
      checkLength(errors, [i, 'description'], cmd.description ?? '', 100, 1);
      checkOptions(errors, [i, 'options'], cmd.options);
    } else {
      checkLength(errors, [i, 'name'], name, 32, 1);
      if (typeof cmd.description === 'string' && cmd.description !== '') {
        errors.add([i, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have description');
      }
    }
    const key = `${type}:${name}`;
    if (seen.has(key)) errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
  });
  return errors.reply();
}

function checkChoices(errors: FormErrors, choices: unknown): void {
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (choices.length > 25) errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice, i) => {
    if (!isObject(choice)) return;
    checkLength(errors, ['data', 'choices', i, 'name'], choice.name ?? '', 100, 1);
    if (typeof choice.value === 'string') checkLength(errors, ['data', 'choices', i, 'value'], choice.value, 100);
  });
}

/**
 * Starts a Discord double on 127.0.0.1 with an ephemeral port. REST is served under
 * `/api`, the gateway on `/gateway` and resumes on `/gateway-resume`, all on one port.
 */
export async function startDiscordDouble(opts: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  const applicationId = opts.applicationId ?? '1300000000000000001';
  const heartbeatInterval = opts.heartbeatInterval ?? 41250;
  const validate = opts.validate ?? true;

  let snowflakeIncrement = 0;
  const snowflake = (): string => {
    snowflakeIncrement = (snowflakeIncrement + 1) & 0xfff;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | BigInt(snowflakeIncrement)).toString();
  };

  const botUser: JsonObject = {
    id: applicationId,
    username: opts.botUsername ?? 'double-bot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
    flags: 0,
    public_flags: 0,
  };
  const defaults: DoubleDefaults = {
    guildId: '1300000000000000100',
    channelId: '1300000000000000200',
    dmChannelId: '1300000000000000300',
    user: {
      id: '1300000000000000400',
      username: 'tester',
      discriminator: '0',
      global_name: 'Tester',
      avatar: null,
      public_flags: 0,
    },
  };

  const requests: RecordedRequest[] = [];
  const frames: RecordedFrame[] = [];
  const connections: GatewayConnectionInfo[] = [];
  const errors: Error[] = [];
  const waiters = new Set<Waiter>();
  const failures: Failure[] = [];
  const sessions = new Map<string, Session>();
  const interactionsById = new Map<string, TrackedInteraction>();
  const interactionsByToken = new Map<string, TrackedInteraction>();
  const commandIds = new Map<string, string>();
  const commandPuts: { guildId: string | null; body: unknown[] }[] = [];
  const registered = new Map<string, JsonObject[]>();
  const conns = new Set<Conn>();
  let currentSession: Session | undefined;
  let tokenRejected = false;
  let acking = true;
  let closed = false;
  let port = 0;

  const notify = (): void => {
    for (const waiter of [...waiters]) waiter.check();
  };

  const recordError = (error: unknown): void => {
    errors.push(error instanceof Error ? error : new Error(String(error)));
  };

  const tokenOk = (token: string | undefined): boolean =>
    !tokenRejected && token !== undefined && token !== '' && (opts.token === undefined || token === opts.token);


  const sendFrame = (conn: Conn, payload: { op: number; d: unknown; t?: string | null; s?: number | null }): Promise<void> => {
    if (conn.ws.readyState !== WebSocket.OPEN) return Promise.resolve();
    const frame = { t: payload.t ?? null, s: payload.s ?? null, op: payload.op, d: payload.d };
    frames.push({ dir: 'out', connection: conn.info.id, op: frame.op, t: frame.t, s: frame.s, d: frame.d, time: Date.now(), at: performance.now() });
    notify();
    return new Promise((resolve) => {
      // A failed send means the socket died; the client will reconnect and the test decides what that means.
      conn.ws.send(JSON.stringify(frame), () => resolve());
    });
  };

  const liveConn = (): Conn | undefined => {
    const conn = currentSession?.conn;
    return conn && conn.ws.readyState === WebSocket.OPEN ? conn : undefined;
  };

  const requireLive = (what: string): Conn => {
    const conn = liveConn();
    if (!conn) throw new Error(`discord double: ${what} needs an open, identified gateway connection`);
    return conn;
  };

  const dispatchOnSession = (session: Session, t: string, d: unknown, keep: boolean): { s: number; sent: Promise<void> } => {
    session.seq += 1;
    const s = session.seq;
    if (keep) {
      session.events.push({ s, t, d });
      // Discord keeps a bounded backlog too; a long test must not grow without limit.
      if (session.events.length > 1000) session.events.shift();
    }
    const conn = session.conn;
    const sent = conn && conn.session === session ? sendFrame(conn, { op: 0, t, s, d }) : Promise.resolve();
    return { s, sent };
  };

  const readyPayload = (session: Session): JsonObject => ({
    v: 10,
    user: botUser,
    user_settings: {},
    guilds: [],
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    session_id: session.id,
    session_type: 'normal',
    resume_gateway_url: resumeGatewayUrl,
    shard: session.shard,
    application: { id: applicationId, flags: 0 },
    auth: {},
    _trace: ['["discord-double",{"micros":0}]'],
  });

  const onGatewayMessage = (conn: Conn, data: RawData): void => {
    const text = rawDataToString(data);
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
    if (!isObject(payload) || typeof payload.op !== 'number') {
      frames.push({ dir: 'in', connection: conn.info.id, op: null, d: text, time: Date.now(), at: performance.now() });
      notify();
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const op = payload.op;
    const d = payload.d;
    frames.push({ dir: 'in', connection: conn.info.id, op, d, time: Date.now(), at: performance.now() });
    notify();

    switch (op) {
      case 1: {
        if (acking) void sendFrame(conn, { op: 11, d: null });
        return;
      }
      case 2: {
        if (conn.session) {
          conn.ws.close(4005, 'Already authenticated.');
          return;
        }
        const token = isObject(d) ? str(d.token) : undefined;
        if (!tokenOk(token)) {
          conn.ws.close(4004, 'Authentication failed.');
          return;
        }
        const session: Session = {
          id: randomBytes(16).toString('hex'),
          token: token ?? '',
          seq: 0,
          events: [],
          conn,
          shard: isObject(d) && Array.isArray(d.shard) ? d.shard : [0, 1],
        };
        sessions.set(session.id, session);
        currentSession = session;
        conn.session = session;
        conn.info.sessionId = session.id;
        dispatchOnSession(session, 'READY', readyPayload(session), false);
        return;
      }
      case 6: {
        if (conn.session) {
          conn.ws.close(4005, 'Already authenticated.');
          return;
        }
        const sessionId = isObject(d) ? str(d.session_id) : undefined;
        const session = sessionId === undefined ? undefined : sessions.get(sessionId);
        const token = isObject(d) ? str(d.token) : undefined;
        if (!session || !tokenOk(token) || token !== session.token) {
          void sendFrame(conn, { op: 9, d: false });
          return;
        }
        const seq = isObject(d) && typeof d.seq === 'number' ? d.seq : 0;
        if (seq > session.seq) {
          conn.ws.close(4007, 'Invalid seq.');
          return;
        }
        session.conn = conn;
        conn.session = session;
        conn.info.sessionId = session.id;
        currentSession = session;
        for (const event of session.events) {
          if (event.s > seq) void sendFrame(conn, { op: 0, t: event.t, s: event.s, d: event.d });
        }
        dispatchOnSession(session, 'RESUMED', {}, false);
        return;
      }
      case 3:
      case 4:
      case 8:
      case 31:
      case 37: {
        if (!conn.session) conn.ws.close(4003, 'Not authenticated.');
        return;
      }
      default: {
        conn.ws.close(4001, 'Unknown opcode.');
      }
    }
  };

  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  // Errors on individual sockets are reported on the socket; this only guards the server object.
  wss.on('error', recordError);

  const onGatewayConnection = (ws: WebSocket, req: IncomingMessage): void => {
    const info: GatewayConnectionInfo = { id: connections.length + 1, url: req.url ?? '', openedAt: Date.now() };
    const conn: Conn = { info, ws, session: undefined };
    connections.push(info);
    conns.add(conn);
    // Clients may vanish mid-frame (ECONNRESET); that is their business, not a double failure.
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      try {
        onGatewayMessage(conn, data);
      } catch (error) {
        recordError(error);
      }
    });
    ws.on('close', (code) => {
      info.closedAt = Date.now();
      info.closeCode = code;
      conns.delete(conn);
      if (conn.session?.conn === conn) conn.session.conn = undefined;
      notify();
    });
    notify();
    void sendFrame(conn, { op: 10, d: { heartbeat_interval: heartbeatInterval, _trace: ['["discord-double",{"micros":0}]'] } });
  };


  const plainError = (status: number): Reply => {
    const text: Record<number, string> = {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      405: 'Method Not Allowed',
      500: 'Internal Server Error',
      502: 'Bad Gateway',
      503: 'Service Unavailable',
      504: 'Gateway Timeout',
    };
    return { status, body: { message: `${status}: ${text[status] ?? 'Error'}`, code: 0 } };
  };

  const failureReply = (response: FailureResponse): Reply => {
    if (response.status === 429) {
      const retryAfter = response.retryAfter;
      const global = response.global ?? false;
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': response.scope ?? (global ? 'global' : 'user'),
      };
      if (global) {
        headers['x-ratelimit-global'] = 'true';
      } else {
        headers['x-ratelimit-limit'] = '1';
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = (Date.now() / 1000 + retryAfter).toFixed(3);
        headers['x-ratelimit-reset-after'] = String(retryAfter);
        headers['x-ratelimit-bucket'] = 'discord-double-bucket';
      }
      return {
        status: 429,
        body: response.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global, ...(global ? { code: 0 } : {}) },
        headers: { ...headers, ...response.headers },
        injected: true,
      };
    }
    const base = plainError(response.status);
    return { status: response.status, body: response.body ?? base.body, headers: response.headers, injected: true };
  };

  const matchesRoute = (matcher: RouteMatcher, method: string, path: string): boolean => {
    if (matcher.method !== undefined && matcher.method.toUpperCase() !== method) return false;
    if (matcher.path === undefined) return true;
    if (typeof matcher.path === 'string') return matcher.path === path;
    matcher.path.lastIndex = 0;
    return matcher.path.test(path);
  };

  const makeMessage = (fields: JsonObject): JsonObject => {
    const id = str(fields.id) ?? snowflake();
    return {
      id,
      type: 0,
      channel_id: defaults.channelId,
      author: { ...defaults.user },
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...fields,
    };
  };

  const messageFromBody = (interaction: TrackedInteraction, body: JsonObject, files: RecordedFile[], extra: JsonObject): JsonObject => {
    const attachments = files.map((file, i) => ({
      id: snowflake(),
      filename: file.filename,
      size: file.size,
      url: `http://127.0.0.1:${port}/attachments/${i}/${encodeURIComponent(file.filename)}`,
      proxy_url: `http://127.0.0.1:${port}/attachments/${i}/${encodeURIComponent(file.filename)}`,
      content_type: file.contentType,
    }));
    return makeMessage({
      channel_id: interaction.channelId ?? defaults.channelId,
      author: botUser,
      webhook_id: applicationId,
      application_id: applicationId,
      content: str(body.content) ?? '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      ...extra,
    });
  };

  const commandIdFor = (type: number, name: string): string => {
    const key = `${type}:${name}`;
    let id = commandIds.get(key);
    if (!id) {
      id = snowflake();
      commandIds.set(key, id);
    }
    return id;
  };

  const echoCommands = (body: unknown[], guildId: string | null): JsonObject[] =>
    body.filter(isObject).map((cmd) => {
      const type = typeof cmd.type === 'number' ? cmd.type : 1;
      return {
        type,
        description: '',
        default_member_permissions: null,
        nsfw: false,
        ...cmd,
        id: commandIdFor(type, str(cmd.name) ?? ''),
        application_id: applicationId,
        version: snowflake(),
        ...(guildId === null ? {} : { guild_id: guildId }),
      };
    });

  const applicationObject = (): JsonObject => ({
    id: applicationId,
    name: str(botUser.username) ?? 'double-bot',
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    bot: botUser,
    owner: { ...defaults.user },
  });

  type RouteHandler = (ctx: { params: string[]; body: unknown; files: RecordedFile[]; query: Record<string, string>; time: number }) => Reply;
  interface Route {
    method: string;
    pattern: RegExp;
    auth: boolean;
    handle: RouteHandler;
  }

  const unknownWebhook: Reply = { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
  const unknownMessage: Reply = { status: 404, body: { message: 'Unknown Message', code: 10008 } };

  const webhookInteraction = (app: string | undefined, token: string | undefined): TrackedInteraction | Reply => {
    if (app !== applicationId) return unknownWebhook;
    const interaction = token === undefined ? undefined : interactionsByToken.get(token);
    if (!interaction) return { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
    return interaction;
  };

  const isReply = (value: TrackedInteraction | Reply): value is Reply => 'status' in value;

  /** A webhook message by id, where `@original` is the interaction's first reply. */
  const messageOf = (found: TrackedInteraction, id: string | undefined): JsonObject | undefined =>
    id === '@original' ? found.original : found.messages.get(id ?? '');

  const commandsRoute = (guildParam: boolean): Route[] => {
    const pattern = guildParam ? /^\/applications\/([^/]+)\/guilds\/([^/]+)\/commands$/ : /^\/applications\/([^/]+)\/commands$/;
    const scopeOf = (params: string[]): string | null => (guildParam ? (params[1] ?? '') : null);
    const wrongApp = (params: string[]): Reply | undefined =>
      params[0] === applicationId ? undefined : { status: 403, body: { message: 'Missing Access', code: 50001 } };
    return [
      {
        method: 'PUT',
        pattern,
        auth: true,
        handle: ({ params, body }) => {
          const bad = wrongApp(params) ?? (validate ? checkCommands(body) : undefined);
          if (bad) return bad;
          const list = Array.isArray(body) ? body : [];
          const guildId = scopeOf(params);
          commandPuts.push({ guildId, body: list });
          const echoed = echoCommands(list, guildId);
          registered.set(guildId ?? '', echoed);
          return { status: 200, body: echoed };
        },
      },
      {
        method: 'GET',
        pattern,
        auth: true,
        handle: ({ params }) => wrongApp(params) ?? { status: 200, body: registered.get(scopeOf(params) ?? '') ?? [] },
      },
      {
        method: 'POST',
        pattern,
        auth: true,
        handle: ({ params, body }) => {
          const bad = wrongApp(params) ?? (validate ? checkCommands([body]) : undefined);
          if (bad) return bad;
          const guildId = scopeOf(params);
          const [created] = echoCommands([body], guildId);
          if (!created) return plainError(400);
          const list = (registered.get(guildId ?? '') ?? []).filter((c) => c.name !== created.name || c.type !== created.type);
          registered.set(guildId ?? '', [...list, created]);
          return { status: 201, body: created };
        },
      },
    ];
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/gateway$/,
      auth: false,
      handle: () => ({ status: 200, body: { url: gatewayUrl } }),
    },
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: gatewayUrl,
          shards: opts.recommendedShards ?? 1,
          session_start_limit: {
            total: 1000,
            remaining: 1000 - frames.filter((f) => f.dir === 'in' && f.op === 2).length,
            reset_after: 14_400_000,
            max_concurrency: opts.maxConcurrency ?? 1,
          },
        },
      }),
    },
    { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: () => ({ status: 200, body: botUser }) },
    { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handle: () => ({ status: 200, body: applicationObject() }) },
    { method: 'GET', pattern: /^\/oauth2\/applications\/@me$/, auth: true, handle: () => ({ status: 200, body: applicationObject() }) },
    ...commandsRoute(false),
    ...commandsRoute(true),
    {
      method: 'POST',
      pattern: /^\/interactions\/([^/]+)\/([^/]+)\/callback$/,
      auth: false,
      handle: ({ params, body, files, query, time }) => {
        const interaction = interactionsById.get(params[0] ?? '');
        const unknown: Reply = { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
        if (!interaction || interaction.token !== params[1]) return unknown;
        if (opts.interactionDeadlineMs !== undefined && time - interaction.sentAt > opts.interactionDeadlineMs) return unknown;
        if (interaction.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
        if (!isObject(body) || typeof body.type !== 'number') {
          const errs = new FormErrors();
          errs.add(['type'], 'BASE_TYPE_REQUIRED', 'This field is required');
          return errs.reply() ?? plainError(400);
        }
        const type = body.type;
        const data = isObject(body.data) ? body.data : {};
        if (![1, 4, 5, 6, 7, 8, 9, 10, 12].includes(type)) {
          const errs = new FormErrors();
          errs.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}.`);
          return errs.reply() ?? plainError(400);
        }
        if (validate) {
          const errs = new FormErrors();
          if (type === 4 || type === 7) {
            const bad = checkMessage(errs, ['data'], data, files.length, type === 4);
            if (bad) return bad;
          } else if (type === 8) {
            checkChoices(errs, data.choices);
            const bad = errs.reply();
            if (bad) return bad;
          }
        }
        interaction.acknowledged = true;
        interaction.ackType = type;
        const flags = typeof data.flags === 'number' ? data.flags : 0;
        interaction.ephemeral = (flags & 64) !== 0;
        if (type === 4 || type === 5) {
          // A deferral shows a "thinking" message: Discord's LOADING flag (128).
          const original = messageFromBody(interaction, type === 4 ? data : {}, files, {
            type: 20,
            flags: type === 5 ? flags | 128 : flags,
          });
          interaction.original = original;
          interaction.messages.set(str(original.id) ?? '', original);
        }
        if (query.with_response === 'true') {
          return {
            status: 200,
            body: {
              interaction: {
                id: interaction.id,
                type: 2,
                response_message_id: interaction.original?.id ?? null,
                response_message_loading: type === 5,
                response_message_ephemeral: interaction.ephemeral,
              },
              resource: { type, ...(interaction.original ? { message: interaction.original } : {}) },
            },
          };
        }
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)$/,
      auth: false,
      handle: ({ params, body, files }) => {
        const found = webhookInteraction(params[0], params[1]);
        if (isReply(found)) return found;
        if (!found.acknowledged) return unknownWebhook;
        const msg = isObject(body) ? body : {};
        if (validate) {
          const bad = checkMessage(new FormErrors(), [], msg, files.length, true);
          if (bad) return bad;
        }
        const message = messageFromBody(found, msg, files, { type: 0 });
        found.messages.set(str(message.id) ?? '', message);
        return { status: 200, body: message };
      },
    },
    {
      method: 'GET',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
      auth: false,
      handle: ({ params }) => {
        const found = webhookInteraction(params[0], params[1]);
        if (isReply(found)) return found;
        const message = messageOf(found, params[2]);
        return message ? { status: 200, body: message } : unknownMessage;
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
      auth: false,
      handle: ({ params, body, files }) => {
        const found = webhookInteraction(params[0], params[1]);
        if (isReply(found)) return found;
        const current = messageOf(found, params[2]);
        if (!current) return unknownMessage;
        const msg = isObject(body) ? body : {};
        if (validate) {
          const bad = checkMessage(new FormErrors(), [], msg, files.length, false);
          if (bad) return bad;
        }
        const currentFlags = typeof current.flags === 'number' ? current.flags : 0;
        const updated: JsonObject = {
          ...current,
          ...(msg.content !== undefined ? { content: msg.content ?? '' } : {}),
          ...(msg.embeds !== undefined ? { embeds: msg.embeds ?? [] } : {}),
          ...(msg.components !== undefined ? { components: msg.components ?? [] } : {}),
          // Editing a deferred reply ends its loading state.
          flags: currentFlags & ~128,
          edited_timestamp: new Date().toISOString(),
        };
        if (files.length > 0) updated.attachments = messageFromBody(found, {}, files, {}).attachments;
        if (current === found.original) found.original = updated;
        found.messages.set(str(updated.id) ?? '', updated);
        return { status: 200, body: updated };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
      auth: false,
      handle: ({ params }) => {
        const found = webhookInteraction(params[0], params[1]);
        if (isReply(found)) return found;
        const current = messageOf(found, params[2]);
        if (!current) return unknownMessage;
        found.messages.delete(str(current.id) ?? '');
        if (current === found.original) found.original = undefined;
        return { status: 204 };
      },
    },
  ];

  const route = (
    method: string,
    path: string,
    headers: Record<string, string>,
    body: unknown,
    files: RecordedFile[],
    query: Record<string, string>,
    time: number,
  ): Reply => {
    const failure = failures.find((f) => f.remaining > 0 && matchesRoute(f.matcher, method, path));
    if (failure) {
      failure.remaining -= 1;
      failure.hits += 1;
      return failureReply(failure.response);
    }
    const candidates = routes.filter((r) => r.pattern.test(path));
    const chosen = candidates.find((r) => r.method === method);
    if (!chosen) return candidates.length > 0 ? plainError(405) : plainError(404);
    if (chosen.auth) {
      const match = /^Bot (.+)$/.exec(headers.authorization ?? '');
      if (!match || !tokenOk(match[1])) return { ...plainError(401), injected: tokenRejected };
    }
    const params = (chosen.pattern.exec(path) ?? []).slice(1).map((p) => p ?? '');
    return chosen.handle({ params, body, files, query, time });
  };

  const parseBody = async (
    buffer: Buffer,
    contentType: string,
  ): Promise<{ body: unknown; files: RecordedFile[]; invalid: boolean }> => {
    if (buffer.length === 0) return { body: undefined, files: [], invalid: false };
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(buffer), { headers: { 'content-type': contentType } }).formData();
      const files: RecordedFile[] = [];
      let body: unknown;
      let invalid = false;
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') {
            try {
              body = JSON.parse(value);
            } catch {
              invalid = true;
            }
          }
        } else {
          const bytes = Buffer.from(await value.arrayBuffer());
          files.push({ field, filename: value.name, contentType: value.type, size: bytes.length, text: bytes.toString('utf8') });
        }
      }
      return { body, files, invalid };
    }
    const text = buffer.toString('utf8');
    try {
      return { body: JSON.parse(text), files: [], invalid: false };
    } catch {
      return { body: text, files: [], invalid: true };
    }
  };

  const handleHttp = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const time = Date.now();
    const at = performance.now();
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      // The client went away mid-body (e.g. destroyed while a request was in flight): nothing to answer.
      res.destroy();
      return;
    }
    const buffer = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    const target = parseTarget(req.url);
    const rawPath = target.pathname;
    const query: Record<string, string> = {};
    for (const [k, v] of target.searchParams) query[k] = v;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }

    const apiMatch = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(rawPath);
    const apiVersion = apiMatch?.[1] === undefined ? null : Number(apiMatch[1]);
    const encodedPath = apiMatch ? (apiMatch[2] ?? '/') : rawPath;
    const path = encodedPath.split('/').map(safeDecode).join('/');

    let parsed: { body: unknown; files: RecordedFile[]; invalid: boolean };
    try {
      parsed = await parseBody(buffer, headers['content-type'] ?? '');
    } catch {
      parsed = { body: undefined, files: [], invalid: true };
    }

    let reply: Reply;
    if (!apiMatch) reply = plainError(404);
    else if (parsed.invalid) reply = { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
    else reply = route(method, path, headers, parsed.body, parsed.files, query, time);

    requests.push({
      index: requests.length,
      method,
      path,
      rawPath,
      apiVersion,
      query,
      headers,
      body: parsed.body,
      rawBody: buffer.toString('utf8'),
      files: parsed.files,
      time,
      at,
      status: reply.status,
      response: reply.status === 204 ? undefined : reply.body,
      injected: reply.injected ?? false,
    });

    const payload = reply.status === 204 || reply.body === undefined ? undefined : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...reply.headers,
    });
    res.end(payload);
    notify();
  };

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      recordError(error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: '500: Internal Server Error', code: 0 }));
      } else {
        res.destroy();
      }
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Malformed requests and resets from a client being torn down are not double failures.
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => undefined);
    const pathname = parseTarget(req.url).pathname;
    if (closed || (pathname !== '/gateway' && pathname !== '/gateway-resume')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onGatewayConnection(ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', recordError);
  port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
  const resumeGatewayUrl = `ws://127.0.0.1:${port}/gateway-resume`;


  const waitFor = <T>(probe: () => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) {
        reject(new Error(`discord double is closed (waiting for ${what})`));
        return;
      }
      const timer = setTimeout(() => {
        const recentRequests = requests
          .slice(-8)
          .map((r) => `${r.method} ${r.path} -> ${r.status}`)
          .join('; ');
        const recentFrames = frames
          .slice(-8)
          .map((f) => `${f.dir} op${String(f.op)}${f.t ? ` ${f.t}` : ''}`)
          .join('; ');
        waiter.fail(
          new Error(`discord double: timed out after ${timeoutMs} ms waiting for ${what}. Recent requests: [${recentRequests}]. Recent frames: [${recentFrames}]`),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        check() {
          let value: T | undefined | null | false;
          try {
            value = probe();
          } catch (error) {
            waiter.fail(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (value !== undefined && value !== null && value !== false) {
            waiters.delete(waiter);
            clearTimeout(timer);
            resolve(value);
          }
        },
        fail(error) {
          waiters.delete(waiter);
          clearTimeout(timer);
          reject(error);
        },
      };
      waiters.add(waiter);
      waiter.check();
    });

  const requestMatches = (matcher: RequestMatcher, r: RecordedRequest): boolean => {
    if (typeof matcher === 'function') return matcher(r);
    if (matcher.status !== undefined && matcher.status !== r.status) return false;
    return matchesRoute(matcher, r.method, r.path);
  };

  const frameMatches = (matcher: FrameMatcher, f: RecordedFrame): boolean => {
    if (typeof matcher === 'function') return matcher(f);
    return (
      (matcher.dir === undefined || matcher.dir === f.dir) &&
      (matcher.op === undefined || matcher.op === f.op) &&
      (matcher.t === undefined || matcher.t === f.t)
    );
  };

  const describeMatcher = (matcher: RouteMatcher | RequestMatcher | FrameMatcher): string =>
    typeof matcher === 'function' ? 'a custom matcher' : JSON.stringify(matcher, (_k, v: unknown) => (v instanceof RegExp ? v.toString() : v));

  const ok = (r: RecordedRequest): boolean => r.status >= 200 && r.status < 300;

  const bodyObject = (r: RecordedRequest): JsonObject => (isObject(r.body) ? r.body : {});

  const toOptions = (options: OptionsInput | undefined, focused?: string): JsonObject[] => {
    if (options === undefined) return [];
    const list: JsonObject[] = Array.isArray(options)
      ? options.map((o) => ({ ...o }))
      : Object.entries(options).map(([name, value]) => ({
          name,
          type: typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : Number.isInteger(value) ? 4 : 10,
          value,
        }));
    if (focused !== undefined) {
      for (const o of list) if (o.name === focused) o.focused = true;
    }
    return list;
  };

  const buildInteraction = (spec: InteractionSpec): JsonObject => {
    const id = snowflake();
    const token = `itk.${randomBytes(24).toString('base64url')}`;
    const user = { ...defaults.user, ...spec.user };
    const locale = spec.locale ?? 'en-US';
    const base: JsonObject = {
      id,
      application_id: applicationId,
      type: spec.type ?? 2,
      token,
      version: 1,
      data: spec.data ?? {},
      locale,
      app_permissions: BOT_PERMISSIONS,
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (spec.dm) {
      const channelId = spec.channelId ?? defaults.dmChannelId;
      Object.assign(base, {
        user,
        channel_id: channelId,
        channel: { id: channelId, type: DM, last_message_id: null, flags: 0, recipients: [user] },
        authorizing_integration_owners: { '1': str(user.id) ?? '' },
        context: 1,
      });
    } else {
      const guildId = spec.guildId ?? defaults.guildId;
      const channelId = spec.channelId ?? defaults.channelId;
      Object.assign(base, {
        guild_id: guildId,
        guild: { id: guildId, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        channel_id: channelId,
        channel: {
          id: channelId,
          type: GUILD_TEXT,
          guild_id: guildId,
          name: 'general',
          position: 0,
          parent_id: null,
          nsfw: false,
          topic: null,
          last_message_id: null,
          rate_limit_per_user: 0,
          flags: 0,
          permissions: BOT_PERMISSIONS,
        },
        member: {
          user,
          roles: [],
          permissions: spec.memberPermissions ?? BOT_PERMISSIONS,
          joined_at: '2024-01-01T00:00:00.000000+00:00',
          premium_since: null,
          nick: null,
          avatar: null,
          deaf: false,
          mute: false,
          pending: false,
          flags: 0,
          communication_disabled_until: null,
        },
        authorizing_integration_owners: { '0': guildId },
        context: 0,
      });
    }
    for (const [key, value] of Object.entries(spec.fields ?? {})) {
      if (value === undefined) delete base[key];
      else base[key] = value;
    }
    return base;
  };

  const track = (payload: unknown, sentAt: number): { id: string; token: string } => {
    const id = isObject(payload) ? (str(payload.id) ?? '') : '';
    const token = isObject(payload) ? (str(payload.token) ?? '') : '';
    if (id !== '' && token !== '') {
      const channel = isObject(payload) && isObject(payload.channel) ? str(payload.channel.id) : undefined;
      const tracked: TrackedInteraction = {
        id,
        token,
        channelId: channel ?? (isObject(payload) ? str(payload.channel_id) : undefined),
        sentAt,
        acknowledged: false,
        ackType: undefined,
        ephemeral: false,
        original: undefined,
        messages: new Map(),
      };
      interactionsById.set(id, tracked);
      interactionsByToken.set(token, tracked);
    }
    return { id, token };
  };

  const dispatch = async (t: string, d: unknown): Promise<number> => {
    if (closed) throw new Error('discord double is closed');
    const session = currentSession;
    if (!session) throw new Error('discord double: no gateway session yet (has the client logged in?)');
    const { s, sent } = dispatchOnSession(session, t, d, true);
    await sent;
    return s;
  };

  const double: DiscordDouble = {
    apiUrl,
    gatewayUrl,
    resumeGatewayUrl,
    applicationId,
    botUser,
    defaults,
    requests,
    frames,
    connections,
    errors,
    get identifyCount() {
      return frames.filter((f) => f.dir === 'in' && f.op === 2).length;
    },
    get resumeCount() {
      return frames.filter((f) => f.dir === 'in' && f.op === 6).length;
    },
    get sessionId() {
      return currentSession?.id;
    },

    registeredCommands(guildId?: string | null) {
      const matching = guildId === undefined ? commandPuts : commandPuts.filter((p) => p.guildId === guildId);
      return matching.at(-1)?.body ?? [];
    },

    waitFor,

    nextRequest(matcher, timeoutMs = 5000) {
      const from = requests.length;
      return waitFor(() => requests.slice(from).find((r) => requestMatches(matcher, r)), timeoutMs, `request ${describeMatcher(matcher)}`);
    },

    nextFrame(matcher, timeoutMs = 5000) {
      const from = frames.length;
      return waitFor(() => frames.slice(from).find((f) => frameMatches(matcher, f)), timeoutMs, `frame ${describeMatcher(matcher)}`);
    },

    waitForConnection(timeoutMs = 5000) {
      return waitFor(
        () => {
          const conn = liveConn();
          // READY/RESUMED must have gone out on this very socket, not on an earlier one.
          const answered = conn && frames.some((f) => f.dir === 'out' && f.connection === conn.info.id && (f.t === 'READY' || f.t === 'RESUMED'));
          return answered ? conn.info : undefined;
        },
        timeoutMs,
        'an identified gateway connection',
      );
    },

    dispatch,

    async dispatchInteractionOnShard(shardId, input) {
      const session = [...sessions.values()].filter((x) => Array.isArray(x.shard) && x.shard[0] === shardId && x.conn?.ws.readyState === WebSocket.OPEN).at(-1);
      if (!session) throw new Error(`discord double: shard ${shardId} has no live session`);
      const payload = 'raw' in input ? input.raw : buildInteraction(input);
      const { id, token } = track(payload, Date.now());
      const { s, sent } = dispatchOnSession(session, 'INTERACTION_CREATE', payload, true);
      await sent;
      return { id, token, s, payload };
    },
    httpInteraction(input) {
      const payload = 'raw' in input ? input.raw : buildInteraction(input);
      track(payload, Date.now());
      return payload as JsonObject;
    },
    async dispatchInteraction(input) {
      const payload = 'raw' in input ? input.raw : buildInteraction(input);
      const { id, token } = track(payload, Date.now());
      const s = await dispatch('INTERACTION_CREATE', payload);
      return { id, token, s, payload };
    },

    slashCommand(name, options, ctx = {}) {
      const opts = toOptions(options);
      return {
        ...ctx,
        type: 2,
        data: {
          id: commandIdFor(1, name),
          name,
          type: 1,
          ...(opts.length > 0 ? { options: opts } : {}),
          ...(ctx.dm ? {} : { guild_id: ctx.guildId ?? defaults.guildId }),
        },
      };
    },

    autocomplete(name, options, focused, ctx = {}) {
      return {
        ...ctx,
        type: 4,
        data: { id: commandIdFor(1, name), name, type: 1, options: toOptions(options, focused) },
      };
    },

    messageContextMenu(name, targetMessage = {}, ctx = {}) {
      const channelId = ctx.channelId ?? (ctx.dm ? defaults.dmChannelId : defaults.channelId);
      const message = makeMessage({ channel_id: channelId, ...(ctx.dm ? {} : { guild_id: ctx.guildId ?? defaults.guildId }), ...targetMessage });
      const targetId = str(message.id) ?? '';
      return {
        ...ctx,
        type: 2,
        data: {
          id: commandIdFor(3, name),
          name,
          type: 3,
          target_id: targetId,
          resolved: { messages: { [targetId]: message } },
        },
      };
    },

    button(customId, message = {}, ctx = {}) {
      const channelId = ctx.channelId ?? (ctx.dm ? defaults.dmChannelId : defaults.channelId);
      const full = makeMessage({ channel_id: channelId, author: botUser, application_id: applicationId, ...message });
      return { ...ctx, type: 3, data: { custom_id: customId, component_type: 2 }, fields: { message: full } };
    },

    replyMessage(interactionId) {
      return interactionsById.get(interactionId)?.original;
    },

    async interactionResponse(interactionId, timeoutMs = 5000) {
      const r = await waitFor(
        () => requests.find((q) => q.method === 'POST' && ok(q) && q.path.startsWith(`/interactions/${interactionId}/`) && q.path.endsWith('/callback')),
        timeoutMs,
        `a successful callback for interaction ${interactionId}`,
      );
      return bodyObject(r);
    },

    async originalEdit(token, timeoutMs = 5000) {
      const path = `/webhooks/${applicationId}/${token}/messages/@original`;
      const r = await waitFor(() => requests.find((q) => q.method === 'PATCH' && ok(q) && q.path === path), timeoutMs, `an edit of @original for ${token}`);
      return bodyObject(r);
    },

    async followUp(token, index = 0, timeoutMs = 5000) {
      const path = `/webhooks/${applicationId}/${token}`;
      const r = await waitFor(
        () => requests.filter((q) => q.method === 'POST' && ok(q) && q.path === path)[index],
        timeoutMs,
        `follow-up #${index} for ${token}`,
      );
      return bodyObject(r);
    },

    interactionRequests(idOrToken) {
      const tracked = interactionsById.get(idOrToken) ?? interactionsByToken.get(idOrToken);
      const id = tracked?.id ?? idOrToken;
      const token = tracked?.token ?? idOrToken;
      return requests.filter(
        (q) => q.path.startsWith(`/interactions/${id}/`) || q.path === `/webhooks/${applicationId}/${token}` || q.path.startsWith(`/webhooks/${applicationId}/${token}/`),
      );
    },

    dropSocket() {
      requireLive('dropSocket()').ws.terminate();
    },

    sendReconnect() {
      void sendFrame(requireLive('sendReconnect()'), { op: 7, d: null });
    },

    sendInvalidSession(resumable) {
      const conn = requireLive('sendInvalidSession()');
      const session = conn.session;
      if (session) {
        // The socket must authenticate again: by RESUME on this same socket when resumable, by a fresh IDENTIFY otherwise.
        session.conn = undefined;
        conn.session = undefined;
        if (!resumable) {
          sessions.delete(session.id);
          if (currentSession === session) currentSession = undefined;
        }
      }
      void sendFrame(conn, { op: 9, d: resumable });
    },

    requestHeartbeat() {
      void sendFrame(requireLive('requestHeartbeat()'), { op: 1, d: null });
    },

    closeWith(code, reason = '') {
      requireLive('closeWith()').ws.close(code, reason);
    },

    ackHeartbeats(enabled) {
      acking = enabled;
    },

    failRoute(matcher, response, times = 1) {
      const failure: Failure = { matcher, response, remaining: times, hits: 0 };
      failures.push(failure);
      return {
        get hits() {
          return failure.hits;
        },
        get remaining() {
          return failure.remaining;
        },
        cancel() {
          failure.remaining = 0;
        },
      };
    },

    rejectToken(reject = true) {
      tokenRejected = reject;
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const waiter of [...waiters]) waiter.fail(new Error('discord double closed while waiting'));
      for (const conn of conns) conn.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      // Upgraded and half-closed sockets are not covered by closeAllConnections; close() would wait for them.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  return double;
}
