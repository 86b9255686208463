/** The six roles of domain.md §1. The main process checks them on every call. */
export const ROLES = ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, { readonly th: string; readonly en: string }>> = {
  operator: { th: 'เจ้าหน้าที่ผู้ปฏิบัติงาน', en: 'Counter operator' },
  supervisor: { th: 'เจ้าหน้าที่ระดับหน่วยงาน', en: 'Unit-level officer (supervisor)' },
  finance: { th: 'เจ้าหน้าที่การเงินและบัญชี', en: 'Finance officer' },
  head: { th: 'หัวหน้าหน่วยงาน', en: 'Head of unit' },
  auditor: { th: 'ผู้ตรวจสอบ', en: 'Auditor (read-only)' },
  admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
