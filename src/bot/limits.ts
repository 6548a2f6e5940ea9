/**
 * Discord's limits, each a named constant, and the one place every reply and
 * autocomplete list is cut to fit them. Lengths are counted in UTF-16 code
 * units, which is never fewer than the characters Discord counts.
 */
import { MessageFlags, type APIActionRowComponent, type APIApplicationCommandOptionChoice, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { Choice } from '../engine/index.ts';
import type { ReplyPayload } from './command.ts';

// ----- messages -------------------------------------------------------------

/** Message `content`. */
export const CONTENT_MAX = 2000;
/** The longest message a user can post (with Nitro), and so the longest a message command can be used on. */
export const USER_MESSAGE_MAX = 4000;
/** Embeds in one message. */
export const EMBEDS_MAX = 10;
/** Embed title. */
export const EMBED_TITLE_MAX = 256;
/** Embed description. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** Fields in one embed. */
export const EMBED_FIELDS_MAX = 25;
/** Embed field name. */
export const EMBED_FIELD_NAME_MAX = 256;
/** Embed field value. */
export const EMBED_FIELD_VALUE_MAX = 1024;
/** Embed footer text. */
export const EMBED_FOOTER_MAX = 2048;
/** Embed author name. */
export const EMBED_AUTHOR_NAME_MAX = 256;
/** Title, description, field names and values, footer and author of all the embeds of one message together. */
export const EMBEDS_TOTAL_MAX = 6000;
/** Action rows in one message. */
export const ACTION_ROWS_MAX = 5;
/** Buttons in one action row. */
export const BUTTONS_PER_ROW_MAX = 5;
/** Button label. */
export const BUTTON_LABEL_MAX = 80;
/** Link button URL. */
export const BUTTON_URL_MAX = 512;
/** A component's `custom_id` (at least 1). */
export const CUSTOM_ID_MAX = 100;
/** Users listed in `allowed_mentions.users`. */
export const ALLOWED_MENTION_USERS_MAX = 100;
/** The ephemeral message flag, `1 << 6`: only the invoking user sees the reply. Cannot change after the first response. */
export const EPHEMERAL_FLAG = MessageFlags.Ephemeral;

// ----- commands -------------------------------------------------------------

/** Slash command and option names: 1–32 characters, lower case (context-menu names excepted). */
export const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}]{1,32}$/u;
/** Context-menu command names: 1–32 characters, any case, spaces allowed. */
export const CONTEXT_MENU_NAME_MAX = 32;
/** Command and option descriptions (1–100). */
export const COMMAND_DESCRIPTION_MAX = 100;
/** Options of one command. */
export const COMMAND_OPTIONS_MAX = 25;
/** Choices, and autocomplete choices, of one option. */
export const CHOICES_MAX = 25;
/** A choice's name (1–100). */
export const CHOICE_NAME_MAX = 100;
/** A choice's string value (1–100). */
export const CHOICE_VALUE_MAX = 100;
/** Milliseconds Discord waits for the first response to an interaction (autocomplete cannot be deferred). */
export const INTERACTION_RESPONSE_MS = 3000;

// ----- cutting --------------------------------------------------------------

/** Shown where text was cut. */
export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters, ending in {@link ELLIPSIS} when cut.
 * Never splits a surrogate pair or leaves a dangling Markdown escape (`\`).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = max - ELLIPSIS.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  const backslashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (backslashes % 2 === 1) head = head.slice(0, -1);
  return `${head.trimEnd()}${ELLIPSIS}`;
}

/**
 * The formatted text of the longest start of `raw` that fits in `max` once
 * formatted: formatting (escaping, bold) may lengthen text, so cutting must
 * happen before it, or a cut could fall inside `**bold**` or an escape.
 */
export function fitFormatted(raw: string, max: number, format: (text: string) => string): string {
  const whole = format(raw);
  if (whole.length <= max) return whole;
  let lo = 0;
  let hi = raw.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (format(truncate(raw, mid)).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return truncate(format(truncate(raw, lo)), max);
}

/** The characters of an embed that count towards {@link EMBEDS_TOTAL_MAX}. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Discord rejects empty field names and values; a zero-width space stands in. */
const BLANK = '\u200b';

function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (embed.title !== undefined) out.title = truncate(embed.title, EMBED_TITLE_MAX);
  if (embed.description !== undefined) out.description = truncate(embed.description, EMBED_DESCRIPTION_MAX);
  if (embed.footer) out.footer = { ...embed.footer, text: truncate(embed.footer.text, EMBED_FOOTER_MAX) };
  if (embed.author) out.author = { ...embed.author, name: truncate(embed.author.name, EMBED_AUTHOR_NAME_MAX) };
  if (embed.url !== undefined && embed.url.length > BUTTON_URL_MAX) delete out.url;
  if (embed.fields) {
    out.fields = embed.fields.slice(0, EMBED_FIELDS_MAX).map((f) => ({
      ...f,
      name: truncate(f.name, EMBED_FIELD_NAME_MAX) || BLANK,
      value: truncate(f.value, EMBED_FIELD_VALUE_MAX) || BLANK,
    }));
  }
  return out;
}

/**
 * Shrinks embeds until all of them together fit {@link EMBEDS_TOTAL_MAX}: the
 * last fields first, then the longest description, then whole embeds from the
 * end. Every step removes characters, so it ends.
 */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const out = embeds.map((e) => ({ ...e, ...(e.fields ? { fields: [...e.fields] } : {}) }));
  const total = (): number => out.reduce((n, e) => n + embedLength(e), 0);
  let over = total() - EMBEDS_TOTAL_MAX;
  while (over > 0 && out.length > 0) {
    const withFields = out.findLast((e) => (e.fields?.length ?? 0) > 0);
    const longest = out.reduce((a, b) => ((b.description?.length ?? 0) > (a.description?.length ?? 0) ? b : a));
    if (withFields?.fields) {
      withFields.fields.pop();
    } else if (longest.description) {
      const kept = longest.description.length - over;
      if (kept > ELLIPSIS.length) longest.description = truncate(longest.description, kept);
      else delete longest.description;
    } else {
      out.pop();
    }
    over = total() - EMBEDS_TOTAL_MAX;
  }
  return out;
}

type ActionRow = APIActionRowComponent<APIButtonComponent>;

function fitComponents(rows: readonly ActionRow[]): ActionRow[] {
  return rows
    .slice(0, ACTION_ROWS_MAX)
    .map((row) => ({
      ...row,
      components: row.components
        .filter((b) => ('url' in b ? b.url.length <= BUTTON_URL_MAX : true))
        .filter((b) => ('custom_id' in b ? b.custom_id.length >= 1 && b.custom_id.length <= CUSTOM_ID_MAX : true))
        .slice(0, BUTTONS_PER_ROW_MAX)
        .map((b) => ('label' in b && b.label !== undefined ? { ...b, label: truncate(b.label, BUTTON_LABEL_MAX) } : b)),
    }))
    .filter((row) => row.components.length > 0);
}

/** Cuts every part of a reply to Discord's limits. Every reply goes through this before it is sent. */
export function fitToLimits(payload: ReplyPayload): ReplyPayload {
  const embeds = fitTotal(payload.embeds.slice(0, EMBEDS_MAX).map(fitEmbed));
  const users = payload.allowed_mentions.users?.slice(0, ALLOWED_MENTION_USERS_MAX);
  return {
    ...(payload.content !== undefined ? { content: truncate(payload.content, CONTENT_MAX) } : {}),
    embeds,
    components: fitComponents(payload.components),
    ...(payload.flags !== undefined ? { flags: payload.flags } : {}),
    allowed_mentions: { parse: [], ...(users ? { users } : {}) },
  };
}

/** Engine choices as autocomplete choices: at most {@link CHOICES_MAX}, names cut, values too long to send dropped. */
export function fitChoices(choices: readonly Choice[]): APIApplicationCommandOptionChoice<string>[] {
  return choices
    .filter((c) => c.value.length >= 1 && c.value.length <= CHOICE_VALUE_MAX)
    .slice(0, CHOICES_MAX)
    .map((c) => ({ name: truncate(c.label.trim() || c.value, CHOICE_NAME_MAX), value: c.value }));
}
