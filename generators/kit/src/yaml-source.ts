import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LocatedError } from './located-error.ts';
import { unescapePointerToken } from './pointer.ts';

/**
 * A YAML file parsed with its source positions kept, so that any JSON pointer into it can be
 * turned back into a line and column for an error message.
 */
export class YamlSource {
  readonly file: string;
  readonly value: unknown;
  private readonly document: Document.Parsed;
  private readonly lines: LineCounter;

  private constructor(file: string, document: Document.Parsed, lines: LineCounter) {
    this.file = file;
    this.document = document;
    this.lines = lines;
    this.value = document.toJS({ maxAliasCount: 1000 });
  }

  /** Parses `text` (read from `file` when omitted); a syntax error becomes a LocatedError. */
  static load(file: string, text: string = readFileSync(file, 'utf8')): YamlSource {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const [first] = document.errors;
    if (first) {
      const position = lines.linePos(first.pos[0]);
      throw new LocatedError(
        { file, line: position.line, column: position.col },
        `YAML syntax error: ${first.message.split('\n')[0]}`,
      );
    }
    return new YamlSource(file, document, lines);
  }

  /** The line and column of the node at `pointer`, or of its nearest existing ancestor. */
  positionOf(pointer: string): { line: number; column: number } | undefined {
    let node: Node | null = this.document.contents;
    let best: Node | null = node;
    for (const raw of pointer.split('/').slice(1)) {
      const token = unescapePointerToken(raw);
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
        node = (pair?.value as Node | null | undefined) ?? null;
        if (pair && isScalar(pair.key) && !node) best = pair.key;
      } else if (isSeq(node)) {
        node = (node.items[Number(token)] as Node | undefined) ?? null;
      } else {
        node = null;
      }
      if (!node) break;
      best = node;
    }
    const offset = best?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  errorAt(pointer: string, reason: string): LocatedError {
    return new LocatedError({ file: this.file, pointer, ...this.positionOf(pointer) }, reason);
  }
}
