/** Messages between the Try it view and the coder worker. */
import type { Event } from "../contract.js";

export interface CodeRequest {
  id: number;
  text: string;
  date: string | null;
  place: string | null;
}

export type CodeReply =
  | { id: number; kind: "status"; message: string }
  | { id: number; kind: "done"; events: Event[]; warnings: string[]; dictionaryVersion: string; compileMs: number | null; codeMs: number }
  | { id: number; kind: "error"; message: string };
