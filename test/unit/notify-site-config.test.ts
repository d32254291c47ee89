import { describe, expect, it } from 'vitest'
import { describeIssues, siteSchema } from '../../src/content/schema'

describe('the author’s address in content/site.yaml', () => {
  it('is optional: without it the author gets no notices', () => {
    expect(siteSchema.parse({}).email.author).toBeUndefined()
    expect(siteSchema.parse({ email: { author: 'me@example.com' } }).email).toEqual({ from: 'Palabre <blog@localhost>', author: 'me@example.com' })
  })

  it('must be an email address, and says so', () => {
    const result = siteSchema.safeParse({ email: { author: 'me at example' } })
    expect(result.success).toBe(false)
    expect(describeIssues('content/site.yaml', 'site', result.error!)).toEqual([
      'content/site.yaml: email.author: "me at example" is not an email address (write it like "me@example.com")',
    ])
  })

  it('is named among the allowed keys when another key is mistyped', () => {
    const result = siteSchema.safeParse({ email: { autor: 'me@example.com' } })
    expect(describeIssues('content/site.yaml', 'site', result.error!)).toEqual([
      'content/site.yaml: email.autor: unknown key (allowed: from, author)',
    ])
  })
})
