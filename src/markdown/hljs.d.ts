/** The part of highlight.js that `highlight.ts` uses (see hljs.js for why it is declared here). */
declare const hljs: {
  getLanguage(name: string): object | undefined
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string }
}
export default hljs
