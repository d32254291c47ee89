// highlight.js, re-exported without its type declarations: they reference TypeScript's DOM
// library, whose globals (CacheStorage without `default`, Headers without iterators) would
// replace the Workers types for the whole project. hljs.d.ts declares the part Palabre uses.
export { default } from 'highlight.js'
