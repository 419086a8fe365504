// The Token Splitter's chunks: at most chunkSize cl100k_base tokens, neighbours sharing chunkOverlap
// tokens, read with the bundled encoding (no download).
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { describe, expect, it } from 'vitest';
import { LocalTokenTextSplitter } from './token-text-splitter.ts';

const encoder = new Tiktoken(cl100k);
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(6).trim();

describe('Token Splitter', () => {
  it('cuts the text into chunks of the chunk size in tokens that join back to the text', async () => {
    const chunks = await new LocalTokenTextSplitter({ chunkSize: 10, chunkOverlap: 0 }).splitText(text);
    const total = encoder.encode(text).length;
    expect(chunks).toHaveLength(Math.ceil(total / 10));
    for (const chunk of chunks.slice(0, -1)) expect(encoder.encode(chunk)).toHaveLength(10);
    expect(chunks.join('')).toBe(text);
  });

  it('repeats the overlap tokens at the start of the next chunk', async () => {
    const chunks = await new LocalTokenTextSplitter({ chunkSize: 8, chunkOverlap: 3 }).splitText(text);
    const first = encoder.encode(chunks[0]);
    const second = encoder.encode(chunks[1]);
    expect(second.slice(0, 3)).toEqual(first.slice(-3));
  });

  it('refuses an overlap as large as the chunk', () => {
    expect(() => new LocalTokenTextSplitter({ chunkSize: 5, chunkOverlap: 5 })).toThrow();
  });
});
