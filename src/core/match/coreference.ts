/**
 * What a document has said so far: the names it introduced and the actors a
 * reader would take "he", "they", "the two leaders" or "Putin" to mean.
 * One instance per document; coding another document starts afresh.
 */
import type { Token } from "../analyse/tagger.js";
import { compoundBefore } from "./anaphora.js";
import type { Mention } from "./mentions.js";

/** An actor as the coder resolved it, before it is tied to a span of text. */
export interface ActorRef {
  code: string;
  country: string | null;
  sectors: string[];
  name: string;
  /** A named individual (he/she can refer to it). */
  person: boolean;
  /** A code made by a prefix agent ("NGOARN"): roles are still appended to it ("NGOARNGOV"). */
  open?: boolean;
}

export class Coreference {
  private readonly names = new Map<string, ActorRef>();
  private readonly personsByCode = new Map<string, ActorRef>();
  private lastPerson: ActorRef | null = null;
  /** People named in the sentence being read, and in the last sentence that named any, in order. */
  private personsNow: ActorRef[] = [];
  private personsBefore: ActorRef[] = [];
  /** Plural actors (groups, plural roles) named in this sentence and in the last one that named any, in order. */
  private pluralsNow: ActorRef[][] = [];
  private pluralsBefore: ActorRef[][] = [];
  private lastThing: ActorRef | null = null;
  private lastOrg: ActorRef | null = null;
  /** Who "they" means: the last compound or plural. */
  private lastPlural: ActorRef[] | null = null;
  /** The last two or more actors named together ("Xi and Putin"). */
  private lastGroup: ActorRef[] | null = null;
  /** The last group of named people: what "the two leaders" means. */
  private lastPeople: ActorRef[] | null = null;
  private readonly recent: ActorRef[] = [];

  registerName(nameTokens: string[], ref: ActorRef): void {
    for (const t of nameTokens) if (t.length > 1 && /^[a-z]/.test(t)) this.names.set(t, ref);
  }

  byName(token: string): ActorRef | null {
    return this.names.get(token) ?? null;
  }

  personWithCode(code: string): ActorRef | null {
    return this.personsByCode.get(code) ?? null;
  }

  resolvePronoun(pronoun: string): ActorRef[] {
    if (pronoun === "he" || pronoun === "she" || pronoun === "his") {
      // the subject of the sentence so far, else of the last sentence that named people (usually named first)
      const pick = this.personsNow[0] ?? this.personsBefore[0] ?? this.lastPerson;
      return pick ? [pick] : [];
    }
    if (pronoun === "him" || pronoun === "her") {
      // an object is rarely the subject of its own sentence: "Scholz spoke with Putin and urged him to ..."
      const subject = this.personsNow[0];
      const pick = [...this.personsNow].reverse().find((p) => p !== subject) ?? [...this.personsBefore].reverse().find((p) => p.code !== subject?.code) ?? this.lastPerson;
      return pick ? [pick] : [];
    }
    // "they": the first plural of this sentence so far (its subject), else of the last sentence that had one
    if (pronoun === "they" || pronoun === "their") return this.pluralsNow[0] ?? this.pluralsBefore[0] ?? this.lastPlural ?? this.lastGroup ?? [];
    if (pronoun === "them") return this.lastPlural ?? this.lastGroup ?? [];
    if (pronoun === "it" || pronoun === "its") return this.lastThing ? [this.lastThing] : [];
    return [];
  }

  /** The people a personal pronoun could mean, most likely first after the chosen reading. */
  recentPeople(): ActorRef[] {
    const all = [...this.personsNow].reverse().concat([...this.personsBefore].reverse());
    if (this.lastPerson) all.push(this.lastPerson);
    return all.filter((p, i) => all.findIndex((q) => q.code === p.code && q.name === p.name) === i);
  }

  /** "the president", "the minister": the last person named who holds that role. */
  personWithRole(sectors: string[]): ActorRef | null {
    for (const p of [...this.personsNow].reverse().concat([...this.personsBefore].reverse())) {
      if (p.country && sectors.every((s) => p.sectors.includes(s))) return p;
    }
    return this.lastPerson && this.lastPerson.country && sectors.every((s) => this.lastPerson!.sectors.includes(s)) ? this.lastPerson : null;
  }

  lastOrganisation(): ActorRef | null {
    return this.lastOrg;
  }

  /** "The two leaders", "both sides": the last pair named together, else the last two actors named. */
  group(people = false): ActorRef[] {
    if (people && this.lastPeople) return this.lastPeople;
    if (this.lastGroup) return this.lastGroup;
    return this.recent.slice(-2);
  }

  /** Updates salience with one mention, in reading order. */
  /** `person`: a role of one person ("the president"), who "he" or "she" can mean. */
  note(m: Mention, plural: boolean, person = false): void {
    if (m.refs.length === 0) return;
    if (plural) {
      this.lastPlural = m.refs;
      this.pluralsNow.push(m.refs);
    }
    if (m.refs.length > 1) {
      this.setGroup(m.refs);
      return;
    }
    const ref = m.refs[0];
    if (m.kind === "person" || (m.kind === "agent" && (ref.person || person))) {
      this.lastPerson = ref;
      if (!this.personsNow.some((p) => p.code === ref.code && p.name === ref.name)) this.personsNow.push(ref);
      if (ref.country && (m.kind === "person" || ref.person)) this.personsByCode.set(ref.code, ref);
    } else if (m.kind === "country" || m.kind === "organisation" || m.kind === "capital" || (m.kind === "agent" && !plural && ref.country)) {
      // "the Israeli military says it ...": a singular body of a country is an "it" too
      this.lastThing = ref;
    }
    if (m.kind === "organisation" || (ref.country && /^(IGO|NGO|IMG)$/.test(ref.country))) this.lastOrg = ref;
    if (m.kind !== "agent" || ref.country) {
      const at = this.recent.findIndex((r) => r.code === ref.code);
      if (at >= 0) this.recent.splice(at, 1);
      this.recent.push(ref);
    }
  }

  /** After a sentence: learns names of dictionary persons and the compounds ("A and B") it contains. */
  observe(tokens: Token[], mentions: Mention[]): void {
    for (const m of mentions) {
      if (m.kind === "person" && m.via === "dictionary") {
        this.registerName(tokens.slice(m.start, m.end).filter((t) => t.pos === "PROPN").map((t) => t.lower), m.refs[0]);
      }
      if (m.kind === "agent" && m.refs.length === 1 && tokens[m.end - 1].lower !== tokens[m.end - 1].lemma) this.lastPlural = m.refs;
    }
    const compound = compoundBefore(tokens, mentions);
    if (compound) this.setGroup(compound);
    else if (this.personsNow.length === 2 && this.personsNow[0].code !== this.personsNow[1].code) this.setGroup(this.personsNow); // "A met B. They agreed ..."
    if (this.personsNow.length > 0) this.personsBefore = this.personsNow;
    this.personsNow = [];
    if (compound) this.pluralsNow.unshift(compound);
    if (this.pluralsNow.length > 0) this.pluralsBefore = this.pluralsNow;
    this.pluralsNow = [];
  }

  private setGroup(refs: ActorRef[]): void {
    this.pluralsNow.push(refs);
    this.lastGroup = refs;
    this.lastPlural = refs;
    if (refs.every((r) => r.person)) this.lastPeople = refs;
  }
}
