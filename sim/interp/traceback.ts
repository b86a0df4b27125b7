/**
 * CPython 3.11's traceback source lines with position carets (traceback.c tb_displayline /
 * traceback.py format_frame_summary): the instruction's range is underlined with `^`, except that
 * a binary operation shows `~` under its operands and `^` under the operator, and a subscript `~`
 * under the value and `^` under `[...]`. Carets are omitted when the range covers the whole
 * (stripped) line and there are no anchors.
 */
import type { Expr } from './front/ast.js';
import { parseModule } from './compile.js';

export interface TbPos {
  line: number;
  /** 1-based start column and exclusive 1-based end column (0 when unknown). */
  col: number;
  endLine: number;
  endCol: number;
}

interface Anchors {
  leftEnd: number;
  rightStart: number;
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\f' || c === '\n' || c === '\r';

function anchorsFor(segment: string): Anchors | null {
  let body;
  try {
    body = parseModule(segment, '<traceback>').body;
  } catch {
    return null;
  }
  if (body.length !== 1) return null;
  const st = body[0]!;
  if (st.kind !== 'Expr') return null;
  const e: Expr = st.value;
  // Columns of nodes parsed from the segment are 1-based within it (line 1).
  if (e.kind === 'BinOp') {
    const leftEnd = e.left.endCol - 1;
    const rightStart = e.right.col - 1;
    for (let i = leftEnd; i < rightStart; i++) {
      if (isWs(segment[i])) continue;
      const l = i;
      let r = i + 1;
      if (i + 1 < rightStart && !isWs(segment[i + 1])) r++;
      if (i + 1 < rightStart && segment[i] === ')') continue;
      return { leftEnd: l, rightStart: r };
    }
    return null;
  }
  if (e.kind === 'Subscript') {
    let l = e.value.endCol - 1;
    let r = e.slice.endCol - 1 + 1;
    const n = segment.length;
    while (l < n && (isWs(segment[l]) || segment[l] !== '[')) l++;
    while (r < n && (isWs(segment[r]) || segment[r] !== ']')) r++;
    if (r < n) r++;
    return { leftEnd: l, rightStart: r };
  }
  return null;
}

/** The `    source` line and, when CPython would print one, the caret line (each with '\n'). */
export function sourceWithCarets(srcLine: string, pos: TbPos): string {
  const stripped = srcLine.trim();
  if (stripped === '') return '';
  let out = `    ${stripped}\n`;
  if (pos.col <= 0 || pos.endCol <= 0 || pos.endLine < pos.line) return out;
  const strippedChars = srcLine.length - srcLine.trimStart().length;
  const start = pos.col;
  let end = pos.endCol;
  let anchors: Anchors | null = null;
  if (pos.line === pos.endLine) anchors = anchorsFor(srcLine.slice(start - 1, end - 1));
  else end = strippedChars + stripped.length + 1;
  if (end - start < stripped.length || (anchors !== null && anchors.rightStart - anchors.leftEnd > 0)) {
    let row = '    ' + ' '.repeat(Math.max(0, start - 1 - strippedChars));
    if (anchors !== null) {
      row += '~'.repeat(anchors.leftEnd) + '^'.repeat(anchors.rightStart - anchors.leftEnd) +
        '~'.repeat(Math.max(0, end - start - anchors.rightStart));
    } else row += '^'.repeat(Math.max(0, end - start));
    out += row + '\n';
  }
  return out;
}
