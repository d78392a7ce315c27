/** Newline offsets of the text seen so far, dropped once passed, so memory stays flat. */
export class LineCounter {
  private offsets: number[] = [];
  private seen = 0;
  private passed = 0;

  async *watch(chunks: AsyncIterable<string>): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1))
        this.offsets.push(this.seen + i);
      this.seen += chunk.length;
      yield chunk;
    }
  }

  /** 1-based line of the character at `offset` (offsets only ever grow). */
  lineAt(offset: number): number {
    let drop = 0;
    while (drop < this.offsets.length && (this.offsets[drop] as number) < offset) drop++;
    this.passed += drop;
    this.offsets.splice(0, drop);
    return this.passed + 1;
  }
}
