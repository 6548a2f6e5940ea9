/** The engine's public surface: load the knowledge, build an engine, ask. */
export { createEngine, isCurated, type Engine, type EngineOptions, type Choice, type SpeakerQuotes } from './engine.ts';
export { cleanQuestion } from './curated.ts';
export { createGeneralEngine, type GeneralEngine } from './general.ts';
export * from './types.ts';
export { loadKnowledge, KnowledgeError, DEFAULT_KNOWLEDGE_DIR, KNOWLEDGE_ROOT, packDirs, type KnowledgeBase } from '../knowledge/load.ts';
export { loadLibrary, createLibrary, articleLabel, libraryEngine, chooseArticle, type Library, type Article, type ArticleSource } from './library.ts';
