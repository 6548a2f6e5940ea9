/**
 * The `custom_id` of the bot's buttons: everything a press needs, in the id
 * itself (the bot keeps no state about replies it sent), at most 100
 * characters, and checked field by field when a press comes back.
 *
 *     cb1|r|ask|0||||Who is Heather Nauert?     run /ask with that question, in public
 *     cb1|p|quotes|1||123456789012345678|2|Heather Nauert
 *                                               page 3 of /quotes for her, privately; only user 1234… may turn it
 *
 * Fields, in order: version, kind (`r` run, `p` page), command, private (`0`/`1`),
 * article (the key of the article the reply answered from when one was picked,
 * see `articleKey` in articles.ts; empty when it came from the only article or
 * from all), owner (page only: the user who asked), page (page only, 0-based),
 * and last the value of the command's text option, which may hold any
 * character but control characters, `|` included.
 */
import { CUSTOM_ID_MAX } from './limits.ts';

/** The current version; a button of another version is from an older bot and is "stale". */
export const CUSTOM_ID_VERSION = 'cb1';
/** Longest article key a button carries (see `articleKey` in articles.ts). */
export const ARTICLE_KEY_MAX = 24;
/** Highest page number a button may carry. */
export const MAX_PAGE = 999;

/** What pressing a button does. */
export type ButtonAction =
  /** Run `command` with `value` as its text option: a "did you mean" suggestion. */
  | { readonly kind: 'run'; readonly command: string; readonly private: boolean; readonly article: string; readonly value: string }
  /** Show page `page` of `command` for `value`; only `owner` may. */
  | {
      readonly kind: 'page';
      readonly command: string;
      readonly private: boolean;
      readonly article: string;
      readonly owner: string;
      readonly page: number;
      readonly value: string;
    };

/** Why a `custom_id` was refused. */
export type CustomIdProblem =
  /** Not one of the bot's ids at all (made up, or garbled). */
  | 'forged'
  /** One of the bot's ids, but from another version of it. */
  | 'stale';

export type ParsedCustomId = { readonly ok: true; readonly action: ButtonAction } | { readonly ok: false; readonly problem: CustomIdProblem };

const SEP = '|';
const COMMAND = /^[a-z][a-z-]{0,31}$/;
const ARTICLE = new RegExp(`^[a-z0-9-]{0,${ARTICLE_KEY_MAX}}$`);
const OWNER = /^\d{1,20}$/;
const PAGE = /^(?:0|[1-9]\d{0,2})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const FIELDS_BEFORE_VALUE = 7;

/** The `custom_id` of `action`, or null when it would be over {@link CUSTOM_ID_MAX} or its fields are not valid. */
export function encodeCustomId(action: ButtonAction): string | null {
  const fields =
    action.kind === 'run'
      ? [CUSTOM_ID_VERSION, 'r', action.command, action.private ? '1' : '0', action.article, '', '', action.value]
      : [CUSTOM_ID_VERSION, 'p', action.command, action.private ? '1' : '0', action.article, action.owner, String(action.page), action.value];
  const id = fields.join(SEP);
  if (id.length > CUSTOM_ID_MAX) return null;
  const back = parseCustomId(id);
  return back.ok ? id : null;
}

/** Reads a `custom_id`; never throws, whatever it is given. */
export function parseCustomId(id: unknown): ParsedCustomId {
  const forged = { ok: false, problem: 'forged' } as const;
  if (typeof id !== 'string' || id.length < 1 || id.length > CUSTOM_ID_MAX) return forged;
  const parts = id.split(SEP);
  const version = parts[0] ?? '';
  if (version !== CUSTOM_ID_VERSION) return /^cb\d{1,3}$/.test(version) && parts.length >= 2 ? { ok: false, problem: 'stale' } : forged;
  if (parts.length < FIELDS_BEFORE_VALUE + 1) return forged;
  const [, kind, command, priv, article, owner, page] = parts as [string, string, string, string, string, string, string];
  const value = parts.slice(FIELDS_BEFORE_VALUE).join(SEP);
  if (!COMMAND.test(command) || (priv !== '0' && priv !== '1') || !ARTICLE.test(article) || CONTROL.test(value)) return forged;
  const common = { command, private: priv === '1', article, value };
  if (kind === 'r') return owner === '' && page === '' ? { ok: true, action: { kind: 'run', ...common } } : forged;
  if (kind === 'p' && OWNER.test(owner) && PAGE.test(page)) return { ok: true, action: { kind: 'page', ...common, owner, page: Number(page) } };
  return forged;
}
