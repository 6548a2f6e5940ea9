/** The engine's public surface: load the knowledge, build an engine, ask. */
export { createEngine, cleanQuestion, type Engine, type EngineOptions, type Choice, type SpeakerQuotes } from './engine.ts';
export * from './types.ts';
export { loadKnowledge, KnowledgeError, DEFAULT_KNOWLEDGE_DIR, type KnowledgeBase } from '../knowledge/load.ts';
