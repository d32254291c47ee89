import { Hono } from 'hono'
import type { AppEnv } from '../env'

export const adminApi = new Hono<AppEnv>()
