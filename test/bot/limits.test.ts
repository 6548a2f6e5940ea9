import { MessageFlags, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { ReplyPayload } from '../../src/bot/command.ts';
import {
  CHOICE_NAME_MAX,
  CHOICES_MAX,
  CONTENT_MAX,
  EMBED_FIELDS_MAX,
  EMBEDS_MAX,
  EMBEDS_TOTAL_MAX,
  EPHEMERAL_FLAG,
  ELLIPSIS,
  embedLength,
  fitChoices,
  fitFormatted,
  fitToLimits,
  truncate,
} from '../../src/bot/limits.ts';
import { emphasize } from '../../src/bot/markdown.ts';
import { expectWithinLimits } from './limit-checks.ts';

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['a longer sentence', 10, 'a longer…'],
    ['abc', 1, '…'],
    ['abc', 0, ''],
  ])('%j to %i → %j', (text, max, want) => expect(truncate(text, max)).toBe(want));

  it('never splits a surrogate pair', () => {
    const out = truncate('ab😀😀😀', 4);
    expect(out.length).toBeLessThanOrEqual(4);
    expect(out).toBe('ab…');
  });

  it('never leaves a dangling escape', () => {
    expect(truncate('abcd\\*efgh', 6)).toBe('abcd…');
    expect(truncate('ab\\\\cdef', 5)).toBe('ab\\\\…');
  });
});

describe('fitFormatted', () => {
  it('cuts before formatting, so bold is never left open', () => {
    const raw = `${'megaphone diplomacy '.repeat(30)}end`;
    const out = fitFormatted(raw, 100, (t) => emphasize(t, { words: ['megaphone'] }));
    expect(out.length).toBeLessThanOrEqual(100);
    expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });
});

describe('fitToLimits', () => {
  const huge = 'x'.repeat(10_000);
  const embed: APIEmbed = {
    title: huge,
    description: huge,
    footer: { text: huge },
    fields: Array.from({ length: 40 }, () => ({ name: huge, value: huge })),
  };
  const payload: ReplyPayload = {
    content: huge,
    embeds: Array.from({ length: 12 }, () => embed),
    components: [
      {
        type: 1,
        components: [
          { type: 2, style: 5, label: huge, url: `https://example.com/${huge}` },
          { type: 2, style: 5, label: 'ok', url: 'https://example.com/' },
        ],
      },
    ],
    allowed_mentions: { parse: [] },
  };

  it('cuts every part of an oversized reply', () => {
    const fitted = fitToLimits(payload);
    expectWithinLimits(fitted);
    expect(fitted.content).toHaveLength(CONTENT_MAX);
    expect(fitted.embeds.length).toBeLessThanOrEqual(EMBEDS_MAX);
    expect(fitted.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(EMBEDS_TOTAL_MAX);
    expect(fitted.embeds[0]!.fields!.length).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
    // The button whose URL is too long is dropped, not cut (a cut URL is a wrong link).
    expect(fitted.components[0]!.components).toEqual([{ type: 2, style: 5, label: 'ok', url: 'https://example.com/' }]);
  });

  it('leaves a reply that fits as it is', () => {
    const small: ReplyPayload = { embeds: [{ title: 't', description: 'd' }], components: [], allowed_mentions: { parse: [] } };
    expect(fitToLimits(small)).toEqual(small);
  });

  it('fills empty field names and values, which Discord rejects', () => {
    const fitted = fitToLimits({ embeds: [{ fields: [{ name: '', value: '' }] }], components: [], allowed_mentions: { parse: [] } });
    expect(fitted.embeds[0]!.fields![0]!.name.length).toBeGreaterThan(0);
    expect(fitted.embeds[0]!.fields![0]!.value.length).toBeGreaterThan(0);
  });
});

describe('fitChoices', () => {
  it('keeps at most 25, cuts names to 100, drops values that cannot be sent', () => {
    const choices = [
      { label: 'n'.repeat(300), value: 'v' },
      { label: 'too long value', value: 'v'.repeat(101) },
      { label: '', value: 'empty-label' },
      { label: 'empty value', value: '' },
      ...Array.from({ length: 40 }, (_, i) => ({ label: `c${i}`, value: `c${i}` })),
    ];
    const fitted = fitChoices(choices);
    expect(fitted).toHaveLength(CHOICES_MAX);
    expect(fitted[0]!.name).toHaveLength(CHOICE_NAME_MAX);
    expect(fitted[1]).toEqual({ name: 'empty-label', value: 'empty-label' });
    expect(fitted.every((c) => c.value.length >= 1 && c.value.length <= 100 && c.name.length >= 1)).toBe(true);
  });
});

it('the ephemeral flag is 1 << 6', () => {
  expect(EPHEMERAL_FLAG).toBe(1 << 6);
  expect(EPHEMERAL_FLAG).toBe(MessageFlags.Ephemeral);
});
