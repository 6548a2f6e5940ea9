/**
 * Pure functions from the engine's answers to replies in Discord's API form.
 * The Discord adapter sends them; the console draws them. Nothing here does
 * I/O, and everything shown from the article or the user is escaped.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { articleLabel, type Answer, type AnswerResult, type Engine, type KnowledgeBase, type Library, type SpeakerQuotes } from '../engine/index.ts';
import type { ArticleListing } from './articles.ts';
import { isMessageCommand, optionsOf, type Asker, type Command, type Delivery, type ReplyPayload } from './command.ts';
import { encodeCustomId, type ButtonAction } from './custom-id.ts';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_TOTAL_MAX,
  EPHEMERAL_FLAG,
  BUTTON_URL_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  embedLength,
  fitFormatted,
  fitToLimits,
  truncate,
} from './limits.ts';
import { blockQuote, emphasize, escapeText, findLoose, type Emphasis } from './markdown.ts';
import { COMMAND_TEXT, TEXT } from './messages.ts';

/** Embed colour of answers. */
export const ANSWER_COLOR = 0x2563eb;
/** Embed colour of "no answer" and notices. */
export const QUIET_COLOR = 0x6b7280;

/** Further passages shown under the best answer of `/ask`. */
export const FURTHER_PASSAGES = 2;
/** Suggestions shown under a "no answer". */
export const SUGGESTIONS = 3;
/** Quotes on one page of `/quotes`. */
export const QUOTES_PER_PAGE = 3;
/** Events on one page of `/timeline`. */
export const EVENTS_PER_PAGE = 4;

/** A "did you mean": the button's label, and the command and text it runs. */
export interface Suggestion {
  readonly label: string;
  /** The command's registered name. */
  readonly command: string;
  /** The value of its text option. */
  readonly value: string;
}

/** A question to ask with `/ask`, as a {@link Suggestion}. */
export const askSuggestion = (question: string): Suggestion => ({ label: question, command: 'ask', value: question });

/**
 * How a cited passage is shown:
 * - `matched`: the excerpt, with the words that matched the question in bold;
 * - `quote`: the excerpt, with the quoted words in bold;
 * - `in-paragraph`: the whole paragraph, with the quote (or else the excerpt) in bold.
 */
export type PassageStyle = 'matched' | 'quote' | 'in-paragraph';

const NO_DELIVERY: Delivery = { ephemeral: false, mention: null };

// ----- building blocks ------------------------------------------------------

/** Escaped text cut to `max`. */
const plain = (text: string, max: number): string => fitFormatted(text, max, escapeText);

/** The quoted words of a quote answer, when there are some. */
function quoteTextOf(answer: Answer, kb: KnowledgeBase): string | null {
  if (answer.source.kind !== 'quote') return null;
  return kb.quotes.find((q) => q.id === answer.source.id)?.text ?? null;
}

/** The text to quote and what to set in bold in it. */
function passageOf(answer: Answer, kb: KnowledgeBase, style: PassageStyle): { text: string; emphasis: Emphasis } {
  const quoted = quoteTextOf(answer, kb);
  if (style === 'matched') return { text: answer.excerpt, emphasis: { words: answer.highlights } };
  if (style === 'quote') return { text: answer.excerpt, emphasis: quoted ? { spans: [quoted] } : { words: answer.highlights } };
  const paragraph = kb.article.paragraphs[answer.paragraph - 1]?.text;
  if (!paragraph || !findLoose(paragraph, answer.excerpt)) return passageOf(answer, kb, 'quote');
  return { text: paragraph, emphasis: { spans: [quoted ?? answer.excerpt] } };
}

/**
 * Rendered passages by answer object. The engine hands back the same answer
 * object for the same question, so a question asked again (or by many people)
 * is escaped and highlighted once; entries go with their answers.
 */
const passageCache = new WeakMap<Answer, Map<string, string>>();

/** A cited passage as a Markdown block quote of at most `max` characters. */
export function renderPassage(answer: Answer, kb: KnowledgeBase, style: PassageStyle, max: number): string {
  const key = `${style}:${max}`;
  let byStyle = passageCache.get(answer);
  const hit = byStyle?.get(key);
  if (hit !== undefined) return hit;
  const { text, emphasis } = passageOf(answer, kb, style);
  // The two characters of "> " on each line are part of the budget.
  const lines = text.split('\n').length;
  const rendered = blockQuote(fitFormatted(text, max - 2 * lines, (t) => emphasize(t, emphasis)));
  if (!byStyle) passageCache.set(answer, (byStyle = new Map()));
  byStyle.set(key, rendered);
  return rendered;
}

/** `¶ 9 · RFE/RL`, and the date of what it cites when known: `¶ 2 · RFE/RL · August 5, 2018`. */
/** "¶ 9 · RFE/RL · August 5, 2018": the answer's own article's outlet when it comes from one of several. */
const citation = (answer: Pick<Answer, 'paragraph' | 'date' | 'outlet'>, kb: KnowledgeBase): string =>
  [TEXT.citation(answer.paragraph, answer.outlet ?? kb.meta.outlet), answer.date ? formatDate(answer.date) : null].filter(Boolean).join(' · ');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) as the article would write it: "August 5, 2018". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = m ? MONTHS[m - 1] : undefined;
  if (!month) return String(y ?? iso);
  return d ? `${month} ${d}, ${y}` : `${month} ${y}`;
}

/**
 * The knowledge an answer quotes: its own article's, when it comes from one
 * of several (`answer.article`, looked up in `delivery.sources`), else `kb`.
 */
function sourceOf(answer: Pick<Answer, 'article'>, kb: KnowledgeBase, delivery: Delivery): KnowledgeBase {
  return (answer.article && delivery.sources?.get(answer.article)) || kb;
}

/** The outlets of a reply's answers, for a footer: one, or each of several articles'. */
function outletsOf(answers: readonly Answer[], kb: KnowledgeBase, delivery: Delivery): string {
  if (!delivery.sources) return kb.meta.outlet;
  const outlets = [...new Set(answers.map((a) => sourceOf(a, kb, delivery).meta.outlet))];
  return outlets.length > 0 ? outlets.join(', ') : kb.meta.outlet;
}

/** The "Read the article" link button, when the article's URL is known and fits. */
function linkRow(kb: KnowledgeBase): ReplyPayload['components'] {
  const url = kb.meta.url;
  if (!url || url.length > BUTTON_URL_MAX) return [];
  return [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Link, label: TEXT.readArticle, url }] }];
}

/**
 * Makes a reply private and points it at the `mention:` user, who alone may be
 * pinged. A mention dropped because the reply is private is named, pinging no one.
 */
function deliver(embeds: APIEmbed[], components: ReplyPayload['components'], delivery: Delivery): ReplyPayload {
  const content = delivery.mention ? `<@${delivery.mention}>` : delivery.mentionDropped ? TEXT.mentionDropped : null;
  return fitToLimits({
    ...(content !== null ? { content } : {}),
    embeds,
    components,
    ...(delivery.ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
    allowed_mentions: delivery.mention ? { parse: [], users: [delivery.mention] } : { parse: [] },
  });
}

/**
 * Adds `fields` to `embed` while they fit (25 fields, 6000 characters in all);
 * the footer then says how many were left out.
 */
function withFields(embed: APIEmbed, fields: readonly APIEmbedField[], moreHint: string): APIEmbed {
  const reserve = 120;
  const kept: APIEmbedField[] = [];
  let length = embedLength(embed);
  for (const f of fields) {
    const size = f.name.length + f.value.length;
    if (kept.length >= EMBED_FIELDS_MAX || length + size > EMBEDS_TOTAL_MAX - reserve) break;
    kept.push(f);
    length += size;
  }
  const left = fields.length - kept.length;
  const footer = left > 0 ? [embed.footer?.text, TEXT.more(left, moreHint)].filter(Boolean).join(' · ') : embed.footer?.text;
  return { ...embed, fields: kept, ...(footer ? { footer: { text: truncate(footer, EMBED_FOOTER_MAX) } } : {}) };
}

// ----- replies ----------------------------------------------------------------

/** A short private notice: errors, "unknown command", "too fast". `text` is escaped. */
export function renderNotice(text: string): ReplyPayload {
  return fitToLimits({ content: plain(text, 2000), embeds: [], components: [], flags: EPHEMERAL_FLAG, allowed_mentions: { parse: [] } });
}

/** A button that runs `action`; none when its `custom_id` would not fit. */
function actionButton(label: string, action: ButtonAction, { disabled = false, primary = false } = {}): APIButtonComponent | null {
  const customId = encodeCustomId(action);
  if (!customId) return null;
  return {
    type: ComponentType.Button,
    style: primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
    label: truncate(label, BUTTON_LABEL_MAX),
    custom_id: customId,
    ...(disabled ? { disabled: true } : {}),
  };
}

const rowOf = (buttons: readonly (APIButtonComponent | null)[]): ReplyPayload['components'] => {
  const kept = buttons.filter((b): b is APIButtonComponent => b !== null).slice(0, BUTTONS_PER_ROW_MAX);
  return kept.length > 0 ? [{ type: ComponentType.ActionRow, components: kept }] : [];
};

/** Options of {@link renderNoAnswer}. */
export interface NoAnswerOptions {
  /** Whether the suggested questions, when pressed, are answered privately (as the question was asked). Default true. */
  readonly ephemeral?: boolean;
  /** The passage closest to the question, shown as "closest the article comes", cited. */
  readonly closest?: { readonly answer: Answer; readonly kb: KnowledgeBase };
  /** The article key the suggestions' buttons carry (see {@link Delivery}); default none. */
  readonly article?: string;
}

/**
 * "No answer": always private, never pings, with the closest passage when the
 * engine gives one, and "did you mean" suggestions the article can answer,
 * each a button that asks it. A suggestion whose button would not fit is listed as text.
 */
export function renderNoAnswer(message: string, suggestions: readonly (string | Suggestion)[], { ephemeral = true, closest, article = '' }: NoAnswerOptions = {}): ReplyPayload {
  const shown = suggestions.slice(0, SUGGESTIONS).map((s) => (typeof s === 'string' ? askSuggestion(s) : s));
  const buttons = shown.map((s) => ({ s, button: actionButton(s.label, { kind: 'run', command: s.command, private: ephemeral, article, value: s.value }) }));
  const asText = buttons.filter((b) => b.button === null || b.s.label.length > BUTTON_LABEL_MAX).map((b) => TEXT.suggestion(escapeText(b.s.label)));
  const withButtons = buttons.some((b) => b.button !== null);
  const lines = shown.length > 0 ? [withButtons ? TEXT.didYouMeanButtons : TEXT.didYouMean, ...asText] : [];
  const embed: APIEmbed = {
    title: plain(message, EMBED_TITLE_MAX),
    color: QUIET_COLOR,
    ...(lines.length > 0 ? { description: truncate(lines.join('\n'), EMBED_DESCRIPTION_MAX) } : {}),
    ...(closest ? { fields: [closestField(closest.answer, closest.kb)] } : {}),
  };
  return deliver([embed], rowOf(buttons.map((b) => b.button)), { ephemeral: true, mention: null });
}

function closestField(answer: Answer, kb: KnowledgeBase): APIEmbedField {
  const cite = `\n${citation(answer, kb)}`;
  return { name: TEXT.closest, value: renderPassage(answer, kb, 'matched', EMBED_FIELD_VALUE_MAX - cite.length) + cite };
}

/** The best answer with its excerpt, and up to {@link FURTHER_PASSAGES} further passages as fields. */
export function renderAnswer(result: AnswerResult, kb: KnowledgeBase, style: PassageStyle, delivery: Delivery = NO_DELIVERY): ReplyPayload {
  return once(result, variantOf(delivery, style), () => drawAnswer(result, kb, style, delivery));
}

function drawAnswer(result: AnswerResult, kb: KnowledgeBase, style: PassageStyle, delivery: Delivery): ReplyPayload {
  const [best, ...rest] = result.answers;
  if (!best) return renderNoAnswer(result.noAnswer?.message ?? '', []);
  const fields = rest.slice(0, FURTHER_PASSAGES).map((a, i) => {
    const own = sourceOf(a, kb, delivery);
    const cite = `\n${citation(a, own)}`;
    return {
      name: truncate(`${TEXT.alsoPassage(i + 2)}: ${escapeText(a.answer)}`, EMBED_FIELD_NAME_MAX),
      value: renderPassage(a, own, style, EMBED_FIELD_VALUE_MAX - cite.length) + cite,
    };
  });
  const bestKb = sourceOf(best, kb, delivery);
  const embed: APIEmbed = {
    title: plain(best.answer, EMBED_TITLE_MAX),
    description: renderPassage(best, bestKb, style, EMBED_DESCRIPTION_MAX),
    color: ANSWER_COLOR,
    footer: { text: citation(best, bestKb) },
    ...(fields.length > 0 ? { fields } : {}),
  };
  // The link goes to the article the best answer cites.
  return deliver([embed], linkRow(bestKb), delivery);
}

/**
 * The reply to an engine result: {@link renderAnswer}, or when there is no
 * answer, {@link renderNoAnswer} with the engine's suggestions.
 */
export function renderResult(
  result: AnswerResult,
  engine: Pick<Engine, 'kb' | 'suggestions'>,
  style: PassageStyle,
  delivery: Delivery = NO_DELIVERY,
): ReplyPayload {
  if (result.answers.length === 0) {
    const related = result.related?.[0];
    return renderNoAnswer(result.noAnswer?.message ?? '', engine.suggestions(result.question, SUGGESTIONS), {
      ephemeral: delivery.ephemeral,
      ...(delivery.article ? { article: delivery.article } : {}),
      ...(related ? { closest: { answer: related, kb: sourceOf(related, engine.kb, delivery) } } : {}),
    });
  }
  return renderAnswer(result, engine.kb, style, delivery);
}

/**
 * `/quotes` for someone the article mentions but never quotes: says so, then
 * who they are (the who-is answer, cited). Private like any "no answer".
 */
export function renderNeverQuoted(name: string, whoIs: AnswerResult, kb: KnowledgeBase, delivery: Delivery = NO_DELIVERY): ReplyPayload {
  const best = whoIs.answers[0];
  if (!best) return renderNoAnswer(TEXT.neverQuoted(name), []);
  kb = sourceOf(best, kb, delivery);
  const head = `**${TEXT.whoTheyAre}:** ${escapeText(best.answer)}\n`;
  const embed: APIEmbed = {
    title: plain(TEXT.neverQuoted(name), EMBED_TITLE_MAX),
    description: head + renderPassage(best, kb, 'in-paragraph', EMBED_DESCRIPTION_MAX - head.length),
    color: QUIET_COLOR,
    footer: { text: citation(best, kb) },
  };
  return deliver([embed], linkRow(kb), { ...delivery, ephemeral: true, mention: null });
}

/** Where a paged reply is: which page of how many, and which items are on it. */
interface Paging<T> {
  readonly page: number;
  readonly pages: number;
  readonly items: readonly T[];
}

/** Page `page` of `all` (clamped: a button pressed after the list got shorter shows its last page). */
function pageOf<T>(all: readonly T[], page: number, perPage: number): Paging<T> {
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { page: at, pages, items: all.slice(at * perPage, (at + 1) * perPage) };
}

/**
 * Previous and next buttons of a paged reply, for `asker` alone. None when it
 * has one page, or nobody to own them.
 */
function pageButtons(paging: Paging<unknown>, asker: Asker | undefined, delivery: Delivery): ReplyPayload['components'] {
  if (!asker || paging.pages <= 1) return [];
  const turn = (page: number): ButtonAction => ({
    kind: 'page',
    command: asker.command,
    private: delivery.ephemeral,
    article: delivery.article ?? '',
    owner: asker.user,
    page,
    value: asker.value,
  });
  const first = paging.page === 0;
  const last = paging.page === paging.pages - 1;
  const previous = actionButton(TEXT.previousPage, turn(first ? 0 : paging.page - 1), { disabled: first });
  const next = actionButton(TEXT.nextPage, turn(last ? paging.page : paging.page + 1), { disabled: last, primary: true });
  // Both or neither: one alone would strand the reader on a page.
  return previous && next ? rowOf([previous, next]) : [];
}

/** "Page 2 of 3" after `footer`, when there is more than one page. */
const pagedFooter = (footer: string, paging: Paging<unknown>): string => (paging.pages > 1 ? `${footer} · ${TEXT.pageOf(paging.page + 1, paging.pages)}` : footer);

/**
 * Everything one speaker is quoted as saying, each cited, in article order,
 * {@link QUOTES_PER_PAGE} a page; `asker` gets the page buttons.
 */
export function renderQuotes(sq: SpeakerQuotes, kb: KnowledgeBase, delivery: Delivery = NO_DELIVERY, asker?: Asker): ReplyPayload {
  // From several articles, the quotes are all of one speaker, in the article that names them.
  if (delivery.sources) kb = [...delivery.sources.values()].find((k) => k.entities.includes(sq.speaker)) ?? kb;
  const paging = pageOf(sq.quotes, asker?.page ?? 0, QUOTES_PER_PAGE);
  const embeds = once(sq, `page|${paging.page}`, () => drawQuotes(sq, kb, paging));
  return deliver(embeds, [...pageButtons(paging, asker, delivery), ...linkRow(kb)], delivery);
}

function drawQuotes(sq: SpeakerQuotes, kb: KnowledgeBase, paging: Paging<Answer>): APIEmbed[] {
  const fields = paging.items.map((a) => ({
    name: truncate(citation(a, kb), EMBED_FIELD_NAME_MAX),
    value: renderPassage(a, kb, 'quote', EMBED_FIELD_VALUE_MAX),
  }));
  const embed: APIEmbed = {
    title: plain(TEXT.quotesTitle(sq.speaker.name), EMBED_TITLE_MAX),
    description: TEXT.quotesCount(sq.quotes.length),
    color: ANSWER_COLOR,
    footer: { text: pagedFooter(kb.meta.outlet, paging) },
  };
  return [withFields(embed, fields, TEXT.moreQuotesHint)];
}

/**
 * Every dated event, earliest first, each with its sentence, {@link EVENTS_PER_PAGE}
 * a page; `asker` gets the page buttons. A passage that dates several events is
 * quoted once, under the first of them; the others point back to it.
 */
export function renderTimeline(events: readonly Answer[], kb: KnowledgeBase, delivery: Delivery = NO_DELIVERY, asker?: Asker): ReplyPayload {
  const paging = pageOf(events, asker?.page ?? 0, EVENTS_PER_PAGE);
  const embeds = once(events, `page|${paging.page}`, () => drawTimeline(events, kb, paging, delivery));
  // Events of several articles have no one article to link to.
  return deliver(embeds, [...pageButtons(paging, asker, delivery), ...(delivery.sources ? [] : linkRow(kb))], delivery);
}

function drawTimeline(events: readonly Answer[], kb: KnowledgeBase, paging: Paging<Answer>, delivery: Delivery): APIEmbed[] {
  // Where each passage is first quoted, across all pages: a later event from the same passage points there.
  const firstAt = new Map<string, number>();
  events.forEach((a, i) => {
    const key = `${a.paragraph}|${a.excerpt}`;
    if (!firstAt.has(key)) firstAt.set(key, i);
  });
  const offset = paging.page * EVENTS_PER_PAGE;
  const fields = paging.items.map((a, j) => {
    const sentence = `${escapeText(a.answer)}\n`;
    const first = firstAt.get(`${a.paragraph}|${a.excerpt}`) ?? offset + j;
    const name = truncate([a.date ? formatDate(a.date) : null, `¶ ${a.paragraph}`].filter(Boolean).join(' · '), EMBED_FIELD_NAME_MAX);
    if (first < offset + j) {
      const earlier = events[first];
      return { name, value: sentence + TEXT.sameExcerpt(a.paragraph, earlier?.date ? formatDate(earlier.date) : '') };
    }
    return { name, value: sentence + renderPassage(a, sourceOf(a, kb, delivery), 'matched', EMBED_FIELD_VALUE_MAX - sentence.length) };
  });
  const embed: APIEmbed = {
    title: delivery.sources ? TEXT.timelineTitleAll : TEXT.timelineTitle,
    ...(events.length === 0 ? { description: TEXT.timelineEmpty } : {}),
    color: ANSWER_COLOR,
    footer: { text: pagedFooter(outletsOf(events, kb, delivery), paging) },
  };
  return [withFields(embed, fields, TEXT.moreEventsHint)];
}

/** The passages closest to a message's text, each cited. */
export function renderPassages(passages: readonly Answer[], kb: KnowledgeBase, delivery: Delivery = NO_DELIVERY): ReplyPayload {
  const fields = passages.map((a) => ({
    name: delivery.sources ? `¶ ${a.paragraph} · ${escapeText(sourceOf(a, kb, delivery).meta.outlet)}` : `¶ ${a.paragraph}`,
    value: renderPassage(a, sourceOf(a, kb, delivery), 'matched', EMBED_FIELD_VALUE_MAX),
  }));
  const embed: APIEmbed = { title: TEXT.findTitle, color: ANSWER_COLOR, footer: { text: outletsOf(passages, kb, delivery) } };
  return deliver([withFields(embed, fields, '')], linkRow(passages[0] ? sourceOf(passages[0], kb, delivery) : kb), delivery);
}

/** The article: headline, outlet, date, the people in it, the link when known. */
export function renderArticle(kb: KnowledgeBase, delivery: Delivery = NO_DELIVERY): ReplyPayload {
  return deliver(
    once(kb, '', () => drawArticle(kb)),
    linkRow(kb),
    delivery,
  );
}

function drawArticle(kb: KnowledgeBase): APIEmbed[] {
  const { meta } = kb;
  const people = kb.entities.filter((e) => e.kind === 'person');
  const others = kb.entities.filter((e) => e.kind !== 'person');
  const fields: APIEmbedField[] = [];
  if (people.length > 0) {
    fields.push({
      name: TEXT.articlePeople,
      value: truncate(people.map((p) => `**${escapeText(p.name)}**${p.role ? `, ${escapeText(p.role)}` : ''}`).join('\n'), EMBED_FIELD_VALUE_MAX),
    });
  }
  if (others.length > 0) {
    fields.push({ name: TEXT.articleOthers, value: truncate(others.map((o) => escapeText(o.name)).join(' · '), EMBED_FIELD_VALUE_MAX) });
  }
  const description = [
    TEXT.articleOutlet(escapeText(meta.outletName), escapeText(meta.outlet)),
    ...(meta.published ? [TEXT.articlePublished(escapeText(formatDate(meta.published)))] : []),
  ].join('\n');
  const embed: APIEmbed = {
    title: plain(meta.title, EMBED_TITLE_MAX),
    ...(meta.url && meta.url.length <= BUTTON_URL_MAX ? { url: meta.url } : {}),
    description: truncate(description, EMBED_DESCRIPTION_MAX),
    color: ANSWER_COLOR,
    fields,
    footer: { text: meta.outlet },
  };
  return [embed];
}

/** Articles an "unknown article" notice lists; `/article` lists them all. */
export const ARTICLES_LISTED = 10;

/** An `article:` that names no article: private, with the articles there are (slug to type, and label). */
export function renderUnknownArticle(typed: string, library: Library): ReplyPayload {
  const lines = library.articles.slice(0, ARTICLES_LISTED).map((a) => `• \`${a.slug}\`: ${escapeText(articleLabel(a))}`);
  const left = library.articles.length - ARTICLES_LISTED;
  const embed: APIEmbed = {
    title: plain(TEXT.noSuchArticle(truncate(typed, 80)), EMBED_TITLE_MAX),
    description: truncate([TEXT.articleListHint, ...lines, ...(left > 0 ? [TEXT.more(left, '/article lists them all')] : [])].join('\n'), EMBED_DESCRIPTION_MAX),
    color: QUIET_COLOR,
  };
  return deliver([embed], [], { ephemeral: true, mention: null });
}

/** `/article` with several articles: each with its outlet, date and slug, the server's default marked. */
export function renderArticleList(listing: ArticleListing, delivery: Delivery = NO_DELIVERY): ReplyPayload {
  const { articles, serverDefault, defaultUnknown } = listing;
  const chosen = serverDefault ? articles.find((a) => a.slug === serverDefault) : undefined;
  const fields = articles.map((a) => ({
    name: plain(a.kb.meta.title, EMBED_FIELD_NAME_MAX),
    value: truncate(
      TEXT.articleEntry(a.kb.meta.published ? formatDate(a.kb.meta.published) : '', escapeText(a.kb.meta.outlet), a.slug.replaceAll('`', "'"), a.slug === serverDefault),
      EMBED_FIELD_VALUE_MAX,
    ),
  }));
  const about = chosen ? TEXT.articlesDefault(escapeText(chosen.kb.meta.title)) : defaultUnknown ? TEXT.articlesDefaultUnknown : TEXT.articlesAll;
  const embed: APIEmbed = { title: TEXT.articlesTitle(articles.length), description: `${about}\n${TEXT.articlesIntro}`, color: ANSWER_COLOR };
  return deliver([withFields(embed, fields, '/article article: shows one')], [], delivery);
}

/** How a command is typed: `/ask question: [private:] [mention:]`. */
export function usageOf(command: Command): string {
  const json = command.data.toJSON();
  if (json.type === ApplicationCommandType.Message || json.type === ApplicationCommandType.User) return json.name;
  const options = optionsOf(command).map((o) => {
    const required = 'required' in o && o.required === true;
    const isSub = o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup;
    return isSub ? o.name : required ? `${o.name}:` : `[${o.name}:]`;
  });
  return [`/${json.name}`, ...options].join(' ');
}

/**
 * Replies already drawn, by the engine result they show. The engine returns the
 * same result object for the same question, so a reply asked for again (or by
 * many people) is drawn once per way of delivering it.
 */
const drawn = new WeakMap<object, Map<string, unknown>>();

function once<T>(source: object, variant: string, draw: () => T): T {
  let byVariant = drawn.get(source) as Map<string, T> | undefined;
  const hit = byVariant?.get(variant);
  if (hit) return hit;
  const payload = draw();
  if (!byVariant) drawn.set(source, (byVariant = new Map<string, T>()));
  byVariant.set(variant, payload);
  return payload;
}

const variantOf = (delivery: Delivery, style = ''): string =>
  `${style}|${delivery.ephemeral}|${delivery.mention ?? ''}|${delivery.mentionDropped ? 'dropped' : ''}|${delivery.article ?? ''}`;

/** `/help` never changes for one list of commands: drawn once. */
const helpCache = new WeakMap<readonly Command[], ReplyPayload>();

/** What each command does, with an example. Private: it is for the one who asked. */
export function renderHelp(commands: readonly Command[]): ReplyPayload {
  const hit = helpCache.get(commands);
  if (hit) return hit;
  const payload = drawHelp(commands);
  helpCache.set(commands, payload);
  return payload;
}

function drawHelp(commands: readonly Command[]): ReplyPayload {
  const fields = commands.map((c) => {
    const json = c.data.toJSON();
    const about = 'description' in json && json.description ? json.description : COMMAND_TEXT.findInArticle;
    return {
      name: truncate(usageOf(c), EMBED_FIELD_NAME_MAX),
      value: truncate(`${escapeText(about)}\n${(isMessageCommand(c) ? TEXT.helpConsoleExample : TEXT.helpExample)(`\`${c.example.replaceAll('`', "'")}\``)}`, EMBED_FIELD_VALUE_MAX),
    };
  });
  const embed: APIEmbed = { title: TEXT.helpTitle, description: TEXT.helpIntro, color: ANSWER_COLOR };
  return deliver([withFields(embed, fields, '/help')], [], { ephemeral: true, mention: null });
}
