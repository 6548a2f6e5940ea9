/**
 * The checks every reply and autocomplete list must pass, for the fuzz tests
 * (payloads from the router) and the end-to-end tests (bodies as they reached
 * the Discord double) alike.
 */
import type { ReplyPayload } from '../../src/bot/command.ts';
import { CHOICE_NAME_MAX, CHOICE_VALUE_MAX, CHOICES_MAX, EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { limitProblems } from '../bot/limit-checks.ts';
import { activeMarkdown } from './markdown-check.ts';

/**
 * Everything wrong with one reply; empty when it is fine: Discord's limits,
 * pings (only `allowedMention` may be pinged), `private: true` not honoured,
 * or Markdown active where typed text is echoed (titles, field names, and the
 * text above the embeds).
 */
export function replyProblems(payload: ReplyPayload, { allowedMention = null, priv = null }: { allowedMention?: string | null; priv?: boolean | null } = {}): string[] {
  const problems = limitProblems(payload, allowedMention);
  if (priv === true && payload.flags !== EPHEMERAL_FLAG) problems.push('private: true but not ephemeral');
  const content = (payload.content ?? '').replace(/^<@\d+>$/, '');
  const echoSites = [content, ...payload.embeds.flatMap((e) => [e.title ?? '', ...(e.fields ?? []).map((f) => f.name)])];
  for (const text of echoSites) {
    const active = activeMarkdown(text);
    if (active.length > 0) problems.push(`active Markdown ${active.join(', ')} in ${JSON.stringify(text)}`);
  }
  return problems;
}

/** Everything wrong with an autocomplete answer: more than 25 choices, or a name or value outside 1–100 characters. */
export function choiceProblems(choices: readonly { readonly name: string; readonly value: unknown }[]): string[] {
  const problems: string[] = [];
  if (choices.length > CHOICES_MAX) problems.push(`${choices.length} choices`);
  for (const c of choices) {
    if (c.name.length < 1 || c.name.length > CHOICE_NAME_MAX) problems.push(`choice name of ${c.name.length}: ${JSON.stringify(c.name)}`);
    if (typeof c.value !== 'string' || c.value.length < 1 || c.value.length > CHOICE_VALUE_MAX) problems.push(`choice value ${JSON.stringify(c.value)}`);
  }
  return problems;
}
