import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDevVars, ensureDevVars, parseDevVars, randomSecret, readDevVar } from '../../src/cli/dev-vars'

const example = '# Local secrets.\nADMIN_TOKEN=change-me\nSIGNING_KEY=change-me-too\n# Provider key.\nEMAIL_API_KEY=placeholder\nTURNSTILE_SECRET=\n'

describe('buildDevVars', () => {
  it('fills the generated secrets, empties the other keys and keeps the comments', () => {
    let n = 0
    expect(buildDevVars(example, () => `secret${++n}`)).toBe(
      '# Local secrets.\nADMIN_TOKEN=secret1\nSIGNING_KEY=secret2\n# Provider key.\nEMAIL_API_KEY=\nTURNSTILE_SECRET=\n',
    )
  })
})

describe('parseDevVars', () => {
  it('reads KEY=value lines, unquoting values and skipping comments', () => {
    expect(parseDevVars('# c\nA=1\nB="two words"\n export C = x \nbad line')).toEqual({ A: '1', B: 'two words', C: 'x' })
  })
})

describe('randomSecret', () => {
  it('is 32 random bytes in base64url: 43 URL-safe characters, different each time', () => {
    const secret = randomSecret()
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(randomSecret()).not.toBe(secret)
  })
})

describe('ensureDevVars', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-devvars-'))
    await writeFile(path.join(dir, '.dev.vars.example'), example)
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('creates .dev.vars with random secrets, readable by its owner only', async () => {
    expect(await ensureDevVars(dir)).toBe(true)
    const token = await readDevVar(dir, 'ADMIN_TOKEN')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await readDevVar(dir, 'EMAIL_API_KEY')).toBeUndefined()
    expect((await stat(path.join(dir, '.dev.vars'))).mode & 0o077).toBe(0)
  })
  it('never overwrites an existing .dev.vars', async () => {
    await writeFile(path.join(dir, '.dev.vars'), 'ADMIN_TOKEN=mine\n')
    expect(await ensureDevVars(dir)).toBe(false)
    expect(await readFile(path.join(dir, '.dev.vars'), 'utf8')).toBe('ADMIN_TOKEN=mine\n')
  })
})
