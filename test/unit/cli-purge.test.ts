import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { requestPurge } from '../../src/cli/purge'

interface Received {
  method?: string
  url?: string
  authorization?: string
  body: string
}

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** A stand-in Worker on a random local port that answers `status` and records the request. */
async function worker(status: number): Promise<{ origin: string; received: Received[] }> {
  const received: Received[] = []
  server = createServer(async (req: IncomingMessage, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    received.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body })
    res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":{"code":"x"}}')
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received }
}

describe('requestPurge', () => {
  it('POSTs the tags as JSON with the bearer token to /api/admin/purge', async () => {
    const { origin, received } = await worker(200)
    expect(await requestPurge(origin, 'tok', ['post:été', 'list'])).toBeNull()
    expect(received).toEqual([{ method: 'POST', url: '/api/admin/purge', authorization: 'Bearer tok', body: '{"tags":["post:été","list"]}' }])
  })
  it('describes a refusal instead of throwing', async () => {
    const { origin } = await worker(401)
    expect(await requestPurge(origin, 'wrong', ['list'])).toMatch(/answered 401/)
  })
  it('describes an unreachable Worker instead of throwing', async () => {
    const { origin } = await worker(200)
    await new Promise<void>((resolve) => server!.close(() => resolve()))
    server = undefined
    expect(await requestPurge(origin, 'tok', ['list'])).toMatch(/^could not reach http:\/\/127\.0\.0\.1:\d+\/api\/admin\/purge/)
  })
})
