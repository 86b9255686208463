import { requestMap, type RequestName } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';

/**
 * What a role may do, read from the contract's `access` lists (the main process enforces the same
 * lists): the UI shows only what will be allowed, it never decides permission on its own.
 */
export function mayCall(role: Role, name: RequestName): boolean {
  const access = requestMap[name].access;
  return access === 'public' || (access as readonly Role[]).includes(role);
}

export function mayViewUsers(role: Role): boolean {
  return mayCall(role, 'user.list');
}

export function mayManageUsers(role: Role): boolean {
  return mayCall(role, 'user.add') && mayCall(role, 'user.disable');
}
