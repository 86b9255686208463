import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src-shared/domain/roles';
import { mayManageUsers, mayViewUsers } from './permissions';

describe('permissions read from the contract', () => {
  it('lets administrator, head and auditor see users', () => {
    expect(ROLES.filter(mayViewUsers)).toEqual(['head', 'auditor', 'admin']);
  });

  it('lets only the administrator add and disable users', () => {
    expect(ROLES.filter(mayManageUsers)).toEqual(['admin']);
  });
});
