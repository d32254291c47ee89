/**
 * `npm run new -- "<title>"`: writes content/posts/<slug>.md, a draft dated today in the site's
 * time zone, and prints its path. Exit status 1 when the file exists or the title or site.yaml
 * is unusable (nothing is written), 2 without a title.
 */
import path from 'node:path'
import { createPost } from './new-post'
import { PROJECT_ROOT } from './wrangler'
import { runCli } from './run-cli'

const USAGE = 'Usage: npm run new -- "<title of the post>"'

async function main(): Promise<number> {
  const title = process.argv.slice(2).join(' ').trim()
  if (title === '--help' || title === '-h') return (console.log(USAGE), 0)
  if (!title) return (console.error(USAGE), 2)
  const result = await createPost({ contentDir: path.join(PROJECT_ROOT, 'content'), title })
  if (!result.ok) {
    for (const error of result.errors) console.error(error)
    return 1
  }
  console.log(result.path)
  console.error(`A draft: preview it at /posts/${result.slug} under npm start; remove "draft: true" to publish it.`)
  return 0
}

runCli('Could not create the post', main)
