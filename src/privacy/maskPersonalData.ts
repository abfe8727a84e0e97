/** E-mail addresses, loosely: anything@anything.tld */
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]{2,}/gu;
/** Phone numbers: 7+ digits, optionally with +, spaces, dots, dashes or brackets between them. */
const PHONE = /\+?\d[\d\s().-]{5,}\d/gu;

/**
 * Masks e-mail addresses and phone numbers in free text before it is stored in a transcript,
 * the unanswered-questions list or anything staff see in bulk.
 */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, (match) => (countDigits(match) >= 7 ? '[phone]' : match));
}

function countDigits(s: string): number {
  return s.replace(/\D/g, '').length;
}
