/**
 * "Is X the Y?" and "does X run Y?": whether the words guessed for someone are in their role, for
 * either engine. Pure functions over terms and tokens.
 */
import { stemmer } from 'stemmer';
import { verbLemmaOf } from '../english/verbs.ts';
import type { Token } from './text.ts';

/** Verbs of being in charge ("does Coats run the FBI?" asks whether that is his role), by stem. */
const IN_CHARGE = new Set(['run', 'head', 'lead', 'direct', 'chair', 'manag', 'overse', 'command']);

/** Is the token a verb of being in charge ("runs", "heads", "leads", "led")? */
export function inCharge(t: Token): boolean {
  return IN_CHARGE.has(stemmer(verbLemmaOf(t.norm) ?? t.norm));
}

/**
 * The verdict on the guessed words (`guessed`, as terms) against someone's role (`roleTerms`): "Yes"
 * when the role has them all, else "No". A question with a verb of being in charge (`leads`) gets
 * "Yes" also when their own sentence (`said`) says so ("who has led the town since 2015"), and no
 * verdict (null) when the role has the words only as the body they work for ("does Nauert run the
 * State Department?").
 */
export function roleVerdict(guessed: readonly string[], roleTerms: ReadonlySet<string>, leads: boolean, said: readonly Token[]): 'Yes' | 'No' | null {
  const ledThere = leads && said.some((t) => inCharge(t)) && guessed.every((g) => said.some((x) => x.term === g));
  const held = ledThere || guessed.every((g) => roleTerms.has(g));
  if (held && leads && !ledThere) return null;
  return held ? 'Yes' : 'No';
}
