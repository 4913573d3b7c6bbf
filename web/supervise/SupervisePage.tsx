// Placeholder: replaced by the real page in this change.
export function SupervisePage() {
  return <main />
}
