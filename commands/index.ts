/**
 * Every command of the bot, in the order `/help` lists them. The deploy
 * script, the Discord router and the local console all read this one list.
 */
import type { Command } from '../src/bot/command.ts';
import article from './article.ts';
import articleUse from './article-use.ts';
import ask from './ask.ts';
import findInArticle from './find-in-article.ts';
import help from './help.ts';
import quotes from './quotes.ts';
import timeline from './timeline.ts';
import when from './when.ts';
import whoIs from './who-is.ts';
import whoSaid from './who-said.ts';

export const commands: readonly Command[] = Object.freeze([ask, whoSaid, quotes, when, timeline, whoIs, article, articleUse, findInArticle, help]);
