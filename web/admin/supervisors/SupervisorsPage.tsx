// Placeholder: replaced by the real page in this change.
export function SupervisorsPage() {
  return <main />
}
