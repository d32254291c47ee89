export { edgeCache } from './middleware'
export { cacheFor, type CachePolicy } from './policy'
export { purgeTags, workersCache, type WorkersCache } from './purge'
export { LIST_TAG, postTag, tagPageTag, encodeTag } from './tags'
