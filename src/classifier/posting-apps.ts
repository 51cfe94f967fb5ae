// Posting apps made for scheduling and publishing marketing in bulk, told by their name in the
// tweet's `source` ("Buffer", "Hootsuite Inc.", "Sprout Social"): a name as a whole word, in any
// case of its ASCII letters. Read by looking each name up in the source; a regexp of this list
// held 11 KB of native code in the background worker (issue 12).
import { isUpperLetterCode, isWordCode } from './char-codes';
import { remember } from '../shared/remember';

/** The names, lowercase, each way they are written ("sprout social", "sproutsocial"). */
const SCHEDULERS = [
  'buffer', 'hootsuite', 'sprout social', 'sproutsocial', 'later', 'dlvr.it', 'dlvrit', 'ifttt', 'zapier',
  'publer', 'socialpilot', 'sendible', 'loomly', 'agorapulse', 'socialbee', 'tweetdeck teams', 'hypefury',
  'typefully', 'tweet hunter', 'tweethunter', 'taplio', 'postpone', 'radaar', 'meet edgar', 'meetedgar',
  'coschedule', 'metricool', 'social champ', 'socialchamp', 'falcon.io', 'brandwatch', 'emplifi', 'khoros',
  'sprinklr', 'oktopost', 'planable', 'vista social', 'statusbrew', 'crowdfire', 'onlypult', 'feedhive',
  'blaze', 'ocoya', 'postiz', 'make.com', 'n8n',
];

/**
 * Sources already read: a timeline's tweets come from a handful of apps ("Twitter for iPhone",
 * "Twitter Web App"), and every tweet and every author's update asks.
 */
const SOURCE_CACHE_MAX = 256;
const sourceCache = new Map<string, boolean>();

/** Exposed for the author model (whose posting app is a scheduler) and tests. */
export function isSchedulerApp(source: string | undefined): boolean {
  return !!source && remember(sourceCache, SOURCE_CACHE_MAX, source, namesScheduler);
}

function namesScheduler(source: string): boolean {
  const s = asciiLower(source);
  for (const name of SCHEDULERS) {
    for (let at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + 1)) {
      if ((at === 0 || !isWordCode(s.charCodeAt(at - 1))) && !isWordCode(s.charCodeAt(at + name.length))) return true;
    }
  }
  return false;
}

/** A–Z to a–z and nothing else (what a regexp's /i folds in an ASCII pattern; the length is kept). */
function asciiLower(s: string): string {
  let i = 0;
  while (i < s.length && !isUpperLetterCode(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += isUpperLetterCode(c) ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}
