import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

/**
 * Tagged PDF, written by hand (pdf-lib has no structure tree): what Composer draws is marked
 * content (BDC … EMC with an MCID) owned by a structure element — H1, P, L/LI/Lbl/LBody,
 * Table/TR/TH/TD, Figure with its Alt — and running heads, page numbers and rules are
 * Artifacts. At the end the tree, the ParentTree and the catalog's MarkInfo are written, so
 * a screen reader reads headings, lists and tables in order (the public sector's rules for
 * what a förbund publishes), and the file stays PDF/A.
 */

/** Standard structure types Kansli uses (ISO 32000-1, 14.8.4). */
export type StructType =
  'Document' | 'Div' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Caption' | 'Figure' | 'Span';

interface Mcr {
  page: PDFPage;
  mcid: number;
}

export interface StructElem {
  type: StructType;
  alt?: string;
  /** TH: whether it heads a column (the default) or a row. */
  scope?: 'Column' | 'Row';
  kids: (StructElem | Mcr)[];
  parent: StructElem | null;
}

const isElem = (k: StructElem | Mcr): k is StructElem => 'kids' in k;

/** The page an element's first content is on (null for an element with none yet). */
function firstPageOf(e: StructElem): PDFPage | null {
  for (const k of e.kids) {
    const p = isElem(k) ? firstPageOf(k) : k.page;
    if (p) return p;
  }
  return null;
}

export class Tagger {
  readonly root: StructElem = { type: 'Document', kids: [], parent: null };
  private stack: StructElem[] = [this.root];
  private nextMcid = new Map<PDFPage, number>();

  get current(): StructElem {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  /**
   * Opens an element under the current one — or, with `before`, in the document before the
   * first element whose content starts on that page (a page head drawn after the body is
   * still read first; in a packet, before its own document's body).
   */
  open(type: StructType, opts: { alt?: string; scope?: 'Column' | 'Row'; before?: PDFPage } = {}): StructElem {
    const parent = opts.before ? this.root : this.current;
    const elem: StructElem = { type, kids: [], parent, ...(opts.alt ? { alt: opts.alt } : {}), ...(opts.scope ? { scope: opts.scope } : {}) };
    const at = opts.before ? parent.kids.findIndex((k) => isElem(k) && firstPageOf(k) === opts.before) : -1;
    if (at >= 0) parent.kids.splice(at, 0, elem);
    else parent.kids.push(elem);
    this.stack.push(elem);
    return elem;
  }

  /** Closes `elem` and anything opened inside it. */
  close(elem: StructElem): void {
    const at = this.stack.lastIndexOf(elem);
    if (at > 0) this.stack.length = at;
  }

  /** `draw` inside an element of `type` (closed again even if drawing throws). */
  within<T>(type: StructType, draw: () => T, opts: { alt?: string; scope?: 'Column' | 'Row'; before?: PDFPage } = {}): T {
    const elem = this.open(type, opts);
    try {
      return draw();
    } finally {
      this.close(elem);
    }
  }

  /** What `draw` puts on `page`, as marked content of the current element. */
  mark<T>(page: PDFPage, draw: () => T): T {
    const elem = this.current;
    const mcid = this.nextMcid.get(page) ?? 0;
    this.nextMcid.set(page, mcid + 1);
    elem.kids.push({ page, mcid });
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(elem.type), `<</MCID ${mcid}>>`]));
    try {
      return draw();
    } finally {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
  }

  /** What `draw` puts on `page` that is layout, not content: running heads, page numbers, rules. */
  artifact<T>(page: PDFPage, draw: () => T): T {
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
    try {
      return draw();
    } finally {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
  }

  get isEmpty(): boolean {
    return this.root.kids.length === 0;
  }

  /**
   * Writes the structure tree: each element a StructElem with its kids (MCIDs on its own
   * page, MCRs on others), the ParentTree from each page's MCIDs to their elements, the
   * pages' StructParents and tab order, and the catalog's MarkInfo and StructTreeRoot.
   */
  finish(doc: PDFDocument): void {
    if (this.isEmpty) return;
    const context = doc.context;
    const pageRefs = new Map(doc.getPages().map((p) => [p, p.ref] as const));
    const rootRef = context.nextRef();
    const refs = new Map<StructElem, PDFRef>();
    const parentTree = new Map<PDFPage, PDFRef[]>();

    const assign = (e: StructElem) => {
      refs.set(e, context.nextRef());
      e.kids.forEach((k) => isElem(k) && assign(k));
    };
    assign(this.root);

    const write = (e: StructElem) => {
      const ref = refs.get(e) as PDFRef;
      const own = firstPageOf(e);
      const kids = PDFArray.withContext(context);
      for (const k of e.kids) {
        if (isElem(k)) {
          if (k.kids.length === 0) continue;
          kids.push(refs.get(k) as PDFRef);
          write(k);
          continue;
        }
        const slots = parentTree.get(k.page) ?? [];
        slots[k.mcid] = ref;
        parentTree.set(k.page, slots);
        kids.push(k.page === own ? PDFNumber.of(k.mcid) : context.obj({ Type: 'MCR', Pg: pageRefs.get(k.page) as PDFRef, MCID: k.mcid }));
      }
      const dict = context.obj({
        Type: 'StructElem',
        S: e.type,
        P: e.parent ? (refs.get(e.parent) as PDFRef) : rootRef,
        K: kids,
      }) as PDFDict;
      if (own) dict.set(PDFName.of('Pg'), pageRefs.get(own) as PDFRef);
      if (e.alt) dict.set(PDFName.of('Alt'), PDFHexString.fromText(e.alt));
      if (e.type === 'TH') dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: e.scope ?? 'Column' }));
      context.assign(ref, dict);
    };
    write(this.root);

    const nums = PDFArray.withContext(context);
    let key = 0;
    for (const page of doc.getPages()) {
      const slots = parentTree.get(page);
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      if (!slots) continue;
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
      nums.push(PDFNumber.of(key));
      nums.push(context.register(context.obj(Array.from(slots, (r) => r ?? refs.get(this.root)) as PDFRef[])));
      key += 1;
    }
    context.assign(
      rootRef,
      context.obj({
        Type: 'StructTreeRoot',
        K: refs.get(this.root) as PDFRef,
        ParentTree: context.obj({ Nums: nums }),
        ParentTreeNextKey: key,
      }),
    );
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}

const taggers = new WeakMap<PDFDocument, Tagger>();

/** The document's one Tagger, shared by every Composer and drawing helper on it. */
export function taggerFor(doc: PDFDocument): Tagger {
  let t = taggers.get(doc);
  if (!t) {
    t = new Tagger();
    taggers.set(doc, t);
  }
  return t;
}
