import assert from "node:assert/strict";
import { test } from "node:test";
import { hash64 } from "../src/core/hash.js";

test("hash64 gives the ids it has always given: stored documents and events keep theirs", () => {
  // (values written by the first hash64; several lanes here are 2^31 or more, the case written a half at a time)
  assert.equal(hash64(""), "5db648b3af7f105d");
  assert.equal(hash64("a"), "dd80c6cba1bf3a51");
  assert.equal(hash64("Russia condemned China on Monday."), "7f89fe29fb22ce79");
  assert.equal(hash64("é\u0000𝄞"), "7d757efa9fa3123f");
  assert.equal(hash64("x".repeat(1000)), "cf4155743e657bfe");
  // small lanes are padded with zeros: every id is 16 hex digits
  for (let i = 0; i < 2000; i++) assert.match(hash64(`document ${i}`), /^[0-9a-f]{16}$/);
});
