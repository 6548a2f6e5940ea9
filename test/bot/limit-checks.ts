/** Checks of a reply against Discord's limits and the mention rules; no engine, so cheap to import. */
import { expect } from 'vitest';
import type { ReplyPayload } from '../../src/bot/command.ts';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTON_URL_MAX,
  BUTTONS_PER_ROW_MAX,
  CONTENT_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_MAX,
  EMBEDS_TOTAL_MAX,
  embedLength,
} from '../../src/bot/limits.ts';

/** Every character a reader sees: content and all embed text. */
export function visibleText(p: ReplyPayload): string {
  return [
    ...(p.content ? [p.content] : []),
    ...p.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ].join('\n');
}

/** Problems with a payload against Discord's limits and the mention rules; empty when none. */
export function limitProblems(p: ReplyPayload, mention: string | null = null): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  check((p.content?.length ?? 0) <= CONTENT_MAX, 'content');
  check(p.content !== '' , 'empty content');
  check(p.embeds.length <= EMBEDS_MAX, 'embeds');
  check(p.embeds.reduce((n, e) => n + embedLength(e), 0) <= EMBEDS_TOTAL_MAX, 'embeds total');
  check(Boolean(p.content) || p.embeds.length > 0, 'empty message');
  for (const e of p.embeds) {
    check((e.title?.length ?? 0) <= EMBED_TITLE_MAX, 'title');
    check((e.description?.length ?? 0) <= EMBED_DESCRIPTION_MAX, 'description');
    check((e.footer?.text.length ?? 0) <= EMBED_FOOTER_MAX, 'footer');
    check((e.fields?.length ?? 0) <= EMBED_FIELDS_MAX, 'fields');
    for (const f of e.fields ?? []) {
      check(f.name.length >= 1 && f.name.length <= EMBED_FIELD_NAME_MAX, 'field name');
      check(f.value.length >= 1 && f.value.length <= EMBED_FIELD_VALUE_MAX, 'field value');
    }
  }
  check(p.components.length <= ACTION_ROWS_MAX, 'rows');
  for (const row of p.components) {
    check(row.components.length <= BUTTONS_PER_ROW_MAX, 'buttons');
    for (const b of row.components) {
      check(!('label' in b) || (b.label?.length ?? 0) <= BUTTON_LABEL_MAX, 'button label');
      check(!('url' in b) || b.url.length <= BUTTON_URL_MAX, 'button url');
    }
  }
  check(Array.isArray(p.allowed_mentions.parse) && p.allowed_mentions.parse.length === 0, 'allowed_mentions.parse');
  const users = p.allowed_mentions.users ?? [];
  check(users.every((u) => u === mention), 'allowed_mentions.users');
  const text = visibleText(p);
  check(!/@(?:everyone|here)/i.test(text), 'mass mention');
  const pinged = [...(p.content ?? '').matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
  check(pinged.every((id) => id === mention), 'user mention in content');
  check(!/<@[!&]?\d/.test(visibleText({ ...p, content: '' })), 'mention in embeds');
  return problems;
}

/** Asserts a payload is within every limit and pings no one but `mention`. */
export function expectWithinLimits(p: ReplyPayload, mention: string | null = null): void {
  expect(limitProblems(p, mention)).toEqual([]);
}
