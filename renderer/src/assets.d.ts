/** Vite's `?url` imports: the address of a file copied into the build (e.g. pdf.js's worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
