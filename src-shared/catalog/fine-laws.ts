/**
 * The 14 laws whose administrative fines (ค่าปรับเป็นพินัย, Act on Administrative Fines B.E. 2565)
 * DOPA collects since 25 Oct 2023, with their revenue codes LABC (seed 001 §1; domain.md §2).
 *
 * Group 1.1: the Ministry of Finance allows a share to be deducted for reward money and operating
 * costs (DOPA regulation B.E. 2548) before remitting. Group 1.2: remitted to the treasury in full.
 *
 * Thai names follow seed 001 §1 ("ค่าปรับตาม พ.ร.บ. …"), with its OCR damage corrected to each law's
 * real title and year (domain.md §2): 804002 ๒๕๓๔ → 2474; 804004 ๒๕๕๐ → 2490; 804006 "เรียไร ๒๕๘๗"
 * → เรี่ยไร 2487; 804008 ๒๕๓๓ → 2493; 804201 ๒๕๙๙ → 2499; 804204 ๒๕๘๒ → 2482;
 * 804205 "สำหรับช้างป่า ๒๕๖๔" → สงวนช้าง 2464; 804206 ๒๕๙๗ → 2497.
 */
export type FineGroup = '1.1' | '1.2';

export interface FineLaw {
  /** LABC, 6 digits. */
  readonly revenueCode: string;
  /** The law's short Thai title, e.g. พ.ร.บ. บัตรประจำตัวประชาชน พ.ศ. 2526. */
  readonly lawNameTh: string;
  readonly lawNameEn: string;
  /** The item as written on a receipt: ค่าปรับตาม พ.ร.บ. … */
  readonly itemNameTh: string;
  readonly enactedYearBe: number;
  readonly group: FineGroup;
  /** True for group 1.1 (a share may be deducted before remitting), false for 1.2 (remitted in full). */
  readonly deductible: boolean;
}

function law(revenueCode: string, group: FineGroup, titleTh: string, enactedYearBe: number, lawNameEn: string, sectionTh = ''): FineLaw {
  const lawNameTh = `พ.ร.บ. ${titleTh} พ.ศ. ${enactedYearBe}`;
  return { revenueCode, lawNameTh, lawNameEn, itemNameTh: `ค่าปรับตาม ${lawNameTh}${sectionTh}`, enactedYearBe, group, deductible: group === '1.1' };
}

export const FINE_LAWS: readonly FineLaw[] = [
  law('804001', '1.1', 'บัตรประจำตัวประชาชน', 2526, 'Identity Card Act B.E. 2526 (section 17)', ' ตามมาตรา 17'),
  law('804002', '1.1', 'ควบคุมการขายทอดตลาดและค้าของเก่า', 2474, 'Auction and Second-hand Trade Control Act B.E. 2474'),
  law('804003', '1.1', 'สถานบริการ', 2509, 'Service Establishments Act B.E. 2509'),
  law('804004', '1.1', 'อาวุธปืน เครื่องกระสุนปืน วัตถุระเบิด ดอกไม้เพลิง และสิ่งเทียมอาวุธปืน', 2490, 'Firearms, Ammunition, Explosives, Fireworks and Imitation Firearms Act B.E. 2490'),
  law('804005', '1.1', 'โรงรับจำนำ', 2505, 'Pawnshop Act B.E. 2505'),
  law('804006', '1.1', 'ควบคุมการเรี่ยไร', 2487, 'Collection (Fund-raising) Control Act B.E. 2487'),
  law('804007', '1.1', 'การเล่นแชร์', 2534, 'Share Games Act B.E. 2534'),
  law('804008', '1.1', 'ควบคุมการโฆษณาโดยใช้เครื่องขยายเสียง', 2493, 'Control of Advertising by Loudspeaker Act B.E. 2493'),
  law('804201', '1.2', 'กำหนดความผิดเกี่ยวกับห้างหุ้นส่วนจดทะเบียน ห้างหุ้นส่วนจำกัด บริษัทจำกัด สมาคม และมูลนิธิ', 2499, 'Act Determining Offences Relating to Registered Partnerships, Limited Partnerships, Limited Companies, Associations and Foundations B.E. 2499'),
  law('804202', '1.2', 'ส่งเสริมกิจการฮัจย์', 2524, 'Hajj Affairs Promotion Act B.E. 2524'),
  law('804203', '1.2', 'สุสานและฌาปนสถาน', 2528, 'Cemeteries and Crematoria Act B.E. 2528'),
  law('804204', '1.2', 'สัตว์พาหนะ', 2482, 'Beasts of Burden Act B.E. 2482'),
  law('804205', '1.2', 'สงวนช้าง', 2464, 'Elephant Preservation Act B.E. 2464'),
  law('804206', '1.2', 'รับราชการทหาร', 2497, 'Military Service Act B.E. 2497'),
];

const BY_CODE: ReadonlyMap<string, FineLaw> = new Map(FINE_LAWS.map((entry) => [entry.revenueCode, entry]));

/** The fine law with this revenue code, if it is one of the 14. */
export function fineLawOf(revenueCode: string): FineLaw | undefined {
  return BY_CODE.get(revenueCode);
}
