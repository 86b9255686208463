/** Code fields (place, cost centre, biller id…): spaces and dashes people type or paste are dropped. */
export function compactDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** Usernames are lower-case (the login lower-cases too), without surrounding spaces. */
export function normaliseUsername(value: string): string {
  return value.trim().toLowerCase();
}
