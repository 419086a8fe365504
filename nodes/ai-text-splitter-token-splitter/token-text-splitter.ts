// Splits text into chunks of `chunkSize` tokens (cl100k_base), `chunkOverlap` tokens shared between
// neighbours, like LangChain's TokenTextSplitter — but with the encoding read from js-tiktoken's
// bundled ranks, as n8n's own splitter does, instead of downloaded at run time.
import { TextSplitter, type TextSplitterParams } from '@langchain/textsplitters';
import { Tiktoken } from 'js-tiktoken/lite';

let encoder: Promise<Tiktoken> | undefined;
function cl100k(): Promise<Tiktoken> {
  encoder ??= import('js-tiktoken/ranks/cl100k_base').then((ranks) => new Tiktoken(ranks.default));
  return encoder;
}

export class LocalTokenTextSplitter extends TextSplitter {
  static override lc_name() {
    return 'TokenTextSplitter';
  }

  constructor(fields: Partial<TextSplitterParams>) {
    super(fields);
  }

  async splitText(text: string): Promise<string[]> {
    const tokenizer = await cl100k();
    const ids = tokenizer.encode(text, 'all', []);
    const overlap = Math.min(Math.max(0, this.chunkOverlap), Math.max(0, this.chunkSize - 1));
    const chunks: string[] = [];
    let start = 0;
    while (start < ids.length) {
      if (start > 0) start -= overlap;
      const end = Math.min(start + this.chunkSize, ids.length);
      chunks.push(tokenizer.decode(ids.slice(start, end)));
      start = end;
    }
    return chunks;
  }
}
