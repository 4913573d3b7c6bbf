/** 满意 · Manyi, with its mark. The product name is the same in both languages. */
export function Brand({ large = false }: { large?: boolean }) {
  return (
    <span class={`brand${large ? ' brand-large' : ''}`}>
      <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="#1f5fbf" />
        <path d="M9 17.5l4.5 4.5L23 11" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
      <span class="brand-name">
        满意 <span class="brand-dot">·</span> <span lang="en">Manyi</span>
      </span>
    </span>
  )
}
