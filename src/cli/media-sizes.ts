import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { imageSize } from 'image-size'
import type { MediaSize } from '../content/types'

/**
 * The size an image is displayed at, read from its bytes: SVG (width and height, else the
 * viewBox), PNG, JPEG, GIF, WebP, AVIF and the other formats `image-size` knows. A JPEG whose
 * EXIF orientation turns it a quarter has its sides swapped, as browsers show it. Null when
 * the bytes are no image it knows, or give no positive size (an SVG sized in % without a viewBox).
 */
export function imageSizeOf(bytes: Uint8Array): MediaSize | null {
  let size: ReturnType<typeof imageSize>
  try {
    size = imageSize(bytes)
  } catch {
    return null
  }
  const { width, height, orientation = 1 } = size
  if (!isPixels(width) || !isPixels(height)) return null
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height }
}

/**
 * Reads the size of each image named by its root path (`/media/a.png`, a file under
 * `contentDir/media/`). Images whose size cannot be read are left out with a warning that
 * names the file (`label` is how messages name `contentDir`): their pages still render,
 * only without a reserved box. Keys come sorted, so the same files give the same index.
 */
export async function readMediaSizes(
  contentDir: string,
  paths: Iterable<string>,
  label = 'content',
): Promise<{ sizes: Record<string, MediaSize>; warnings: string[] }> {
  const roots = [...new Set(paths)].sort()
  const read = await Promise.all(roots.map((root) => readFile(path.join(contentDir, ...root.split('/').slice(1)))))
  const sizes: Record<string, MediaSize> = {}
  const warnings: string[] = []
  roots.forEach((root, i) => {
    const size = imageSizeOf(read[i]!)
    if (size) sizes[root] = size
    else warnings.push(`${label}${root}: its width and height could not be read (for an SVG, set width and height or a viewBox on <svg>); it is shown without a reserved size`)
  })
  return { sizes, warnings }
}

function isPixels(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n > 0
}
