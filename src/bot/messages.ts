/**
 * Every text the bot shows a person, in one place: command descriptions,
 * titles, apologies, hints. Article text and engine sentences are not here;
 * they come from the knowledge base.
 */

/** Descriptions of the commands as registered (each at most 100 characters). */
export const COMMAND_TEXT = {
  ask: 'Ask a question about the article; the answer quotes it',
  whoSaid: 'Who said a quote, when and how',
  quotes: 'Everything a speaker is quoted as saying, in article order',
  when: 'When something in the article happened',
  timeline: 'Every dated event in the article, in order',
  whoIs: 'Who a person or organization in the article is',
  article: 'The article: headline, outlet, date and the people in it; with several, the list of them',
  articleUse: 'Set the article this server’s commands answer from (Manage Server)',
  help: 'What each command does, with an example',
  /** Context-menu commands have no description on Discord; this is for /help. */
  findInArticle: 'On any message: ⋯ (or right-click) → Apps → Find in article. Shows the passages closest to it.',
} as const;

/** Descriptions of the options (each at most 100 characters). */
export const OPTION_TEXT = {
  question: 'Your question about the article, e.g. who said …? when did …? what did … say?',
  quote: 'Words of the quote (pick one from the list)',
  speaker: 'Who is quoted (pick one from the list)',
  event: 'What happened (pick one from the list)',
  name: 'A person or organization (pick one from the list)',
  private: 'Show the answer only to you',
  mention: 'Someone to point the answer at (the only person it may ping)',
  article: 'Which article to answer from (pick one; default: the server’s, else all)',
  articleUse: 'The article to answer from by default, or “clear” to answer from all of them',
} as const;

/** The name of the message context-menu command. */
export const FIND_IN_ARTICLE = 'Find in article';

export const TEXT = {
  readArticle: 'Read the article',
  /** Footer of a cited passage. */
  citation: (paragraph: number, outlet: string) => `¶ ${paragraph} · ${outlet}`,
  /** Field name above each further passage. */
  alsoPassage: (n: number) => `Also (${n})`,
  didYouMean: 'Did you mean',
  /** Above the passage nearest a question the article does not answer. */
  closest: 'Closest the article comes',
  /** Above "did you mean" buttons. */
  didYouMeanButtons: 'Did you mean one of these? Press one to ask it.',
  /** Suggestion line: how to ask it. */
  suggestion: (question: string) => `• ${question}`,
  quotesTitle: (speaker: string) => `What ${speaker} is quoted as saying`,
  quotesCount: (n: number) => (n === 1 ? '1 passage, in article order.' : `${n} passages, in article order.`),
  noSuchSpeaker: (typed: string) => (typed.trim() ? `The article quotes no one called “${typed.trim()}”.` : 'Pick a speaker from the list.'),
  /** `/quotes` for someone the article mentions but never quotes; the who-is answer follows. */
  neverQuoted: (name: string) => `The article never quotes ${name}.`,
  /** Above the who-is answer of someone never quoted. */
  whoTheyAre: 'Who they are',
  timelineTitle: 'Timeline of the article',
  timelineTitleAll: 'Timeline of the articles',
  timelineEmpty: 'The article gives no dated events.',
  more: (n: number, hint: string) => `…and ${n} more; ${hint}`,
  /** Footer of a paged reply. */
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  previousPage: '◀ Previous',
  nextPage: 'Next ▶',
  moreQuotesHint: 'ask /who-said for one of them',
  moreEventsHint: 'ask /when for one of them',
  /** A timeline event dated by a passage already quoted above it. */
  sameExcerpt: (paragraph: number, date: string) => `(¶ ${paragraph}: the passage quoted under ${date || 'an earlier event'})`,
  findTitle: 'Closest passages in the article',
  findNothing: 'That message shares no words with the article.',
  findEmpty: 'That message has no text to look up.',
  articleOutlet: (name: string, short: string) => `${name} (${short})`,
  articlePublished: (date: string) => `Published: ${date}`,
  articlePeople: 'People in it',
  articleOthers: 'Also in it',
  /** `/article` with several articles. */
  articlesTitle: (n: number) => `${n} articles`,
  articlesIntro: 'Add `article:` to any command to answer from one of them.',
  articlesAll: 'Without `article:`, commands answer from all of them, and each answer names its article.',
  articlesDefault: (title: string) => `This server answers from **${title}** unless a command says otherwise.`,
  articlesDefaultUnknown: 'The server’s default article cannot be read right now, so commands answer from all of them.',
  articleEntry: (date: string, outlet: string, slug: string, isDefault: boolean) => `${outlet}${date ? ` · ${date}` : ''} · \`${slug}\`${isDefault ? ' · **server default**' : ''}`,
  /** An `article:` value that names no article. */
  noSuchArticle: (typed: string) => `No article matches “${typed}”.`,
  articleListHint: 'Pick one from the list as you type `article:`, or use one of these:',
  /** `/article-use`. */
  articleUseSet: (label: string) => `From now on, this server’s commands answer from ${label} unless they name another with article:.`,
  /** The first autocomplete choice of `/article-use`. */
  articleUseClearChoice: 'clear: no default; answer from every article',
  articleUseCleared: (n: number) =>
    n > 1 ? 'This server has no default article now: commands answer from all of them, each answer naming its article.' : 'This server has no default article now.',
  articleUseGuildOnly: '/article-use sets a server’s default article, so it works only in a server.',
  articleUseForbidden: 'Only members with the Manage Server permission can set the server’s default article.',
  articleUseFailed: (why: string) => `The server’s default article could not be saved: ${why}. Answering still works; please try again later.`,
  /** Why a settings call failed, for the person who tried (no paths, no URLs). */
  settingsProblem: (problem: 'unavailable' | 'corrupt' | 'read-only' | 'invalid') =>
    ({
      unavailable: 'the settings database cannot be reached',
      corrupt: 'the settings database is damaged',
      'read-only': 'the settings database cannot be written',
      invalid: 'that is not a server and article it can store',
    })[problem],
  helpTitle: 'citebot answers questions about news articles',
  helpIntro: 'Every answer quotes the article and names the paragraph. Add `article:` to pick the article, `private: True` to see an answer alone.',
  helpExample: (example: string) => `Example: ${example}`,
  helpConsoleExample: (example: string) => `Example (in the local console): ${example}`,
  apology: 'Sorry, something went wrong while answering. It has been logged; please try again.',
  unknownCommand: (name: string, closest: string | null = null) =>
    closest ? `I do not know the command “${name}”. Did you mean /${closest}? Try /help for the list.` : `I do not know the command “${name}”. Try /help.`,
  /** A button whose `custom_id` is not one the bot makes. */
  buttonUnknown: 'That button is not one of mine, so I cannot tell what it should do. Run the command again.',
  /** A button from an older version of the bot, or for something it no longer serves. */
  buttonStale: 'That button is from an older reply and no longer works. Run the command again.',
  /** Someone pressed a page button of a reply someone else asked for. */
  notYourPages: (command: string) => `Only the person who asked can turn these pages. Run ${command} yourself to page through it.`,
  /** `private:` with `mention:`: no one else could see a private reply, so it pings no one. */
  mentionDropped: 'This answer is private, so only you can see it: the user in mention: was not notified.',
  rateLimitedDiscord: (unixSeconds: number) => `You’re going too fast. Try again <t:${unixSeconds}:R>.`,
  rateLimitedPlain: (seconds: number) => `You’re going too fast. Try again in ${seconds} s.`,
} as const;

/** Texts of the local console only. */
export const CONSOLE_TEXT = {
  banner: (why: string) =>
    `${why}citebot console: type a /command or just a question. Tab completes commands, options and names; help lists the commands; a number presses a button; Ctrl+C clears the line, and on an empty line (or quit, or Ctrl+D) quits.`,
  noToken: 'No DISCORD_TOKEN set, so this is the local console (the same commands and replies as on Discord).\n',
  prompt: 'citebot> ',
  ephemeral: '(only you can see this)',
  tooLong: (option: string, max: number, length: number) => `${option}: takes at most ${max} characters, as on Discord (this one has ${length}).`,
  tooShort: (option: string, min: number) => `${option}: takes at least ${min} characters.`,
  /** A button of the last reply, numbered so it can be pressed by typing the number. */
  numberedButton: (n: number, label: string) => `[${n}] ${label}`,
  pressHint: 'Type a number to press its button.',
  noSuchButton: (n: number, count: number) =>
    count === 0 ? `There is no button to press: the last reply has none.` : `There is no button ${n}: the last reply has ${count === 1 ? 'only button 1' : `buttons 1 to ${count}`}.`,
  missingOption: (option: string, example: string) => `This command needs ${option}: (for example: ${example})`,
  badBoolean: (option: string) => `${option}: takes true or false.`,
  badUser: (option: string) => `${option}: takes a user, like <@123456789012345678> or its id.`,
  unexpectedText: (command: string) => `/${command} takes no free text here; see /help for its options.`,
  button: (label: string, url: string) => `[${label}] ${url}`,
} as const;

/** Texts for whoever runs the bot (logs and standard error). They never contain the token. */
export const OPERATOR_TEXT = {
  ready: 'ready',
  tokenRejected:
    'DISCORD_TOKEN was rejected by Discord (401 Unauthorized). Reset it in the Developer Portal (your application → Bot → Reset Token) and put the new one in .env.',
  closed: (code: number) => {
    switch (code) {
      case 4004:
        return 'DISCORD_TOKEN was rejected by the Discord gateway (close code 4004). Reset it in the Developer Portal and put the new one in .env.';
      case 4013:
      case 4014:
        return `Discord refused the gateway intents (close code ${code}).`;
      default:
        return `Discord closed the gateway for good (close code ${code}).`;
    }
  },
  loginFailed: 'could not log in to Discord',
  loginRetry: 'Discord cannot be reached; trying again',
  loginTimeout: (seconds: number, api: string) => `could not connect to Discord within ${seconds} s (REST base ${api}); check the network or DISCORD_API_URL`,
  shuttingDown: 'shutting down',
  listening: (what: string) => `serving ${what} over HTTP`,
  cannotListen: (host: string, port: number) => `cannot listen on ${host}:${port}; is the port taken, or the address not this machine's?`,
  destroyTimeout: 'the Discord client did not close in time; exiting anyway',
  unhandledRejection: 'unhandled promise rejection (the bot keeps running)',
  warmFailed: 'could not build the engine\'s indexes ahead of time; they are built on first need',
  noCommandsRegistered: 'slash commands are registered with `npm run deploy`, not on start',
} as const;
