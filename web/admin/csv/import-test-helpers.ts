// For the import dialogs' tests.
import { HttpResponse } from 'msw'

/** Chooses a file in a dialog's file input as a user would. */
export function chooseFile(root: HTMLElement, content: BlobPart, name: string) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'text/csv' })], configurable: true })
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
}

/** What an upload sent: whether it was a dry run, its content type and the CSV. */
export const uploadOf = async (request: Request) => ({
  dryRun: new URL(request.url).searchParams.get('dryRun'),
  type: request.headers.get('content-type'),
  body: await request.text(),
})

/** The server's answer to a file with bad rows. */
export const csvInvalid = (message: string, rows: { row: number; message: string }[]) =>
  HttpResponse.json({ error: { code: 'csv_invalid', message, details: { rows } } }, { status: 400 })

/** The rows of the error table in an alert, as [row, problem] texts. */
export const errorTableRows = (alert: HTMLElement) =>
  [...alert.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()))

/** The counts of the import summary, by their labels. */
export const summaryCounts = (root: HTMLElement) =>
  Object.fromEntries([...root.querySelectorAll('.summary-item')].map((item) => [item.querySelector('dt')?.textContent, item.querySelector('dd')?.textContent]))

