import { BOARD_ROLE_LABELS, BOARD_ROLES, type BoardRole, type Seat, type SignatureBlock, type Signer } from '../contract/schemas/board';
import type { MemberKind } from '../contract/schemas/members';
import { compareByRegisterOrder } from './register-order';

/**
 * The signature block under a signed document (003 page 3): "Uppsala 2018-03-16",
 * then for each signer the name, the role and "Utsedd av" the member organisation.
 * Pure, so the board register, the ärendeblad and the PDF all sign alike.
 */

/** One board seat, as much of it as the signature block needs. */
export interface SignatureAppointment {
  seat: Seat;
  role: BoardRole | null;
  startsOn: string;
  endsOn: string;
  personName: string;
  memberName: string;
  memberKind: MemberKind;
}

export type SignatureScope = 'presidium' | 'styrelse';

export interface SignatureInput {
  appointments: readonly SignatureAppointment[];
  /** ISO date ÅÅÅÅ-MM-DD: who sat on the board that day signs. */
  date: string;
  scope: SignatureScope;
  /** The förbund's seat (forbund.city); null or empty gives just the date. */
  city: string | null;
}

const collator = new Intl.Collator('sv');

/** Register order, the same as the members register: the state's agencies, the region, the kommuner A–Ö. */
function compareRegister(a: SignatureAppointment, b: SignatureAppointment): number {
  return (
    compareByRegisterOrder({ kind: a.memberKind, name: a.memberName }, { kind: b.memberKind, name: b.memberName }) ||
    collator.compare(a.personName, b.personName)
  );
}

export function inOffice(a: Pick<SignatureAppointment, 'startsOn' | 'endsOn'>, date: string): boolean {
  return a.startsOn <= date && date <= a.endsOn;
}

function toSigner(a: SignatureAppointment): Signer {
  return { name: a.personName, roleTitle: a.role === null ? null : BOARD_ROLE_LABELS[a.role], appointedBy: a.memberName };
}

/** "Uppsala 2018-03-16", or just the date when the förbund has no city set. */
export function placeAndDate(city: string | null, date: string): string {
  const place = city?.trim() ?? '';
  return place === '' ? date : `${place} ${date}`;
}

/**
 * Signers are the ordinarie ledamöter in office on the date. 'presidium': the
 * förbundsordförande, 1:e and 2:e vice ordförande in that order (a role nobody
 * holds that day is left out). 'styrelse': the presidium first, then the other
 * ordinarie ledamöter in register order.
 */
export function signatureBlock(input: SignatureInput): SignatureBlock {
  const sitting = input.appointments.filter((a) => a.seat === 'ordinarie' && inOffice(a, input.date));
  const presidium: SignatureAppointment[] = [];
  for (const role of BOARD_ROLES) {
    const holder = sitting.filter((a) => a.role === role).sort(compareRegister)[0];
    if (holder) presidium.push(holder);
  }
  const signers = presidium.map(toSigner);
  if (input.scope === 'styrelse') {
    const rest = sitting.filter((a) => !presidium.includes(a)).sort(compareRegister);
    signers.push(...rest.map(toSigner));
  }
  return { placeAndDate: placeAndDate(input.city, input.date), signers };
}
