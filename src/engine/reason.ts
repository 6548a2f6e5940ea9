/**
 * The reason a sentence gives, for a why-question: the clause its reason word opens
 * ("… convoked Zhirnov to answer for the Kremlin's attempts …", "… called in the chargé over
 * Moscow's efforts …"). A pure function, for either engine.
 */

/** Words that open a reason. ("for" and "after" alone say too many other things.) */
const REASON_OPENER = /(?:^|[\s,(])((?:because(?: of)?|due to|owing to|in response to|in retaliation for|to answer for|in order to|so that|over what|over (?:its|their|his|her|the))(?=\s+\S))/iu;

/** The clause a reason word opens in `sentence`, to the end of the sentence, without closing quotes; null when it has none. */
export function reasonIn(sentence: string): string | null {
  const m = REASON_OPENER.exec(sentence);
  if (!m) return null;
  // (To the sentence's end, or a dash that starts another clause: "… in the U.S. -- we will not tolerate …".)
  const clause = sentence.slice(m.index + m[0].length - m[1]!.length).split(/\s+(?:--|—|–)\s+/u)[0]!.replace(/["”’]+\s*$/u, '').replace(/[.;,\s]+$/u, '');
  // (A reason of a few words only is a phrase, not what a why-question asks.)
  return clause.split(/\s+/).length >= REASON_WORDS ? `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.` : null;
}

/** At least this many words make a reason worth answering with. */
const REASON_WORDS = 4;
