/**
 * Swedish organisationsnummer: ten digits NNNNNN-NNNN, the last a Luhn check
 * digit over the first nine. For a legal person the third digit is 2 or more
 * (that is what keeps it apart from a personnummer, whose third digit is a month).
 * A twelve-digit form with the prefix "16" is accepted and shortened.
 */
export type OrgNrCheck = { ok: true; value: string } | { ok: false; message: string };

export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = nineDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkOrgNr(input: string): OrgNrCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'Ange organisationsnummer.' };
  if (!/^(16)?\d{6}-?\d{4}$/.test(trimmed)) {
    return { ok: false, message: 'Organisationsnumret ska skrivas som tio siffror, t.ex. 222000-2576.' };
  }
  let digits = trimmed.replace('-', '');
  if (digits.length === 12) digits = digits.slice(2);
  if (Number(digits[2]) < 2) {
    return { ok: false, message: 'Det ser ut som ett personnummer: i ett organisationsnummer är tredje siffran minst 2.' };
  }
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    return { ok: false, message: 'Kontrollsiffran stämmer inte. Kontrollera organisationsnumret.' };
  }
  return { ok: true, value: `${digits.slice(0, 6)}-${digits.slice(6)}` };
}
