/** The server's limit for an import (IMPORT_BODY_LIMIT). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

/**
 * The text of a chosen CSV file. UTF-8 (with or without BOM) is expected, but Excel on Chinese Windows saves CSV as
 * GB18030/GBK; such a file is decoded as that instead of turning every Chinese name into garbage.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await readBytes(file))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** Blob.arrayBuffer where there is one (every current browser), FileReader elsewhere. */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(file)
  })
}
