/**
 * The parser's model file: a short JSON header (tags, labels, words the treebank tags one way, the
 * licence), then the linear models it names, as little-endian arrays. Read with no I/O, from bytes the caller
 * loaded (a file in Node, a fetch in the browser).
 *
 *   "ANNALSDP" | u32 version | u32 header length | header JSON | one model for each of header.models
 *   model: u32 classes | u32 rows | u32 pairs | f32 scale | keys u32[rows] | counts u8[rows]
 *          | pair classes u8[pairs] | (pad to 2) pair weights i16[pairs]
 */
import type { LinearModelData } from "./linear-model.js";

export interface ModelHeader {
  /** "UPOS|XPOS" pairs, by tag id. */
  tags: string[];
  labels: string[];
  /** Hashed normal forms of words tagged one way in training, with their tag ids. */
  unambiguous: [number, number][];
  /** Where the model comes from, and its licence. */
  about: string;
  /** The models that follow the header, in order. */
  models: ModelName[];
  /** The training settings and the development-set scores, for the record. */
  training: Record<string, unknown>;
}

/** The tagger's two passes, the parser's transitions, and the relations of its arcs. */
export type ModelName = "tagger" | "tagger-ahead" | "transitions" | "labels";
export const MODEL_NAMES: ModelName[] = ["tagger", "tagger-ahead", "transitions", "labels"];

export interface ModelFile {
  header: ModelHeader;
  models: Record<ModelName, LinearModelData>;
}

const MAGIC = "ANNALSDP";
const VERSION = 2;

export class ModelFileError extends Error {}

export function encodeModel(file: ModelFile): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify(file.header));
  const models = file.header.models.map((name) => file.models[name]);
  let size = 16 + header.length;
  for (const m of models) size += 16 + m.keys.length * 5 + m.pairClasses.length + 1 + m.pairWeights.length * 2 + 4;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < MAGIC.length; i++) out[at++] = MAGIC.charCodeAt(i);
  view.setUint32(at, VERSION, true);
  view.setUint32(at + 4, header.length, true);
  at += 8;
  out.set(header, at);
  at += header.length;
  for (const m of models) {
    view.setUint32(at, m.classes, true);
    view.setUint32(at + 4, m.keys.length, true);
    view.setUint32(at + 8, m.pairClasses.length, true);
    view.setFloat32(at + 12, m.scale, true);
    at += 16;
    for (const key of m.keys) {
      view.setUint32(at, key, true);
      at += 4;
    }
    out.set(m.counts, at);
    at += m.counts.length;
    out.set(m.pairClasses, at);
    at += m.pairClasses.length;
    if (at % 2) at++;
    for (const w of m.pairWeights) {
      view.setInt16(at, w, true);
      at += 2;
    }
  }
  return out.subarray(0, at);
}

export function decodeModel(bytes: Uint8Array): ModelFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, n: number) => {
    if (at + n > bytes.length) throw new ModelFileError(`parser model is cut short at byte ${at} of ${bytes.length}`);
  };
  need(0, 16);
  if (String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) throw new ModelFileError("not an annals parser model (bad magic bytes)");
  const version = view.getUint32(8, true);
  if (version !== VERSION) throw new ModelFileError(`parser model version ${version}; this annals reads version ${VERSION}`);
  const headerLength = view.getUint32(12, true);
  need(16, headerLength);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength))) as ModelHeader;
  let at = 16 + headerLength;
  for (const name of MODEL_NAMES) if (!header.models?.includes(name)) throw new ModelFileError(`parser model has no "${name}" model`);
  const models = {} as Record<ModelName, LinearModelData>;
  for (const name of header.models) {
    need(at, 16);
    const classes = view.getUint32(at, true);
    const rows = view.getUint32(at + 4, true);
    const pairs = view.getUint32(at + 8, true);
    const scale = view.getFloat32(at + 12, true);
    at += 16;
    need(at, rows * 5 + pairs * 3);
    const keys = new Uint32Array(rows);
    for (let r = 0; r < rows; r++) keys[r] = view.getUint32(at + r * 4, true);
    at += rows * 4;
    const counts = bytes.slice(at, at + rows);
    at += rows;
    const pairClasses = bytes.slice(at, at + pairs);
    at += pairs;
    if (at % 2) at++;
    need(at, pairs * 2);
    const pairWeights = new Int16Array(pairs);
    for (let p = 0; p < pairs; p++) pairWeights[p] = view.getInt16(at + p * 2, true);
    at += pairs * 2;
    models[name] = { classes, keys, counts, pairClasses, pairWeights, scale };
  }
  return { header, models };
}
