/**
 * English function words the shallow syntax relies on. These are grammar, not
 * world knowledge, so they live with the analyser rather than under data/.
 */
const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Modals that make an event intended rather than asserted. */
export const FUTURE_MODALS = set("will shall 'll wo");
/** Modals that make an event hypothetical. */
export const HYPOTHETICAL_MODALS = set("would could might may should must can ca 'd ought");
export const NEGATORS = set("not n't never");

/** Verbs that take a "to" infinitive naming what is only planned or wished. */
export const INTENT_VERBS = set("plan intend expect hope aim want wish seek prepare schedule set mean going plot vow_not");
/** Verbs that take an infinitive which may not happen. */
export const HYPOTHETICAL_VERBS = set("need have seem appear consider");
/** Verbs of deciding: the decision is the act, as the news reports it ("decided to lift sanctions"). */
export const DECISION_VERBS = set("decide resolve vote opt");
/** Verbs of trying: their infinitive was attempted ("tried to storm the embassy"). */
export const ATTEMPT_VERBS = set("try attempt");
/** Catenatives whose infinitive happened but in the negative. */
export const FAILURE_VERBS = set("fail");

/** Verbs of saying: they frame reported speech and are not events by themselves. */
export const SPEECH_VERBS = set(
  "say add tell state stress note insist announce declare claim report write explain emphasize emphasise underline underscore remark reiterate confirm assert argue comment observe recall point suggest believe think know acknowledge told",
);

/** Words that open a subordinate or complement clause. */
export const SUBORDINATORS = set(
  "that because while although though if unless when whereas after before since as until once whether so lest what how why where",
);
/**
 * Subordinators that only ever open an adverbial clause of their own (unlike "after", "since" or "as", also
 * prepositions). Not "if" or "unless": a threat's condition names whom it is aimed at ("threatened to close the
 * strait if the United States attacked").
 */
export const ADVERBIAL_SUBORDINATORS = set("because while although though when whereas");
export const CONDITIONALS = set("if unless");
export const RELATIVE_PRONOUNS = set("who which whom whose");

/** Prepositions whose object is what the event is about, not whom it is done to. */
export const TOPIC_PREPOSITIONS = set("on about over regarding concerning via through despite amid");
/** Prepositions whose object is where the event happens. */
export const LOCATIVE_PREPOSITIONS = set("in at near outside inside");

/** Past participles that do not end in -ed or -en. */
export const IRREGULAR_PARTICIPLES = set(
  "met held made sent brought caught bought built cut fought found hung hurt kept laid led left lost put read run said sold set shut sought spent struck stuck told understood won withheld upheld hit shot bound dealt fed felt heard lent meant paid slain spun swept taught thought sworn torn worn born borne begun done drawn flown grown known shown thrown withdrawn overthrown undertaken",
);

/** Participles that, after "be", describe a state and take "to"/"about"/"in" ("are opposed to"). */
export const STATE_PARTICIPLES = set(
  "opposed committed determined prepared concerned interested engaged involved supposed used dedicated devoted resolved inclined poised",
);

/** Phrases that refer back to two actors already named. */
export const GROUP_NOUNS = set(
  "leaders sides countries nations presidents governments partners men women ministers neighbours neighbors parties delegations states allies premiers chancellors heads",
);

/** Verbs whose "that" clause is wanted, not done ("demanded that Russia withdraw"); its subject is whom they address. */
export const DIRECTIVE_VERBS = set("demand urge ask insist propose suggest call recommend request want order hope wish expect plan threaten warn");

/** Particles that make a phrasal verb: "struck up" is not "struck", "called off" is not "called". */
export const PARTICLES = set("up down off out back away");

/** Nouns whose "on" names a target, not a topic: "sanctions on Iran", "attack on Kyiv" (not "data on missiles"). */
export const TARGETING_NOUNS = set(
  "sanction embargo tariff restriction ban curb pressure attack strike airstrike raid crackdown war blockade boycott assault offensive fire bombardment missile rocket shelling limit cap duty levy penalty measure hold",
);

/** Verbs that take an event noun as what they do: "launched an attack", "held talks", "imposed sanctions". */
export const LIGHT_VERBS = set("launch carry conduct stage mount hold begin start open make pay impose declare announce order wage continue resume step intensify escalate unleash");

/**
 * Verbs whose plural subject acts on itself when nothing else is named: "China and Russia agreed",
 * "the two sides met". A pattern marked `both` says the same for its own verb.
 */
export const MUTUAL_VERBS = set("agree meet talk negotiate reconcile cooperate");

/**
 * Nouns that, as a plural subject's object, lie between its members: "Gondor and Osgiliath renewed diplomatic
 * ties", "postponed their meeting". ("warned their citizens" is no such thing.)
 */
export const RELATION_NOUNS = set("tie relation relationship meeting talk summit negotiation dispute cooperation partnership alliance rivalry");

/** Passives before an infinitive that report the infinitive as fact: "was seen to break in", "is known to have met". */
export const WITNESS_VERBS = set("see know observe report");

/** Posts abroad: "the embassy in Nairobi" is some other country's, in Kenya. */
export const POSTS_ABROAD = set("embassy consulate ambassador envoy consul diplomat mission delegation");

/** Nouns for outlets that speak for their owner: "the official news agency", "state media". */
export const MEDIA_NOUNS = set("news agency media newspaper television radio broadcaster channel daily");

/** Nouns for people other than their possessor: "Ukraine's allies" are not Ukraine. */
export const OTHERS_NOUNS = set("ally critic enemy opponent rival supporter neighbour neighbor foe partner backer adversary friend victim detractor counterpart");
