/**
 * A real dynamic import(), also in the Electron build. tsc compiles the main process to
 * CommonJS and turns `import('x')` into `require('x')`, which cannot load an ES module
 * such as pdf.js (`pdf.mjs`): the text of a PDF would silently not be indexed in the
 * desktop app. A function made at run time keeps the import() as it is; the specifier
 * resolves from this file's place, as a static import would.
 */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** pdf.js's legacy build (runs in Node without a DOM). */
export async function importPdfJs(): Promise<PdfJs> {
  try {
    return (await importModule('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
  } catch (err) {
    // Code evaluated in a vm context (Vitest's module runner) has no loader for a
    // run-time import(); there the ordinary import() is a real one.
    if ((err as { code?: string }).code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING') throw err;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  }
}
