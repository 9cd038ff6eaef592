import { importPdfJs } from '../../electron/services/esm-import';

/** A node of a page's structure tree as pdf.js reads it. */
export interface Node {
  role?: string;
  alt?: string;
  type?: string;
  children?: Node[];
}

/** The structure tree as pdf.js (what a reader's accessibility layer uses) reads it, page by page. */
export async function structure(bytes: Uint8Array): Promise<Node[]> {
  const pdfjs = await importPdfJs();
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const trees: Node[] = [];
  for (let i = 1; i <= doc.numPages; i++) trees.push(((await (await doc.getPage(i)).getStructTree()) ?? {}) as Node);
  await doc.destroy();
  return trees;
}

export function roles(node: Node, out: string[] = []): string[] {
  if (node.role) out.push(node.role);
  for (const c of node.children ?? []) roles(c, out);
  return out;
}

export function find(node: Node, role: string): Node[] {
  return [...(node.role === role ? [node] : []), ...(node.children ?? []).flatMap((c) => find(c, role))];
}
