/** For tests: chooses a file in a dialog's file input as a user would. */
export function chooseFile(root: HTMLElement, content: BlobPart, name: string) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'text/csv' })], configurable: true })
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
}
