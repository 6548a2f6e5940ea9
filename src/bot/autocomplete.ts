/**
 * What a person typed into an autocompleted option, as the engine's lookups
 * want it. Discord sends a picked choice's `value` (an id), but a person may
 * also type a choice's label (or part of it) and send it without picking, and
 * the console's Tab inserts the label: both must find the same item as the pick.
 */
import type { Choice } from '../engine/index.ts';
import { ELLIPSIS } from './limits.ts';

/** A pick list: the engine's `quoteChoices`, `speakerChoices`, … */
export type PickList = (typed: string, limit?: number) => readonly Choice[];

/** Every choice of a list, whatever the limit Discord puts on one reply. */
const EVERY_CHOICE = 10_000;

/** Lower case, quote styles and white space folded; a trailing ellipsis (a cut label) dropped. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The parts a label is read in: "words — speaker" and "date: event" each have two. */
const partsOf = (label: string): string[] => [label, ...label.split(/ — |: /)].map(fold).filter(Boolean);

/**
 * The choice `typed` stands for: its value (an id) itself; its whole label,
 * even cut short with "…"; or one part of a label ("megaphone diplomacy",
 * "Facebook announced …") when exactly one choice has that part. Null when
 * `typed` is free text that names no single choice: then the engine reads it.
 */
export function pickedChoice(typed: string, list: PickList): Choice | null {
  const text = fold(typed);
  if (!text) return null;
  const all = list('', EVERY_CHOICE);
  const byValue = all.find((c) => c.value === typed.trim());
  if (byValue) return byValue;
  // Folding would turn the ellipsis into three dots: look for it first.
  const cut = typed.trimEnd().endsWith(ELLIPSIS) ? fold(typed.trimEnd().slice(0, -ELLIPSIS.length)) : null;
  const whole = all.filter((c) => fold(c.label) === text || (cut !== null && cut.length > 0 && fold(c.label).startsWith(cut)));
  if (whole.length === 1) return whole[0]!;
  const part = all.filter((c) => partsOf(c.label).includes(text));
  return part.length === 1 ? part[0]! : null;
}

/** The value to hand the engine: the picked choice's id, or the typed text as it is. */
export function resolveTyped(typed: string, list: PickList): string {
  return pickedChoice(typed, list)?.value ?? typed;
}
