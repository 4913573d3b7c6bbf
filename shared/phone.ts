/** A phone number as every list shows it: 138****5678. */
export const maskPhone = (phone: string | null): string | null => (phone ? phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2') : null)
