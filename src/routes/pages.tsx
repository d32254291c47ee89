import { Hono } from 'hono'
import type { AppEnv } from '../env'

export const pages = new Hono<AppEnv>()

pages.get('/', (c) => c.html(<h1>{c.get('index').site.title}</h1>))
