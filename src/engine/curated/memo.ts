/**
 * Remembering the curated engine's recent results: answers depend only on the
 * text asked, and readers ask the same things (autocomplete asks again at
 * every keystroke).
 */
import { LRUCache } from 'lru-cache';

/** How many recent results each remembered lookup keeps (least recently used out first). */
export const MEMO_SIZE = 512;

/** A result in the cache: boxed, as the cache holds no `null` (a speaker nobody quotes). */
interface Held<R> {
  readonly result: R;
}

/** `fn` remembering its last {@link MEMO_SIZE} results. */
export function remember<R>(fn: (text: string) => R): (text: string) => R {
  const cache = new LRUCache<string, Held<R>>({ max: MEMO_SIZE, memoMethod: (text) => ({ result: fn(text) }) });
  return (text) => cache.memo(text).result;
}

/** {@link remember} for lookups that also take a limit: {@link MEMO_SIZE} results for each limit asked with. */
export function rememberWithLimit<R>(fn: (text: string, limit?: number) => R): (text: string, limit?: number) => R {
  const byLimit = new Map<number | undefined, (text: string) => R>();
  return (text, limit) => {
    let remembered = byLimit.get(limit);
    if (!remembered) byLimit.set(limit, (remembered = remember((t) => fn(t, limit))));
    return remembered(text);
  };
}
