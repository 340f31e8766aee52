/**
 * Regular expressions in routing rules are written by admins but run on
 * every anonymous message, so they must never cost more than linear time.
 *
 * At run time a pattern runs on RE2 (re2js, pure JavaScript): matching time
 * grows with the text, never exponentially, whatever the pattern, and the
 * text is cut to RULE_TEXT_MAX characters first. At save time a pattern is
 * refused with the reason when RE2 cannot run it (lookaround,
 * backreferences), or when recheck finds it catastrophic for a backtracking
 * engine (exponential, or polynomial of degree 3 and up): such a pattern is
 * a mistake or an attack, and would hurt wherever else it is reused.
 */
import { check } from 'recheck';
import { RE2JS } from 're2js';

/** The most of a message's text a rule's pattern looks at. */
export const RULE_TEXT_MAX = 10_000;

/** How long the save-time ReDoS check may take; a pattern it cannot judge in time is still safe on RE2. */
const CHECK_TIMEOUT_MS = 3_000;

/** A pattern compiled for RE2, case-insensitive like the rules always were; throws when RE2 cannot run it. */
export function compileRulePattern(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** Whether `pattern` occurs in `text` (its first RULE_TEXT_MAX characters), in linear time. */
export function rulePatternFinds(re: RE2JS, text: string): boolean {
  return re.matcher(text.length > RULE_TEXT_MAX ? text.slice(0, RULE_TEXT_MAX) : text).find();
}

/** Why a pattern may not be saved, or null. */
export async function rulePatternProblem(pattern: string): Promise<string | null> {
  try {
    new RegExp(pattern, 'i');
  } catch (err) {
    return `not a valid regular expression: ${(err as Error).message}`;
  }
  try {
    compileRulePattern(pattern);
  } catch (err) {
    return `not supported by the linear-time matcher (RE2 syntax: no lookaround or backreferences): ${(err as Error).message}`;
  }
  const result = await check(pattern, 'i', { timeout: CHECK_TIMEOUT_MS });
  if (result.status !== 'vulnerable') return null;
  const complexity = result.complexity;
  if (complexity.type === 'polynomial' && complexity.degree < 3) return null;
  const attack = result.attack.string.length > 40 ? `${result.attack.string.slice(0, 40)}…` : result.attack.string;
  return `catastrophic backtracking (ReDoS): ${complexity.summary} time on input like ${JSON.stringify(attack)}; rewrite it without nested or overlapping repetition`;
}
