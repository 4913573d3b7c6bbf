// Placeholder: replaced by the real page in this change.
export function VisitsPage() {
  return <main />
}
