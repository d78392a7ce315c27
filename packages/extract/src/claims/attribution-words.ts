/**
 * The rule layer's vocabulary for attribution, read off the seed reports and wire style
 * guides (Reuters Handbook of Journalism, "Attribution"). Kept here so a new verb is one line.
 */
export const SAY_VERBS =
  /\b(said|says|say|saying|told|tells|added|adding|alleged|reported|stated|announced|confirmed|acknowledged|denied|deny|denies|dismissed|warned|claimed(?! the lives)|estimates|estimated|expressed concern|blamed|pointed the finger|accused|termed|insisted|stressed|suggested)\b/g;

/** Verbs whose statement rejects the claim it carries: "dismissed ... as fabrications". */
export const DENY_VERBS = /^(?:denied|deny|denies|dismissed)$/;

/** Words that end a speaker phrase from the left. */
export const LEADING_FILLER =
  /^(?:(?:but|and|however|meanwhile|earlier|later|also|even|then|yet|so|with|while|as|in fresh strikes)[\s,]+)+/i;

/** Adverbs and dates between a speaker and the verb: "also said Thursday", "reportedly added". */
export const TRAILING_FILLER =
  /(?:\s+(?:also|reportedly|repeatedly|again|earlier|later|previously|separately|had|has|have|was|were|on|for their part|for its part|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:on\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}))+\s*$/i;

/** A comma chunk that cannot be a speaker: "aged nine", "12", "speaking on December 8", "who has invested". */
export const NOT_A_SPEAKER = /^\s*(?:aged\b|\d+$|speaking\b|who\b|which\b|where\b|when\b|$)/i;

/** Nouns that make a phrase a person described by role: "a fighter with the Zinki group". */
export const ROLE_NOUNS =
  /\b(official|officials|spokesman|spokeswoman|spokesperson|fighter|fighters|source|sources|journalist|head|member|commander|resident|residents|activist|activists|envoy|ambassador|minister|diplomats|monitor)\b/i;

export const PRONOUNS: Record<string, 'person' | 'female' | 'thing' | 'plural'> = {
  he: 'person',
  she: 'female',
  it: 'thing',
  they: 'plural',
};

/** Anaphors that point back to the last organisation that spoke. */
export const ORG_ANAPHOR = /^(?:the|The)\s+(group|ministry|monitor|organisation|organization|agency|office)$/;
