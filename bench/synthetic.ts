/** What the store and API benches draw synthetic events from: a seeded generator and the actors and codes. */

/** A small deterministic PRNG (mulberry32), so every run builds the same store. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const COUNTRIES = "USA CHN RUS GBR FRA DEU JPN IND BRA ISR PSE IRN IRQ SYR TUR UKR PAK AFG EGY SAU KOR PRK ZAF NGA MEX CAN AUS ITA ESP POL".split(" ");
export const SECTORS = ["", "GOV", "MIL", "OPP", "BUS", "CVL", "MED", "REB"];
export const CODES = "010 013 018 020 036 040 042 043 046 051 057 060 061 071 080 090 100 111 112 120 128 130 138 140 141 150 160 163 170 173 180 190 193 195 200".split(" ");
