import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadUploads } from '../../src/cli/import/media-download'
import { BLOG_XML, planFixture, UPLOADS } from '../fixtures/wordpress/plan'

// The old blog, played by a server on loopback: one upload it has, and 404 for the rest.
const PONT = readFileSync(path.join(UPLOADS, '2016/03/pont.png'))
let server: Server
let origin: string
const dir = mkdtempSync(path.join(os.tmpdir(), 'palabre-wp-media-'))

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/wp-content/uploads/2016/03/pont.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PONT)
    else res.writeHead(404).end('not here')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('uploads the folder lacks', () => {
  it('are fetched from the old blog when it answers, under the same path', async () => {
    const result = await downloadUploads([`${origin}/wp-content/uploads/2016/03/pont.png`], dir)
    expect(result).toEqual({ saved: ['2016/03/pont.png'], failed: [] })
    expect(readFileSync(path.join(dir, '2016/03/pont.png')).equals(PONT)).toBe(true)
  })

  it('are listed with the reason when they cannot be fetched, and nothing is saved', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/wp-content/uploads/2019/07/x.png`
    await new Promise((resolve) => closed.close(resolve))
    const result = await downloadUploads([`${origin}/wp-content/uploads/2019/07/perdue.jpg`, gone, `${origin}/about/`], dir)
    expect(result.saved).toEqual([])
    // Fetched a few at a time: in the order they finish.
    expect(result.failed).toHaveLength(3)
    expect(result.failed).toEqual(expect.arrayContaining([
      { url: `${origin}/wp-content/uploads/2019/07/perdue.jpg`, reason: 'HTTP 404' },
      { url: gone, reason: expect.stringMatching(/ECONNREFUSED/) },
      { url: `${origin}/about/`, reason: 'not an upload URL' },
    ]))
    expect(existsSync(path.join(dir, '2019'))).toBe(false)
  })

  it('are what the plan lists as missing, with their absolute URLs, from a blog at another address', () => {
    const xml = BLOG_XML.replaceAll('https://ancien-blog.example', origin)
    expect(planFixture({ xml, uploads: false }).missingMedia).toEqual([
      `${origin}/wp-content/uploads/2016/03/lac-au-matin.png`,
      `${origin}/wp-content/uploads/2016/03/pont.png`,
      `${origin}/wp-content/uploads/2019/07/tasse.png`,
      `${origin}/wp-content/uploads/2019/07/perdue.jpg`,
    ])
  })
})
